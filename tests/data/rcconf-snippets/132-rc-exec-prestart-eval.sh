jail_exec_prestart0='eval /bin/mkdir -p /var/jail/${_jail}'
jail_list='$(not executed)'
