#!/bin/sh
# Order of the Linux jail(8) with `depend` and -p: checked with the order of
# the lines the jails' own /etc/rc and /etc/rc.shutdown append to one shared
# console log (exec.consolelog, opened O_APPEND): each line is written when
# its event happens, so the line order is the event order on any machine,
# where a clock could give two events the same stamp.
. "$(dirname "$0")/compat_lib.sh"
compat_setup

# Each rc takes 1.5 s: long enough that "c starts while a runs" holds on a
# loaded machine. /etc/rc and /etc/rc.shutdown read rc.conf first: it logs
# "JAIL SCRIPT begins" then and "JAIL SCRIPT ends" when the script exits.
for j in a b c; do
	make_root "$j" > /dev/null
	cat > "$WORK/$j/etc/rc.conf" <<'EOF_RC'
rc_delay=1.5
echo "$(hostname) $0 begins"
trap 'echo "$(hostname) $0 ends"' EXIT
EOF_RC
done
events=$WORK/events
conf=$WORK/jail.conf
cat > "$conf" <<EOF
path = "$WORK/\$name";
host.hostname = "\$name";
mount.devfs;
mount.procfs;
exec.start = "/bin/sh /etc/rc";
exec.stop = "/bin/sh /etc/rc.shutdown";
exec.consolelog = "$events";
b { depend = a; }
a { }
c { }
EOF

# stamp JAIL EVENT: the line of the shared log where JAIL logged EVENT
# ("/etc/rc begins", "/etc/rc ends", "/etc/rc.shutdown begins", ...) the
# last time; empty when never.
stamp() { awk -v e="$1 $2" '$0 == e { s = NR } END { print s }' "$events" 2>/dev/null; }
# before L1 L2: "yes" when both events happened and L1 came first.
before() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "" || b == "") print "no: an event never happened (\"" a "\" < \"" b "\")"
		else print (a + 0 < b + 0) ? "yes" : "no: line " a " is not before line " b
	}'
}
clear_logs() { : > "$events"; }

# Without -p the jails start at once, except that b waits for all of a.
clear_logs
run "$JAIL" -f "$conf" -c
check "parallel start: status" 0 "$STATUS"
check "parallel start: b after a's whole sequence" yes "$(before "$(stamp a '/etc/rc ends')" "$(stamp b '/etc/rc begins')")"
check "parallel start: c alongside a" yes "$(before "$(stamp c '/etc/rc begins')" "$(stamp a '/etc/rc ends')")"
run "$JLS" name
check "parallel start: all three run" "a b c" "$(echo $OUT | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')"

# Removal is the other way round: b (which depends on a) goes first.
run "$JAIL" -f "$conf" -r '*'
check "remove all: status" 0 "$STATUS"
check "remove all: b's rc.shutdown before a's" yes "$(before "$(stamp b '/etc/rc.shutdown ends')" "$(stamp a '/etc/rc.shutdown begins')")"
check "remove all: nothing left" "" "$(registered_jails)"

# -p1: one command at a time, so one jail's sequence after the other.
clear_logs
run "$JAIL" -p1 -f "$conf" -c
check "-p1 start: status" 0 "$STATUS"
check "-p1 start: order of creation" "a: created
c: created
b: created" "$OUT"
check "-p1 start: c only after a is done" yes "$(before "$(stamp a '/etc/rc ends')" "$(stamp c '/etc/rc begins')")"
check "-p1 start: b only after c is done" yes "$(before "$(stamp c '/etc/rc ends')" "$(stamp b '/etc/rc begins')")"
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
check "-p1 remove: c's rc.shutdown before b's" yes "$(before "$(stamp c '/etc/rc.shutdown ends')" "$(stamp b '/etc/rc.shutdown begins')")"
check "-p1 remove: b's rc.shutdown before a's" yes "$(before "$(stamp b '/etc/rc.shutdown ends')" "$(stamp a '/etc/rc.shutdown begins')")"

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
