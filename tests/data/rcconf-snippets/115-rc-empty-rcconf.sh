#@ file /etc/rc.conf.local
from_local=1
