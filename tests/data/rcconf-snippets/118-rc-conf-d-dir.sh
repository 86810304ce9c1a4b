jail_list=base
#@ file /etc/rc.conf.d/jail/20-second
jail_list="$jail_list second"
#@ file /etc/rc.conf.d/jail/10-first
jail_list="$jail_list first"
#@ file /etc/rc.conf.d/jail/30-empty
#@ file /etc/rc.conf.d/jail/.hidden
jail_list="$jail_list hidden"
#@ dir /etc/rc.conf.d/jail/40-subdir
#@ file /etc/rc.conf.d/jail/50-last~
jail_list="$jail_list tilde_backup_is_read_too"
