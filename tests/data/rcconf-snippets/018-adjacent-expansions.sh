x=1 y=2
a=$x$y
b=${x}${y}
c="$x""$y"
d=$x-$y
e=${x}_$y
f=$x_$y
