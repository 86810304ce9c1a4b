. @ROOT@/etc/one.conf
#@ file /etc/one.conf
one=1
. @ROOT@/etc/two.conf
#@ file /etc/two.conf
two=$one$one
