#@ file /etc/rc.conf.d/jail/x
x_arg=$1
x_count=$#
