#@ nodefaults
#@ file /etc/defaults/rc.conf
rc_conf_files="@ROOT@/etc/rc.conf"
source_rc_confs() {
	local _i
	for _i in ${rc_conf_files}; do
		[ -r "$_i" ] && . "$_i"
	done
	_i_after=${_i-unset}
}
