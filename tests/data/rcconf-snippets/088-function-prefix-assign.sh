x=1
f() { seen=$x; x=2; }
x=5 f
after=$x
y=1
y=9 :
after_colon=$y
z=1
z=8 true
after_true=$z
