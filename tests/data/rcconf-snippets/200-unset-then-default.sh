jail_enable=YES
unset jail_enable
a=${jail_enable:-was_unset}
