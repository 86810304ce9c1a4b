a=1
[ -n "$a" ] && return
b=never
#@ file /etc/rc.conf.local
c=local_still_read
