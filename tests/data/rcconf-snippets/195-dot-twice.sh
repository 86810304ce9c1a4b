. @ROOT@/etc/inc.conf
. @ROOT@/etc/inc.conf
#@ file /etc/inc.conf
n=$((n + 1))
