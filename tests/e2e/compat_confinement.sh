#!/bin/sh
# The network of a jail without vnet, confined as FreeBSD's kernel confines
# it (sys/netinet/in_jail.c), in a network namespace the test makes itself
# and on its loopback only: a wildcard bind lands on the jail's address,
# another address is refused, 127.0.0.1 means the jail's own address (so a
# host service bound to 127.0.0.1 is out of reach), outgoing connections
# leave from the jail's address, the host reaches the jail's service there;
# ip4 = disable, and FreeBSD's default for a jail that names no address,
# leave the jail without IPv4; ip4 = inherit leaves it the host's network.
# What runs inside is tests/net_probe.cc, which prints what the kernel said.
. "$(dirname "$0")/compat_lib.sh"
compat_setup
PROBE=$BUILD_DIR/tests/net_probe
[ -x "$PROBE" ] || skip "no $PROBE (built with compat/)"
grep -q ' - cgroup2 ' /proc/self/mountinfo || skip "no cgroup2 hierarchy mounted"
make_netns
ip -n "$NETNS" link set lo up
in_netns() { ip netns exec "$NETNS" "$@"; }

root=$(make_root net)
cp "$PROBE" "$root/bin/net_probe"
conf=$WORK/jail.conf
cat > "$conf" <<EOF2
path = "$root";
persist;
web {
	ip4.addr = "lo|127.0.1.10/32";
	exec.start = "/bin/net_probe bind 0.0.0.0 4010";
	exec.consolelog = "$WORK/web.console";
}
six {
	ip4 = inherit;
	ip6.addr = "lo|fd00::10";
}
off { ip4 = disable; }
plain { }
open { ip4 = inherit; }
EOF2

# A host service on 127.0.0.1 only, and one on every address that tells
# whom it saw; both in the test's network namespace, ended by the test
# (through the pid it writes) or after five minutes.
in_netns python3 -c '
import os, signal, socket, sys, threading
open(sys.argv[1], "w").write(str(os.getpid()))
signal.alarm(300)
def serve(address, port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((address, port)); s.listen(8)
    while True:
        c, peer = s.accept(); c.sendall(("host " + peer[0] + "\n").encode()); c.close()
threading.Thread(target=serve, args=("127.0.0.1", 4001), daemon=True).start()
serve("0.0.0.0", 4006)' "$WORK/server.pid" &
trap '[ -s "$WORK/server.pid" ] && kill "$(cat "$WORK/server.pid")" 2>/dev/null; wait; compat_cleanup' EXIT
for i in $(seq 300); do in_netns python3 -c 'import socket; socket.create_connection(("127.0.0.1", 4006)).close()' 2>/dev/null && break; sleep 0.1; done

for jail in web six off plain open; do
	run in_netns "$JAIL" -f "$conf" -c "$jail"
	check "$jail: created" 0 "$STATUS"
done

run "$JEXEC" web net_probe connect 127.0.0.1 4001
check "127.0.0.1 is the jail's own address: the host's service is out of reach" ECONNREFUSED "$OUT"
run "$JEXEC" web net_probe bind 0.0.0.0 4002
check "a wildcard bind lands on the jail's address" 127.0.1.10:4002 "$OUT"
run "$JEXEC" web net_probe bind 127.0.0.2 4003
check "another address is refused" EADDRNOTAVAIL "$OUT"
run "$JEXEC" web net_probe bind 127.0.1.10 4004
check "the jail's address may be bound" 127.0.1.10:4004 "$OUT"
run "$JEXEC" web net_probe connect 127.0.0.3 4006
check "an outgoing connection leaves from the jail's address" "127.0.1.10" "${OUT%%:*}"
check "exec.start runs confined too" 127.0.1.10:4010 "$(cat "$WORK/web.console")"
run "$JEXEC" web net_probe socket inet6
check "no ip6.addr: no IPv6 (FreeBSD's default)" EAFNOSUPPORT "$OUT"

"$JEXEC" web net_probe serve 0.0.0.0 4005 20 > "$WORK/serve.out" &
for i in $(seq 300); do grep -q 4005 "$WORK/serve.out" && break; sleep 0.1; done
check "the jail's service listens on its address" 127.0.1.10:4005 "$(cat "$WORK/serve.out")"
run in_netns python3 -c 'import socket; print(socket.create_connection(("127.0.0.1", 4005), 2).recv(9).decode().strip())'
check "not on the host's 127.0.0.1" 1 "$STATUS"
run in_netns python3 -c 'import socket; print(socket.create_connection(("127.0.1.10", 4005), 2).recv(9).decode().strip())'
check "the host reaches the jail's service at the jail's address" jail "$OUT"
wait $! 2>/dev/null

run "$JEXEC" six net_probe bind :: 4020
check "ip6.addr: a wildcard bind lands on the jail's IPv6 address" "[fd00::10]:4020" "$OUT"
run "$JEXEC" six net_probe connect 127.0.0.1 4001
check "ip4 = inherit beside ip6.addr: the host's IPv4" "127.0.0.1" "${OUT%%:*}"

run "$JEXEC" off net_probe socket inet
check "ip4 = disable refuses IPv4 sockets" EAFNOSUPPORT "$OUT"
run "$JEXEC" plain net_probe socket inet
check "no address and no ip4: no IPv4, as on FreeBSD" EAFNOSUPPORT "$OUT"
run "$JLS" -n -j plain ip4 ip6
check "jls shows what the jail has" "ip4=disable ip6=disable" "$OUT"
run "$JEXEC" open net_probe connect 127.0.0.1 4001
check "ip4 = inherit: the host's network" "127.0.0.1" "${OUT%%:*}"

run in_netns "$JAIL" -m name=web ip4.addr=127.0.1.20
check "jail -m: new addresses" 0 "$STATUS"
run "$JEXEC" web net_probe bind 0.0.0.0 4030
check "jail -m: they hold at once" 127.0.1.20:4030 "$OUT"

# The jail's cgroup goes with it; one left by a jail that ended by itself
# goes at the next creation.
cgroup2=$(grep ' - cgroup2 ' /proc/self/mountinfo | awk '{ print $5; exit }')
web_cgroup=$(awk -F: '$1 == "0" { print $3 }' "/proc/$(jail_init web)/cgroup")
check "the jail has a cgroup of its own" yes "$(case $web_cgroup in /rcjail/*) echo yes ;; esac)"
# One copy of the programs, above every jail's cgroup; each jail's rules in
# their map under the id of its cgroup. (bpftool made the programs' loader,
# so it is here wherever compat/ is built.)
web_id=$(stat -c %i "$cgroup2$web_cgroup")
rules_entries() {
	bpftool -j map dump name jail_rules | python3 -c '
import json, sys
print(sum(int.from_bytes(bytes(int(b, 16) for b in e["key"]), "little") == int(sys.argv[1]) for e in json.load(sys.stdin)))' "$1"
}
check "the programs are attached once, to the jails' parent cgroup" 7 \
	"$(bpftool cgroup show "$cgroup2/rcjail" | grep -c ' jail_')"
check "a jail's cgroup has no programs of its own" 0 "$(bpftool cgroup show "$cgroup2$web_cgroup" | grep -c ' jail_')"
check "the jail's rules are in the map under its cgroup's id" 1 "$(rules_entries "$web_id")"
# A process below the jails' cgroup in a cgroup that has no rules gets no
# socket: the confinement fails closed.
norules=$cgroup2/rcjail/no-rules.$$
mkdir "$norules"
run sh -c 'echo $$ > "$1/cgroup.procs" && exec "$2" socket inet' - "$norules" "$PROBE"
rmdir "$norules"
check "a cgroup below the jails' without rules: no socket" EPERM "$OUT"
run in_netns "$JAIL" -f "$conf" -r web
check "remove: status" 0 "$STATUS"
check "remove: the cgroup is gone" no "$([ -d "$cgroup2$web_cgroup" ] && echo yes || echo no)"
check "remove: the jail's rules are gone" 0 "$(rules_entries "$web_id")"
run in_netns "$JAIL" -c name=brief path="$root" ip4.addr=127.0.1.12 mount.procfs command=/bin/cat /proc/self/cgroup
brief_cgroup=$(echo "$OUT" | awk -F: '$1 == "0" { print $3 }')
brief_id=$(stat -c %i "$cgroup2$brief_cgroup" 2>/dev/null || echo none)
check "a command-line jail runs in its cgroup" yes "$(case $brief_cgroup in /rcjail/*) echo yes ;; esac)"
run in_netns "$JAIL" -c name=next path="$root" ip4.addr=127.0.1.13 command=/bin/true
check "the cgroup of a jail that ended by itself goes at the next creation" no \
	"$([ -d "$cgroup2$brief_cgroup" ] && echo yes || echo no)"
check "and its rules with it" 0 "$(rules_entries "$brief_id")"

for jail in six off plain open; do run in_netns "$JAIL" -f "$conf" -r "$jail"; done
check "nothing left" "" "$(registered_jails)"
finish
