e=
for w in $e; do n=bad; done
for w in "$e"; do q="[$w]"; done
for w in $e x $e; do out="$out<$w>"; done
