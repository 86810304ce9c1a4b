#@ file /etc/rc.conf.d/jail/a
seen_rc=$_rc
_rc=clobbered
#@ file /etc/rc.conf.d/jail/b
seen_rc_b=$_rc
