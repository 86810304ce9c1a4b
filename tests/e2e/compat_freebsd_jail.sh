# The scenarios of FreeBSD's own jail(8) regression tests (basic use, lists,
# nested jails, exec commands, jid/name setting, parameter consistency),
# written anew against the Linux jail(8), jls(8) and jexec(8); interfaces
# are made with `ip link` where FreeBSD uses ifconfig. Everything runs in a
# PID namespace of its own whose PID 1 must receive no signal.
. "$(dirname "$0")/compat_lib.sh"

skip_scenario() {	# skip_scenario WHAT WHY: reported, never counted as passed
	echo "skipped: $1: $2"
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
	skip_scenario "basic: jail -cm and jail -rc with parameters on the command line" \
		"create-or-modify and restart are another change's work"
}

lists() {
	skip_scenario "lists: vnet.interface=a,b" "list parameters on the command line are another change's work"
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
	skip_scenario "commands: exec.prestop with -qr JID" "running a configured jail's exec.prestop by jid is another change's work"
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
	skip_scenario 'jid_name_set: ${name} in a numbered block' "variable resolution is another change's work"
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
	iface=rcjt$$
	# FreeBSD clones a loopback; a dummy, or else one end of a veth pair, stands in.
	if ip link add "$iface" type dummy 2>/dev/null ||
		ip link add "$iface" type veth peer name "${iface}p" 2>/dev/null; then
		run "$JAIL" -c path=/ vnet=new vnet.interface="$iface" command=/bin/true
		check "param_consistency: vnet.interface without a name" "0:" "$STATUS:$ERR"
		ip link del "$iface" 2>/dev/null || ip link del "${iface}p" 2>/dev/null
	else
		skip_scenario "param_consistency: vnet.interface" "no dummy or veth interfaces here"
	fi
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
	skip_scenario "param_consistency: JID in exec.poststop" "the poststop environment is another change's work"
}

if [ "${1:-}" = inner ]; then
	WORK=$2
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
command -v unshare > /dev/null || { echo "skipped: no unshare"; exit 0; }
: > "$WORK/signals"
unshare --pid --fork --mount-proc sh "$(dirname "$0")/signal-recording-init" "$WORK/signals" sh "$0" inner "$WORK"
check "FreeBSD's scenarios pass in their own PID namespace" "0" "$?"
check "its PID 1 got no signal" "" "$(cat "$WORK/signals")"
finish
