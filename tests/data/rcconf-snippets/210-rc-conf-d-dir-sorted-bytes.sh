#@ file /etc/rc.conf.d/jail/B
v="$v B"
#@ file /etc/rc.conf.d/jail/a
v="$v a"
#@ file /etc/rc.conf.d/jail/_
v="$v _"
#@ file /etc/rc.conf.d/jail/1
v="$v 1"
