jail_enable=NO
jail_list=base
#@ file /etc/rc.conf.d/jail
jail_enable=yes
jail_list="$jail_list from_d"
d_arg=$1
