unset jail_conf
unset rc_conf_files
