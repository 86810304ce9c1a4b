#!/bin/sh
# FreeBSD jail(8) semantics of the Linux jail(8): variables resolved as
# jail(8) resolves them (unknown ones and loops fail the jail, a numbered
# block is named by its number), list parameters split on commas on the
# command line, exec.poststop's JID/JNAME/JPATH, exec.prestop when removing
# by jid, -rc and -cm. It runs in a PID namespace of its own, whose PID 1
# (this script) records any signal it gets; none may come, and a canary
# process must outlive every jail.
if [ "${COMPAT_OWN_PIDNS:-}" != 1 ] && [ "$(id -u)" -eq 0 ] && command -v unshare > /dev/null; then
	COMPAT_OWN_PIDNS=1 exec unshare --pid --fork --mount-proc sh "$0" "$@"
fi
. "$(dirname "$0")/compat_lib.sh"
compat_setup
if [ "${COMPAT_OWN_PIDNS:-}" != 1 ]; then
	echo "skipped: unshare is needed for a PID namespace of the test's own"
	exit 0
fi
trap 'echo TERM >> "$WORK/pid1.signals"' TERM
trap 'echo HUP >> "$WORK/pid1.signals"' HUP
sleep 3600 &
canary=$!
make_netns
in_netns() { ip netns exec "$NETNS" "$@"; }

root=$(make_root sem)
conf=$WORK/jail.conf

# ---- variables: -e warns and lists; -c fails the jail ----
cat > "$conf" <<EOF
a {
	path = "$root";
	host.hostname = \$nope;
}
b {
	\$x = "\$y";
	\$y = "\$x";
	host.hostname = \$x;
}
EOF
run "$JAIL" -f "$conf" -e '|'
check "-e: status" 0 "$STATUS"
check "-e: the unknown variable's warning" 'jail: a: host.hostname: variable "nope" not found' "$(echo "$ERR" | sed -n 1p)"
check "-e: the loop's warning" 'jail: b: x: variable loop' "$(echo "$ERR" | sed -n 2p)"
check "-e: still lists the jails" "name=a|path=$root|host.hostname=\"\"
name=b|host.hostname=\"\"" "$OUT"
# jail(8) warns about every jail of the file as it loads it, selected or not.
warnings='jail: a: host.hostname: variable "nope" not found
jail: b: x: variable loop'
run "$JAIL" -f "$conf" -c a
check "unknown variable: status" 1 "$STATUS"
check "unknown variable: messages" "$warnings" "$ERR"
run "$JAIL" -f "$conf" -c b
check "variable loop: status" 1 "$STATUS"
check "variable loop: messages" "$warnings" "$ERR"
check "no jail was made" "" "$(registered_jails)"

# ---- a numbered block is named by its number ----
cat > "$conf" <<EOF
path = "/jails/\$name";
123 { }
5309 { host.hostname = "\${name}"; }
EOF
run "$JAIL" -f "$conf" -e '|'
check "numbered: -e" 'path=/jails/123|name=123
path=/jails/5309|host.hostname=5309|name=5309' "$OUT"
check "numbered: no warning" "" "$ERR"

cat > "$conf" <<EOF
5309 { path = "$root"; host.hostname = "\${name}"; persist; }
EOF
run "$JAIL" -f "$conf" -c 5309
check "numbered create: status" 0 "$STATUS"
check "numbered create: message" "5309: created" "$OUT"
run "$JLS" -j 5309 jid name host.hostname
check "numbered: jid, name and \${name}" "5309 5309 5309" "$OUT"
run "$JAIL" -f "$conf" -r 5309
check "numbered remove: message" "5309: removed" "$OUT"

# ---- list parameters on the command line ----
run in_netns "$JAIL" -c name=lists path="$root" vnet persist vnet.interface=v0,v1
check "vnet.interface=v0,v1: status" 0 "$STATUS"
run "$JEXEC" lists sh -c 'ip -o link show v0 > /dev/null && ip -o link show v1 > /dev/null && echo both'
check "vnet.interface=v0,v1 moves both" "both" "$OUT"
check "neither is left on the host side" "0" "$(ip -n "$NETNS" -o link show | grep -c ' v[01][@:]')"
run in_netns "$JAIL" -r lists
check "list jail removed" 0 "$STATUS"

# ---- exec.poststop's environment; exec.prestop when removed by jid ----
cat > "$conf" <<EOF
basejail {
	path = "$root";
	persist;
	exec.prestop = "echo STOP";
	exec.poststop = 'echo JID=\$JID JNAME=\$JNAME JPATH=\$JPATH';
}
EOF
run "$JAIL" -f "$conf" -qc basejail
check "commands jail created" 0 "$STATUS"
jid=$("$JLS" -j basejail jid)
run "$JAIL" -f "$conf" -qr "$jid"
check "remove by jid: status" 0 "$STATUS"
check "remove by jid runs exec.prestop, exec.poststop sees the jail" "STOP
JID=$jid JNAME=basejail JPATH=$root" "$OUT"
check "remove by jid: gone" "" "$(registered_jails)"

# ---- -rc restarts, -cm creates or modifies ----
cat > "$conf" <<EOF
rj { path = "$root"; persist; host.hostname = first; }
EOF
run "$JAIL" -f "$conf" -c rj
first=$("$JLS" -j rj jid)
run "$JAIL" -f "$conf" -rc rj
check "-rc (file): status" 0 "$STATUS"
check "-rc (file): removed, then created" "rj: removed
rj: created" "$OUT"
check "-rc (file): a new jail" yes "$([ "$("$JLS" -j rj jid)" != "$first" ] && echo yes)"
run "$JAIL" -f "$conf" -r rj

run "$JAIL" -c name=cl path="$root" persist host.hostname=one
first=$("$JLS" -j cl jid)
run "$JAIL" -rc name=cl path="$root" persist host.hostname=two
check "-rc (command line): status" 0 "$STATUS"
check "-rc (command line): a new jail" yes "$([ "$("$JLS" -j cl jid)" != "$first" ] && echo yes)"
check "-rc (command line): the new parameters" "two" "$("$JLS" -j cl host.hostname)"
run "$JAIL" -r cl

run "$JAIL" -cm name=cm path="$root" persist host.hostname=one
check "-cm (command line), not running: creates" 0 "$STATUS"
first=$("$JLS" -j cm jid)
run "$JAIL" -cm name=cm path="$root" persist host.hostname=two
check "-cm (command line), running: status" 0 "$STATUS"
check "-cm (command line), running: the same jail" "$first two" "$("$JLS" -j cm jid host.hostname)"
run "$JAIL" -r cm

cat > "$conf" <<EOF
cmj { path = "$root"; persist; host.hostname = one; }
EOF
run "$JAIL" -f "$conf" -cm cmj
check "-cm (file), not running: created" "cmj: created" "$OUT"
first=$("$JLS" -j cmj jid)
sed -i 's/= one;/= two;/' "$conf"
run "$JAIL" -f "$conf" -cm cmj
check "-cm (file), running: updated" "cmj: updated" "$OUT"
check "-cm (file), running: the same jail, modified" "$first two" "$("$JLS" -j cmj jid host.hostname)"
run "$JAIL" -f "$conf" -r cmj

check "PID 1 of the test's namespace got no signal" "" "$(cat "$WORK/pid1.signals" 2>/dev/null)"
check "the canary lives" yes "$(kill -0 "$canary" 2>/dev/null && echo yes)"
kill "$canary"
finish
