#!/bin/sh
# Failures of the Linux jail(8): the message, exit status 1, and a rollback
# that leaves nothing behind (no jail, no process, no address on the
# interface), as jail(8) undoes a failed creation. The addresses are
# documentation addresses on a veth pair in a network namespace of the test's own.
. "$(dirname "$0")/compat_lib.sh"
compat_setup
make_netns

root=$(make_root base)
conf=$WORK/jail.conf
cat > "$conf" <<EOF
path = "$root";
host.hostname = "\$name";
interface = v0;
mount.devfs;
exec.start = "/bin/sh /etc/rc";
exec.stop = "/bin/sh /etc/rc.shutdown";
exec.consolelog = "$WORK/console.log";
prestart { ip4.addr = 192.0.2.21; exec.prestart = "true", "false"; }
nopath { path = "$WORK/nonexistent"; ip4.addr = 192.0.2.22; mount.nodevfs; }
hang { ip4.addr = 192.0.2.23; ip6.addr = 2001:db8::23; exec.timeout = 1; exec.start = "/bin/sleep 86399"; }
badmount { ip4.addr = 192.0.2.24; mount = "$WORK/nonexistent $root/mnt nullfs ro"; }
shortline { mount = "tmpfs"; }
created { ip4.addr = 192.0.2.25; exec.created = "false"; }
dependant { depend = prestart; }
unknown { foo.bar = 1; }
prestop { exec.prestop = "false"; }
EOF
mkdir -p "$root/mnt"

# in_netns CMD...: runs CMD in the test's network namespace.
in_netns() { ip netns exec "$NETNS" "$@"; }
addresses() { ip -n "$NETNS" -o addr show dev v0 | awk '$3 != "inet6" || $4 !~ /^fe80/ { print $4 }'; }
# Processes still running with this test's files on their command line.
leftovers() { processes_matching "$WORK"; }

run in_netns "$JAIL" -f "$conf" -c prestart
check "failing exec.prestart: status" 1 "$STATUS"
check "failing exec.prestart: message" "jail: prestart: false: failed" "$ERR"
check "failing exec.prestart: nothing on stdout" "" "$OUT"
check "failing exec.prestart: address removed again" "" "$(addresses)"
check "failing exec.prestart: no jail" "" "$(registered_jails)"
check "failing exec.prestart: no process left" 0 "$(leftovers)"

run in_netns "$JAIL" -f "$conf" -c nopath
check "missing path: status" 1 "$STATUS"
check "missing path: message" "jail: nopath: path $WORK/nonexistent: No such file or directory" "$ERR"
check "missing path: address removed again" "" "$(addresses)"
check "missing path: no process left" 0 "$(leftovers)"

run in_netns "$JAIL" -f "$conf" -c hang
check "exec.timeout: status" 1 "$STATUS"
check "exec.timeout: message" "jail: hang: /bin/sleep 86399: timed out" "$ERR"
check "exec.timeout: created, then removed" "hang: created
hang: removed" "$OUT"
check "exec.timeout: addresses removed again" "" "$(addresses)"
check "exec.timeout: the hanging command is gone with the jail" 0 "$(processes_matching 86399)"
check "exec.timeout: no jail" "" "$(registered_jails)"

run in_netns "$JAIL" -f "$conf" -c badmount
check "failing mount: status" 1 "$STATUS"
check "failing mount: messages" "mount: $root/mnt: No such file or directory
jail: badmount: mount -t nullfs -o ro $WORK/nonexistent $root/mnt: failed" "$ERR"
check "failing mount: address removed again" "" "$(addresses)"
check "failing mount: no process left" 0 "$(leftovers)"

run "$JAIL" -f "$conf" -c shortline
check "short mount line" "jail: shortline: mount: tmpfs: missing information" "$ERR"

run in_netns "$JAIL" -f "$conf" -c created
check "failing exec.created: status" 1 "$STATUS"
check "failing exec.created: the jail was created and is removed" "created: created
created: removed" "$OUT"
check "failing exec.created: message" "jail: created: false: failed" "$ERR"
check "failing exec.created: address removed again" "" "$(addresses)"
check "failing exec.created: no jail" "" "$(registered_jails)"

run in_netns "$JAIL" -f "$conf" -c dependant
check "failed dependency: status" 1 "$STATUS"
check "failed dependency: messages" "jail: prestart: false: failed
jail: dependant: skipped" "$ERR"

run "$JAIL" -f "$conf" -c unknown
check "unknown parameter" "jail: unknown: unknown parameter: foo.bar" "$ERR"
check "unknown parameter: status" 1 "$STATUS"

run "$JAIL" -f "$conf" -c nosuch
check "unknown jail: message" 'jail: "nosuch" not found' "$ERR"
check "unknown jail: status" 1 "$STATUS"

# A failure before the jail is removed leaves it running.
run in_netns "$JAIL" -f "$conf" -c prestop
check "prestop jail created" "prestop: created" "$OUT"
run in_netns "$JAIL" -f "$conf" -r prestop
check "failing exec.prestop: status" 1 "$STATUS"
check "failing exec.prestop: message" "jail: prestop: false: failed" "$ERR"
run "$JLS" -j prestop name
check "failing exec.prestop: the jail still runs" "prestop" "$OUT"
run "$JAIL" -R prestop
check "jail -R removes it without the configuration" 0 "$STATUS"
run "$JLS" -j prestop
check "and it is gone" 1 "$STATUS"
check "no process left at the end" 0 "$(leftovers)"

finish
