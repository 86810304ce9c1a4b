export x=global
f() { local x=local; inner=$x; }
f
