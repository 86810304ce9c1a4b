rc_conf_files="$rc_conf_files @ROOT@/etc/level2"
#@ file /etc/level2
l2=read
rc_conf_files="$rc_conf_files @ROOT@/etc/level3"
#@ file /etc/level3
l3=should_not_be_read
