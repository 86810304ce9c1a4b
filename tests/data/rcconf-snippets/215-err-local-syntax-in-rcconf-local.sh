#@ error
ok=1
#@ file /etc/rc.conf.local
x=$((
