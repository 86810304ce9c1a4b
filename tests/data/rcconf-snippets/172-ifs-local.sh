f() { local IFS=,; set -- $1; n=$#; }
f "a,b,c"
v="x y"
for w in $v; do out="$out<$w>"; done
