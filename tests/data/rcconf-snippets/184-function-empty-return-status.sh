f() { return; }
false
f
a=$?
true
f
b=$?
