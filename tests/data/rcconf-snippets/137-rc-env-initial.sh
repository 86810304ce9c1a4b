#@ env jail_enable=YES
#@ env MYVAR=from env
a=$MYVAR
b=$jail_enable
