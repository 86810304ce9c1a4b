empty_v=
a=${unset_a:=first}
b=${empty_v:=filled}
c=${unset_c=plain}
d=${empty_d=}
: ${jail_root:=/usr/jail}
: ${jail_root:=/ignored}
: ${other="x y"}
