true
a=$?
false
b=$?
[ 1 = 2 ]
c=$?
d=$?
