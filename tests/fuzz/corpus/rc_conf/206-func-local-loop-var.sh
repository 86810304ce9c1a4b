i=outer
f() { local i; for i in 1 2 3; do s="$s$i"; done; }
f
after=$i
