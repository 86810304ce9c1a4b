a=1 b=2 c=3
unset a
unset -v b
unset nonexistent
f() { :; }
unset -f f
c2=$c
