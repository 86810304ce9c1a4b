#@ file /etc/rc.conf.d/jail
local_startup="/custom/rc.d"
#@ file /custom/rc.conf.d/jail
custom=read
#@ file /usr/local/etc/rc.conf.d/jail
usr_local=not_read
