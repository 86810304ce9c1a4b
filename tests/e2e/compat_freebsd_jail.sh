# The scenarios of FreeBSD's own jail(8) regression tests (basic use, lists,
# nested jails, exec commands, jid/name setting, parameter consistency),
# written anew against the Linux jail(8), jls(8) and jexec(8); interfaces
# are made with `ip link` where FreeBSD uses ifconfig, inside a network
# namespace the test makes ($NETNS), never on the host's. Everything runs in
# a PID namespace of its own whose PID 1 must receive no signal.
. "$(dirname "$0")/compat_lib.sh"

in_netns() { ip netns exec "$NETNS" "$@"; }

# links_in_netns NAME...: how many of these interfaces $NETNS has.
links_in_netns() {
	count=0
	for link in "$@"; do
		ip -n "$NETNS" link show "$link" > /dev/null 2>&1 && count=$((count + 1))
	done
	echo "$count"
}

basic() {
	run "$JAIL" -c name=basejail persist ip4.addr=192.0.1.1
	check "basic: created" "0" "$STATUS"
	for flags in "" -v -n; do
		run "$JLS" $flags
		check "basic: jls $flags" "0" "$STATUS"
	done
	run "$JAIL" -r basejail
	check "basic: removed by name" "0" "$STATUS"
	"$JAIL" -c name=basejail persist ip4.addr=192.0.1.1 > /dev/null
	run "$JAIL" -r "$("$JLS" -j basejail jid)"
	check "basic: removed by jid" "0::" "$STATUS:$ERR:$(registered_jails)"
	run "$JAIL" -cm name=basejail persist ip4.addr=192.0.1.1
	check "basic: -cm creates" "0::" "$STATUS:$OUT:$ERR"
	first=$("$JLS" -j basejail jid)
	run "$JAIL" -rc name=basejail persist ip4.addr=192.0.1.1
	check "basic: -rc restarts" "0::" "$STATUS:$OUT:$ERR"
	check "basic: -rc made a new jail" "yes" "$([ "$("$JLS" -j basejail jid)" != "$first" ] && echo yes)"
	run "$JAIL" -r basejail
	check "basic: clean-up" "0:" "$STATUS:$(registered_jails)"
}

# FreeBSD's epair is a veth pair here; both ends go to the jail, and come
# back when it is removed (the clean-up destroys the pair on the host).
lists() {
	ends="${IFBASE}a ${IFBASE}b"
	ip -n "$NETNS" link add "${IFBASE}a" type veth peer name "${IFBASE}b"
	check "lists: a veth pair in the test's namespace" "2" "$(links_in_netns $ends)"
	run in_netns "$JAIL" -c name=basejail vnet persist vnet.interface="${IFBASE}a,${IFBASE}b"
	check "lists: vnet.interface=a,b" "0::" "$STATUS:$OUT:$ERR"
	for end in $ends; do
		run "$JEXEC" basejail ip link show "$end"
		check "lists: $end is in the jail" "0" "$STATUS"
	done
	check "lists: neither is left outside" "0" "$(links_in_netns $ends)"
	run in_netns "$JAIL" -r basejail
	check "lists: removed" "0:" "$STATUS:$ERR"
	check "lists: removal gives both back" "2" "$(links_in_netns $ends)"
	ip -n "$NETNS" link del "${IFBASE}a"
}

nested() {
	"$JAIL" -c name=basejail persist ip4.addr=192.0.1.1 children.max=1 > /dev/null
	run "$JEXEC" basejail "$JAIL" -c name=nestedjail persist ip4.addr=192.0.1.1
	check "nested: created inside basejail" "0::" "$STATUS:$OUT:$ERR"
	run "$JEXEC" basejail "$JAIL" -c name=secondnestedjail persist ip4.addr=192.0.1.1
	check "nested: over children.max" "1::jail: prison limit exceeded" "$STATUS:$OUT:$ERR"
	for flags in "" -v -n; do
		run "$JEXEC" basejail "$JLS" $flags
		check "nested: jls $flags in basejail" "0" "$STATUS"
	done
	run "$JEXEC" basejail "$JLS" -N name
	check "nested: basejail lists its child by its own name" "nestedjail" "$OUT"
	run "$JLS" name
	check "nested: the host sees the dotted name" "basejail
basejail.nestedjail" "$OUT"
	"$JAIL" -c name=basejail_nochild persist ip4.addr=192.0.1.1 > /dev/null
	run "$JEXEC" basejail_nochild "$JAIL" -c name=nestedjail persist ip4.addr=192.0.1.1
	check "nested: children.max is 0 by default" "1::jail: jail_set: Operation not permitted" "$STATUS:$OUT:$ERR"
	run "$JEXEC" basejail_nochild "$JLS" name
	check "nested: a jail does not see its siblings" "0:" "$STATUS:$OUT"
	run "$JEXEC" basejail_nochild "$JAIL" -r basejail
	check "nested: nor remove them" "1" "$STATUS"
	# FreeBSD's clean-up removes "nestedjail" from the host, where it has another name.
	run "$JAIL" -r nestedjail
	check "nested: the host has no nestedjail" "1" "$STATUS"
	run "$JAIL" -r basejail
	check "nested: removing basejail" "0" "$STATUS"
	run "$JAIL" -r basejail_nochild
	check "nested: all gone" "0:" "$STATUS:$(registered_jails)"
}

commands() {
	dir=$WORK/commands
	mkdir -p "$dir"
	cat > "$dir/jail.conf" <<-CONF
	exec.prestop = "echo STOP";
	exec.prestart = "echo START";
	exec.poststart = "env";
	persist;
	path = "$dir";
	basejail {}
	CONF
	run "$JAIL" -f "$dir/jail.conf" -qc basejail
	check "commands: -qc" "0:" "$STATUS:$ERR"
	check "commands: exec.prestart" "START" "$(echo "$OUT" | grep -x START)"
	check "commands: JID in exec.poststart" "JID=$("$JLS" -j basejail jid)" "$(echo "$OUT" | grep '^JID=')"
	check "commands: JNAME in exec.poststart" "JNAME=basejail" "$(echo "$OUT" | grep '^JNAME=')"
	check "commands: JPATH in exec.poststart" "JPATH=$dir" "$(echo "$OUT" | grep '^JPATH=')"
	run "$JAIL" -f "$dir/jail.conf" -qr basejail
	check "commands: exec.prestop by name" "0:STOP" "$STATUS:$OUT"
	"$JAIL" -f "$dir/jail.conf" -qc basejail > /dev/null
	run "$JAIL" -f "$dir/jail.conf" -qr "$("$JLS" -j basejail jid)"
	check "commands: exec.prestop by jid" "0:STOP:" "$STATUS:$OUT:$ERR"
	check "commands: gone" "" "$(registered_jails)"
}

jid_name_set() {
	dir=$WORK/jidname
	mkdir -p "$dir"
	jid=5309
	run "$JLS" -cj "$jid"
	check "jid_name_set: $jid is free" "1" "$STATUS"
	echo "$jid { name = basejail; persist; }" > "$dir/jail.conf"
	run "$JAIL" -f "$dir/jail.conf" -c "$jid"
	check "jid_name_set: numbered block" "0:$jid: created" "$STATUS:$OUT"
	run "$JLS" -j "$jid" name
	check "jid_name_set: keeps its name" "basejail" "$OUT"
	run "$JLS" -cj "$jid"
	check "jid_name_set: jls -cj" "0:" "$STATUS:$OUT"
	run "$JAIL" -f "$dir/jail.conf" -r "$jid"
	check "jid_name_set: removed" "0:$jid: removed" "$STATUS:$OUT"
	echo "$jid { host.hostname = \"\${name}\"; persist; }" > "$dir/jail.conf"
	run "$JAIL" -f "$dir/jail.conf" -c "$jid"
	check 'jid_name_set: ${name} in a numbered block' "0:$jid: created" "$STATUS:$OUT"
	run "$JLS" -j "$jid" host.hostname
	check 'jid_name_set: ${name} is the number' "$jid" "$OUT"
	run "$JAIL" -f "$dir/jail.conf" -r "$jid"
	check 'jid_name_set: ${name} jail removed' "0:$jid: removed" "$STATUS:$OUT"
	echo "basejail { jid = $jid; persist; }" > "$dir/jail.conf"
	run "$JAIL" -f "$dir/jail.conf" -c basejail
	check "jid_name_set: jid parameter" "0:basejail: created" "$STATUS:$OUT"
	run "$JLS" -j basejail jid
	check "jid_name_set: at that jid" "$jid" "$OUT"
	run "$JAIL" -f "$dir/jail.conf" -r basejail
	check "jid_name_set: removed by name" "0:basejail: removed" "$STATUS:$OUT"
}

param_consistency() {
	dir=$WORK/params
	mkdir -p "$dir"
	run "$JAIL" -c path=/ exec.poststart=true command=/bin/true
	check "param_consistency: poststart without a config" "0" "$STATUS"
	# FreeBSD clones a loopback; a dummy (or, where the kernel has none, one
	# end of a veth pair) stands in.
	iface=${IFBASE}d
	ip -n "$NETNS" link add "$iface" type dummy 2>/dev/null ||
		ip -n "$NETNS" link add "$iface" type veth peer name "${iface}p"
	check "param_consistency: an interface in the test's namespace" "1" "$(links_in_netns "$iface")"
	run in_netns "$JAIL" -c path=/ vnet=new vnet.interface="$iface" command=/bin/true
	check "param_consistency: vnet.interface without a name" "0:" "$STATUS:$ERR"
	check "param_consistency: the jail ended with its command" "" "$("$JLS" jid)"
	# As on FreeBSD, the interface is back where it came from, and the
	# scenario's cleanup (ifconfig destroy there) finds it.
	check "param_consistency: the interface is back" "1" "$(links_in_netns "$iface")"
	ip -n "$NETNS" link del "$iface"
	check "param_consistency: cleanup destroys it" "0:0" "$?:$(links_in_netns "$iface")"
	echo "basejail {path = /; exec.prestop = 'echo STOP'; persist; }" > "$dir/jail.conf"
	"$JAIL" -f "$dir/jail.conf" -c basejail > /dev/null
	run "$JAIL" -f "$dir/jail.conf" -r basejail
	check "param_consistency: prestop by name" "0:STOP" "$STATUS:$(echo "$OUT" | grep -x STOP)"
	for block in "5309 {" "5309 {name = basejail; "; do
		echo "$block path = /; exec.prestop = 'echo STOP'; persist; }" > "$dir/jail.conf"
		"$JAIL" -f "$dir/jail.conf" -c 5309 > /dev/null
		run "$JAIL" -f "$dir/jail.conf" -r 5309
		check "param_consistency: prestop of '$block'" "0:STOP" "$STATUS:$(echo "$OUT" | grep -x STOP)"
	done
	echo "basejail {path = /; exec.poststop = 'echo JID=\$JID JNAME=\$JNAME JPATH=\$JPATH'; persist; }" > "$dir/jail.conf"
	"$JAIL" -f "$dir/jail.conf" -c basejail > /dev/null
	jid=$("$JLS" -j basejail jid)
	run "$JAIL" -f "$dir/jail.conf" -r basejail
	check "param_consistency: JID in exec.poststop" "0:JID=$jid JNAME=basejail JPATH=/" \
		"$STATUS:$(echo "$OUT" | grep '^JID=')"
	check "param_consistency: all gone" "" "$(registered_jails)"
}

if [ "${1:-}" = inner ]; then
	WORK=$2 NETNS=$3
	IFBASE=rcjt$$
	compat_programs "$WORK"
	passed=0 failed=0
	sleep 1000 &
	canary=$!
	basic
	lists
	nested
	commands
	jid_name_set
	param_consistency
	check "the canary lives" "yes" "$(kill -0 "$canary" 2>/dev/null && echo yes)"
	kill "$canary"
	finish
	exit
fi

compat_setup
command -v unshare > /dev/null || skip "no unshare"
command -v ip > /dev/null || skip "no ip(8)"
# The PID namespace's mount namespace is a copy: it sees this network namespace.
NETNS=rcjail-freebsd-$$
ip netns add "$NETNS" || skip "cannot make a network namespace"
: > "$WORK/signals"
unshare --pid --fork --mount-proc sh "$(dirname "$0")/signal-recording-init" "$WORK/signals" sh "$0" inner "$WORK" "$NETNS"
check "FreeBSD's scenarios pass in their own PID namespace" "0" "$?"
check "its PID 1 got no signal" "" "$(cat "$WORK/signals")"
finish
