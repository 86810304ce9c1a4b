rc_conf_files="@ROOT@/etc/b.conf @ROOT@/etc/a.conf"
v=rc
#@ file /etc/a.conf
v="$v a"
#@ file /etc/b.conf
v="$v b"
