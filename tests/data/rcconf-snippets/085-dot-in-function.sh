f() { . @ROOT@/etc/lib.conf; in_f=$lib_v; }
f
#@ file /etc/lib.conf
lib_v=from_lib
lib_arg=$1
