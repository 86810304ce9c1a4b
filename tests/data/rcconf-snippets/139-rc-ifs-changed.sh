IFS=,
rc_conf_files="@ROOT@/etc/rc.conf,@ROOT@/etc/extra"
#@ file /etc/extra
extra=read
