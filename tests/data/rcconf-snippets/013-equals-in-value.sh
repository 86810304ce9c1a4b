a=b=c
b="x=y=z"
c=--opt=value
d==lead
