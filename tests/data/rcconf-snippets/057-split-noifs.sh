IFS=
v="a b c"
for w in $v; do out="$out<$w>"; done
unset IFS
for w in $v; do out2="$out2<$w>"; done
