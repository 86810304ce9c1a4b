a="cost $"
b="$ "
c=a$
d="$/x"
e='$'
f=$%
