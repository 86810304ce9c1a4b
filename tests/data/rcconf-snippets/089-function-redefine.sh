f() { v=first; }
f() { v=second; }
f
g() w=simple
g
