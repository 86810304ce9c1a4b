#@ nodefaults
#@ file /etc/defaults/rc.conf
jail_enable="NO"
custom_defaults=1
#@ file /etc/rc.conf.d/jail
jail_enable=YES
