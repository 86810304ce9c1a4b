get() { got=$v; }
f() { local v=f_local; get; }
v=global
f
