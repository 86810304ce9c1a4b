IFS=:
v="a::b:"
for w in $v; do out="$out<$w>"; done
v2=":lead"
for w in $v2; do out2="$out2<$w>"; done
unset IFS
