#@ nodefaults
only_rc_conf=1
#@ file /etc/rc.conf.local
not_read=1
