#@ file /usr/local/etc/rc.conf.d/jail/a
a=1
#@ file /usr/local/etc/rc.conf.d/jail/b
b=$a$a
