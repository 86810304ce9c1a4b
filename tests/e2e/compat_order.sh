#!/bin/sh
# Order of the Linux jail(8) with `depend` and -p: checked with the
# timestamps the jails' own /etc/rc and /etc/rc.shutdown write (the uptime
# clock, which every jail shares with the host).
. "$(dirname "$0")/compat_lib.sh"
compat_setup

# Each rc takes 1.5 s: long enough that "c starts while a runs" holds on a
# loaded machine.
for j in a b c; do
	make_root "$j" > /dev/null
	echo "rc_delay=1.5" > "$WORK/$j/etc/rc.conf"
done
conf=$WORK/jail.conf
cat > "$conf" <<EOF
path = "$WORK/\$name";
host.hostname = "\$name";
mount.devfs;
mount.procfs;
exec.start = "/bin/sh /etc/rc";
exec.stop = "/bin/sh /etc/rc.shutdown";
exec.consolelog = "$WORK/\$name.console";
b { depend = a; }
a { }
c { }
EOF

# stamp JAIL EVENT: when the jail's rc logged EVENT (the last time).
stamp() { awk -v e="$2" '{ t = $1; $1 = ""; $2 = ""; sub(/^  /, "") } $0 == e { s = t } END { print s }' "$WORK/$1/var/log/rc.log"; }
# before T1 T2: "yes" when both events happened (a stamp is empty when its
# rc never logged it) and T1 < T2.
before() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "" || b == "") print "no: an event never happened (\"" a "\" < \"" b "\")"
		else print (a + 0 < b + 0) ? "yes" : "no: " a " >= " b
	}'
}
clear_logs() { for j in a b c; do : > "$WORK/$j/var/log/rc.log"; done; }

# Without -p the jails start at once, except that b waits for all of a.
clear_logs
run "$JAIL" -f "$conf" -c
check "parallel start: status" 0 "$STATUS"
check "parallel start: b after a's whole sequence" yes "$(before "$(stamp a 'rc done')" "$(stamp b 'rc start')")"
check "parallel start: c alongside a" yes "$(before "$(stamp c 'rc start')" "$(stamp a 'rc done')")"
run "$JLS" name
check "parallel start: all three run" "a b c" "$(echo $OUT | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')"

# Removal is the other way round: b (which depends on a) goes first.
run "$JAIL" -f "$conf" -r '*'
check "remove all: status" 0 "$STATUS"
check "remove all: b's rc.shutdown before a's" yes "$(before "$(stamp b rc.shutdown)" "$(stamp a rc.shutdown)")"
check "remove all: nothing left" "" "$(registered_jails)"

# -p1: one command at a time, so one jail's sequence after the other.
clear_logs
run "$JAIL" -p1 -f "$conf" -c
check "-p1 start: status" 0 "$STATUS"
check "-p1 start: order of creation" "a: created
c: created
b: created" "$OUT"
check "-p1 start: c only after a is done" yes "$(before "$(stamp a 'rc done')" "$(stamp c 'rc start')")"
check "-p1 start: b only after c is done" yes "$(before "$(stamp c 'rc done')" "$(stamp b 'rc start')")"
run "$JLS" jid name
check "-p1 start: jids in the order of creation" "4 a
5 c
6 b" "$OUT"

# -p1 removal: the last jail first, and b before the a it depends on.
run "$JAIL" -p1 -f "$conf" -r '*'
check "-p1 remove: status" 0 "$STATUS"
check "-p1 remove: order" "c: removed
b: removed
a: removed" "$OUT"
check "-p1 remove: c's rc.shutdown before b's" yes "$(before "$(stamp c rc.shutdown)" "$(stamp b rc.shutdown)")"
check "-p1 remove: b's rc.shutdown before a's" yes "$(before "$(stamp b rc.shutdown)" "$(stamp a rc.shutdown)")"

# Starting b alone pulls in a; removing a alone takes b along first.
run "$JAIL" -f "$conf" -c b
check "dependency pulled in" "a: created
b: created" "$OUT"
run "$JAIL" -f "$conf" -r a
check "dependant removed first" "b: removed
a: removed" "$OUT"

# -rc restarts in one run.
run "$JAIL" -f "$conf" -c c
run "$JAIL" -f "$conf" -rc c
check "restart" "c: removed
c: created" "$OUT"
run "$JAIL" -q -f "$conf" -r c
check "remove -q prints nothing" "" "$OUT$ERR"

finish
