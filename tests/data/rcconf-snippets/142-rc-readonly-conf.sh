readonly jail_enable=YES
#@ file /etc/rc.conf.d/jail
other=1
