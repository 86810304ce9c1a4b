local_startup="/usr/local/etc/rc.d /opt/etc/rc.d /srv/startup"
#@ file /opt/etc/rc.conf.d/jail
opt=1
#@ file /srv/startup/rc.conf.d/jail
srv=1
#@ file /usr/local/etc/rc.conf.d/jail
usr=1
