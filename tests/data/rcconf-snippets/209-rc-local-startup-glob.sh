local_startup="/usr/local/etc/rc.d"
#@ file /usr/local/etc/rc.conf.d/jail/00
a=1
