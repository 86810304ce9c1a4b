jail_list="alpha"
jail_list="${jail_list} bravo"
jail_list="$jail_list charlie"
jail_list=${jail_list}" delta"
