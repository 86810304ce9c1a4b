# files sourced by source_rc_confs see the file name as $1, as in FreeBSD
me=$1
count=$#
