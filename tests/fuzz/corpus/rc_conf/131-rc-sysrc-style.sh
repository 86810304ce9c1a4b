jail_enable="yes"
jail_reverse_stop="yes"
jail_parallel_start="no"
