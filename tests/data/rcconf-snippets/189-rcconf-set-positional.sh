set -- a b c
n=$#
#@ file /etc/rc.conf.local
local_n=$#
