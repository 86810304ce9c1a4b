a=1
#@ error
#@ file /etc/rc.conf.d/jail
case x in
