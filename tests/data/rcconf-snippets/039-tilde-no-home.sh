#@ env HOME=/home/someone
a=~/x
b=~
