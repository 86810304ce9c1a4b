count_rc=$((count_rc + 1))
rc_conf_files="@ROOT@/etc/rc.conf @ROOT@/etc/rc.conf @ROOT@/etc/rc.conf.local @ROOT@/etc/rc.conf"
#@ file /etc/rc.conf.local
count_local=$((count_local + 1))
