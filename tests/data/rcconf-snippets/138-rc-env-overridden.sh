#@ env jail_list=from_env
#@ env EXPORTED=1
jail_list="$jail_list from_rc"
EXPORTED=2
