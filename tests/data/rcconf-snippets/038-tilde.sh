a=~
b=~/sub
c=x:~/y
d="~"
e=${unset:-~}
f="${unset:-~}"
g=\~
h=a~
