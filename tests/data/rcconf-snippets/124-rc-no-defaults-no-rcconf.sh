#@ nodefaults
#@ file /etc/rc.conf.d/jail
from_d=1
