. @ROOT@/etc/f.conf
a=$?
eval false
b=$?
eval
c=$?
#@ file /etc/f.conf
false
