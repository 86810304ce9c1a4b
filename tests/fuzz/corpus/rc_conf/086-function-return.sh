f() { return 7; }
f; a=$?
g() { false; return; }
g; b=$?
h() { x=1; }
h; c=$?
