#@ nodefaults
#@ file /etc/defaults/rc.conf
: ${_localbase:="/usr/local"}
local_startup="${_localbase}/etc/rc.d"
#@ file /usr/local/etc/rc.conf.d/jail
found=yes
