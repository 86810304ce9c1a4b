#@ env HOME=/home/h
a=${b:=~/x}
c=${d:=x:~/y}
