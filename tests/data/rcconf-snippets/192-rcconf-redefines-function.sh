_rc_conf_read_once() { seen="$seen $1"; }
#@ file /etc/rc.conf.local
from_local=is_never_read
