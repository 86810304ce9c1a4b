a=x\ y
b=\$HOME
c=\\
d=a\bc
e=\"q\"
f=\'s\'
