jail_conf=/usr/local/etc/jail.conf
rc_info=YES
_localbase=/opt/local
