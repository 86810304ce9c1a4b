list="a b  c	d
e"
for w in $list; do out="$out<$w>"; n=$((n+1)); done
