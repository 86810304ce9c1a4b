#@ error
x=abc
a=$((x + 1))
