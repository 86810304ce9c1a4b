a=1 eval 'b=$a'
c=2 . @ROOT@/etc/p.conf
#@ file /etc/p.conf
d=$c
