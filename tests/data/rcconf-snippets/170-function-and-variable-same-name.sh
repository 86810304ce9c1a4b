f=variable
f() { called=yes; }
f
v=$f
