: x=1
true y=2
n=${x-unset}${y-unset}
