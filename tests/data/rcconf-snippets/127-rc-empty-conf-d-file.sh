a=1
#@ file /etc/rc.conf.d/jail
