x=outer
f() { local x; kept=$x; x=inner; }
f
after=$x
