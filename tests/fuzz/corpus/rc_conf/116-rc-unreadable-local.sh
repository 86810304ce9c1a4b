jail_enable=YES
#@ file /etc/rc.conf.local 000
jail_list="secret"
