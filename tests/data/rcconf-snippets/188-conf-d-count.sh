#@ file /etc/rc.conf.d/jail/f
n=$#
