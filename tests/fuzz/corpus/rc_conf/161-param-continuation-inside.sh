v=abc
a=${v\
#a}
b="${v%\
c}"
