jail_enable="YES"
jail_list="alpha  bravo   charlie"
jail_alpha_rootdir="/usr/jail/with space"
