first=rc.conf
rc_conf_files="$rc_conf_files @ROOT@/etc/rc.conf.extra"
#@ file /etc/rc.conf.local
local_seen=$first
#@ file /etc/rc.conf.extra
extra_read=yes
order="$first local"
