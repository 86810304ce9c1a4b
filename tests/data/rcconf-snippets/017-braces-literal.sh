a="{a}"
b='{'
c=x}y
d={z}
