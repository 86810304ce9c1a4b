#!/bin/sh
# Addresses and vnet of the Linux jail(8), in a network namespace the test
# makes itself (a veth pair v0/v1) and with documentation addresses only:
# ip4.addr/ip6.addr go on the interface at creation and off at removal; a
# vnet jail gets its own network stack and its vnet.interface, which returns
# to the host when the jail goes.
. "$(dirname "$0")/compat_lib.sh"
compat_setup
make_netns

root=$(make_root net)
conf=$WORK/jail.conf
cat > "$conf" <<EOF
path = "$root";
host.hostname = "\$name";
mount.devfs;
mount.procfs;
exec.start = "/bin/sh /etc/rc";
exec.stop = "/bin/sh /etc/rc.shutdown";
exec.consolelog = "$WORK/\$name.console";
shared {
	interface = v0;
	ip4.addr = 192.0.2.10, "v1|192.0.2.11/24";
	ip6.addr = 2001:db8::10;
}
own {
	vnet;
	vnet.interface = v1;
	exec.start += "/sbin/ip addr add 192.0.2.30/24 dev v1";
	exec.start += "/sbin/ip link set v1 up";
}
EOF

in_netns() { ip netns exec "$NETNS" "$@"; }
addresses() { ip -n "$NETNS" -o addr show dev "$1" | awk '$3 != "inet6" || $4 !~ /^fe80/ { print $4 }' | sort | tr '\n' ' '; }

run in_netns "$JAIL" -f "$conf" -c shared
check "create: status" 0 "$STATUS"
check "addresses on v0" "192.0.2.10/32 2001:db8::10/128 " "$(addresses v0)"
check "address on v1" "192.0.2.11/24 " "$(addresses v1)"
run "$JLS" -j shared ip4.addr ip6.addr
check "jls shows the jail's addresses" "192.0.2.10,192.0.2.11 2001:db8::10" "$OUT"
run "$JLS"
check "jls table shows the first IPv4 address" "     1  192.0.2.10      shared                        $root" "$(echo "$OUT" | tail -n 1)"
run "$JEXEC" shared sh -c 'ip -o addr show dev v0 | grep -c 192.0.2.10'
check "without vnet the jail shares the network" "1" "$OUT"
init=$(jail_init shared)
pid_members=$(members_of pid "$(namespace_of "$init" pid)")
check "the jail's processes are known before it goes" yes "$([ -n "$pid_members" ] && echo yes)"

run in_netns "$JAIL" -f "$conf" -r shared
check "remove: status" 0 "$STATUS"
check "remove: exec.stop ran" 1 "$(grep -c 'shared rc.shutdown' "$root/var/log/rc.log")"
check "remove: addresses gone from v0" "" "$(addresses v0)"
check "remove: address gone from v1" "" "$(addresses v1)"
check "remove: no process left" 0 "$(remaining "$pid_members")"
check "remove: registry entry gone" "" "$(registered_jails)"

run in_netns "$JAIL" -f "$conf" -c own
check "vnet: status" 0 "$STATUS"
check "vnet: v1 left the host side" "" "$(ip -n "$NETNS" -o link show v1 2>/dev/null)"
run "$JEXEC" own sh -c 'ip -o addr show dev v1 | grep -o "192.0.2.30/24"'
check "vnet: v1 inside with its address" "192.0.2.30/24" "$OUT"
run "$JEXEC" own sh -c 'ip -o link show | grep -c "v0"'
check "vnet: the host side's v0 is not visible" "0" "$OUT"
run "$JEXEC" own sh -c 'ip -o addr show dev lo | grep -c 127.0.0.1'
check "vnet: loopback is up" "1" "$OUT"
run in_netns "$JAIL" -f "$conf" -r own
check "vnet remove: status" 0 "$STATUS"
check "vnet remove: v1 is back" 1 "$(ip -n "$NETNS" -o link show v1 | wc -l)"
check "vnet remove: nothing left" "" "$(registered_jails)"

# The addresses are netlink requests, reported as the ip(8) commands that
# do the same; a broadcast address goes along; a failure is ip's.
run in_netns "$JAIL" -v -c name=brd path="$root" ip4.addr="v1|192.0.2.12/24 broadcast 192.0.2.127" persist
check "broadcast: status" "0" "$STATUS"
check "-v shows the command that does the same" "run command: ip -4 addr add 192.0.2.12/24 dev v1 broadcast 192.0.2.127" \
	"$(printf '%s\n' "$OUT" | grep 'addr add')"
check "broadcast: on v1" "192.0.2.127" "$(ip -n "$NETNS" -o -4 addr show dev v1 | awk '{ for (i = 1; i < NF; i++) if ($i == "brd") print $(i + 1) }')"
"$JAIL" -r brd
ip -n "$NETNS" addr flush dev v1
run in_netns "$JAIL" -c name=nodev path="$root" ip4.addr="nosuch|192.0.2.13" persist
check "no such interface: status and ip's words" "1:Cannot find device \"nosuch\"
jail: ip -4 addr add 192.0.2.13/32 dev nosuch: failed" "$STATUS:$ERR"
ip -n "$NETNS" addr add 192.0.2.14/32 dev v0
run in_netns "$JAIL" -c name=taken path="$root" ip4.addr="v0|192.0.2.14" persist
check "an address already there: status and ip's words" "1:RTNETLINK answers: File exists
jail: ip -4 addr add 192.0.2.14/32 dev v0: failed" "$STATUS:$ERR"
check "an address already there: still there, no jail" "192.0.2.14/32 :" "$(addresses v0):$(registered_jails)"
# vnet.interface is a netlink request too, reported the same way.
run in_netns "$JAIL" -c name=novnet path="$root" vnet vnet.interface=nosuch persist
check "no such vnet.interface: status and ip's words" "1:Cannot find device \"nosuch\"" "$STATUS:$(echo "$ERR" | head -n 1)"
check "no such vnet.interface: the command that does the same" yes \
	"$(echo "$ERR" | tail -n 1 | grep -Eq '^jail: ip link set nosuch netns [0-9]+: failed$' && echo yes)"
check "no such vnet.interface: no jail" "" "$(registered_jails)"

finish
