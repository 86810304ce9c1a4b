#!/bin/sh
# rcjail itself on the Linux jail(8), jls(8) and jexec(8): `rcjail start
# ducky` from a legacy rc.conf (the ducky jail of the classic FreeBSD
# article) boots a real jail that runs its own /etc/rc, and `rcjail stop
# ducky` runs its /etc/rc.shutdown and leaves nothing behind. rcjail runs in
# a network namespace the test makes, so the jail's address goes on an
# interface of the test's own (v0) and must be gone after the stop.
. "$(dirname "$0")/compat_lib.sh"
compat_setup

make_netns
root=$(make_root ducky)

rcconf=$WORK/rc.conf
cat > "$rcconf" <<EOF
jail_enable="YES"
jail_list="ducky"
jail_program="$JAIL"
jail_jls="$JLS"
jail_jexec="$JEXEC"
jail_sysctl="$BUILD_DIR/compat/sysctl"
jail_interface="v0"
jail_devfs_enable="YES"
jail_procfs_enable="YES"
jail_ducky_rootdir="$root"
jail_ducky_hostname="ducky.example.org"
jail_ducky_ip="192.0.2.10"
EOF
# rcjail runs in the test's network namespace, and in a mount namespace of
# its own where $WORK/run is /var/run: its id and generated files are the
# real thing at the real path, but nobody else's.
varrun=$WORK/run
mkdir -p "$varrun"
rcjail() {
	ip netns exec "$NETNS" unshare -m --propagation private \
		sh -c 'mount --bind "$0" /var/run && exec "$@"' "$varrun" \
		"$RCJAIL" --no-syslog --config "$rcconf" "$@"
}
addresses() { ip -n "$NETNS" -o addr show dev v0 | awk '$3 == "inet" { print $4 }'; }

run rcjail start ducky
check "start: status" 0 "$STATUS"
check "start: message" "Starting jails: ducky.example.org." "$OUT"
check "start: the id file holds the jid" 1 "$(cat "$varrun/jail_ducky.id" 2>/dev/null)"
check "start: the generated jail.conf" "	path = \"$root\";" "$(grep '	path' "$varrun/jail.ducky.conf")"
run "$JLS" -j ducky name host.hostname path
check "start: the jail is in jls" "ducky ducky.example.org $root" "$OUT"
check "start: /etc/rc ran inside" 1 "$(grep -c 'ducky.example.org rc done' "$root/var/log/rc.log")"
check "start: the address is on v0" "192.0.2.10/32" "$(addresses)"
run "$JEXEC" ducky hostname
check "jexec ducky hostname" "ducky.example.org" "$OUT"
sleep 4242 &
host_sleep=$!
run "$JEXEC" ducky sh -c 'cat /proc/1/comm; grep -l "[4]242" /proc/[0-9]*/cmdline 2>/dev/null | wc -l'
kill "$host_sleep"
check "the jail sees only its own processes (its init is PID 1, a host process is not there)" "jail-init
0" "$(echo "$OUT" | tr -d ' ')"
run "$JEXEC" ducky sh -c 'test -c /dev/null && test -c /dev/zero && echo dev; test -r /proc/self/status && echo proc'
check "/dev and /proc are mounted inside" "dev
proc" "$OUT"
run "$JEXEC" ducky sh -c 'kill -0 $(cat /var/run/heartbeat.pid) && echo running'
check "the jail's rc service runs" "running" "$OUT"

run rcjail status
check "status lists the jail" "ducky" "$(echo "$OUT" | awk 'NR > 1 { print $1 }')"

init=$(jail_init ducky)
pid_members=$(members_of pid "$(namespace_of "$init" pid)")
mnt_members=$(members_of mnt "$(namespace_of "$init" mnt)")
check "the jail's processes are known before it goes" yes "$([ -n "$pid_members" ] && echo yes)"
run rcjail stop ducky
check "stop: status" 0 "$STATUS"
check "stop: message" "Stopping jails: ducky.example.org." "$OUT"
check "stop: /etc/rc.shutdown ran" 1 "$(grep -c 'ducky.example.org rc.shutdown' "$root/var/log/rc.log")"
check "stop: no process of the jail remains" 0 "$(remaining "$pid_members")"
check "stop: no mount of the jail remains" 0 "$(remaining "$mnt_members")"
check "stop: nothing mounted under the root on the host" 0 "$(host_mounts_under "$root")"
check "stop: the address is gone from v0" "" "$(addresses)"
check "stop: the id file is gone" no "$([ -e "$varrun/jail_ducky.id" ] && echo yes || echo no)"
check "stop: the jail is gone from the registry" "" "$(registered_jails)"
run "$JLS" -j ducky
check "stop: jls no longer finds it" 'jls: jail "ducky" not found' "$ERR"

run rcjail stop ducky
check "stop again: nothing to stop" "Stopping jails:." "$OUT"

# An rc.conf-style jail without an address needs VIMAGE on FreeBSD; on
# Linux network namespaces stand for it, so it starts instead of being
# ignored ("no ipaddress specified and no vimage support").
plain=$(make_root plain)
cat >> "$rcconf" <<EOF
jail_plain_rootdir="$plain"
jail_plain_hostname="plain.example.org"
EOF
run rcjail start plain
check "no address: started" "Starting jails: plain.example.org." "$OUT"
check "no address: no vimage warning" "" "$(echo "$ERR" | grep vimage)"
run "$JEXEC" plain hostname
check "no address: the jail runs" "plain.example.org" "$OUT"
run rcjail stop plain
check "no address: stopped" "Stopping jails: plain.example.org." "$OUT"

finish
