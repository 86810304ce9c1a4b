jail_enable=YES
