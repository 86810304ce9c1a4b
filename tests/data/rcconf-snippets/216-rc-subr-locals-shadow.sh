#@ file /etc/rc.conf.d/jail
f=lost
_d=lost
verify=lost
seen_name=$_name
seen_d=$_d
seen_f=$f
seen_dot=$_dot
