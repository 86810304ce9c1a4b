jail_list=base
#@ file /etc/rc.conf.d/jail
jail_list="$jail_list etc"
#@ file /usr/local/etc/rc.conf.d/jail
jail_list="$jail_list usr_local"
