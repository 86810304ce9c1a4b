export jail_web_hostname="web.example.org"
export jail_web_ip="192.0.2.5"
export jail_web_rootdir="/usr/jails/web"
export jail_web_exec="/bin/sh /etc/rc"
