_rc_conf_done="$_rc_conf_done:@ROOT@/etc/rc.conf.local"
_f=clobbered
_round=clobbered
#@ file /etc/rc.conf.local
skipped=no
