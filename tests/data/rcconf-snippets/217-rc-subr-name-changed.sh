#@ file /etc/rc.conf.d/jail
_name=other
#@ file /usr/local/etc/rc.conf.d/other
from_other=yes
#@ file /usr/local/etc/rc.conf.d/jail
from_jail=no
