jail_enable="YES"
jail_list="ducky"
jail_ducky_ip="192.0.2.10"
#@ file /etc/rc.conf.local
jail_list="ducky goose"
jail_ducky_ip="192.0.2.11"
