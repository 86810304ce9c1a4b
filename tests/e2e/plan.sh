#!/bin/sh
# rcjail plan start|stop [--json]: waves, exact commands, generated
# configurations and deadlines, without running or writing anything.
. "$(dirname "$0")/lib.sh"
. "$HERE/timing_lib"

cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
a { path = "/j/a"; }
b { path = "/j/b"; depend = a; }
c { path = "/j/c"; depend = a; }
d { path = "/j/d"; depend = b, c; }
EOF_CONF
write_rc_conf <<'EOF_RC'
jail_parallel_start="YES"
jail_parallel_limit="2"
jail_start_timeout="30"
jail_d_ready="tcp:127.0.0.1:8080"
jail_ducky_rootdir="/usr/jail/ducky"
jail_ducky_hostname="ducky.example.org"
jail_ducky_ip="192.0.2.10"
jail_ducky_depend="a"
EOF_RC

run plan start
check "plan start status" 0 "$STATUS"
check "plan start: mode" "start: rcjail orders the jails, in parallel, at most 2 at once" "$(echo "$OUT" | head -1)"
check "plan start: waves" "wave 1: a
wave 2: b c
wave 3: d" "$(echo "$OUT" | grep '^wave')"
check "plan start: exact command" "  run: $TOOLS/jail -f /etc/jail.conf -c d" "$(echo "$OUT" | grep -- '-c d$')"
check "plan start: deadline" "  deadline: 30 s (jail_start_timeout, /etc/rc.conf:6), then kill it and, if the jail is half up, run: $TOOLS/jail -q -R d" \
	"$(echo "$OUT" | grep -A3 -- '-c d$' | grep deadline)"
check "plan start: readiness" "  ready when: tcp:127.0.0.1:8080, within 60 s (the default)" "$(echo "$OUT" | grep 'ready when')"
check "plan ran no jail(8)" yes "$(no_jail_calls)"
check "plan wrote nothing" "" "$(ls "$ROOT/var/run")"

run plan start ducky
check "plan of a named jail pulls in its dependency" "wave 1: a
wave 2: ducky" "$(echo "$OUT" | grep '^wave')"
check "plan shows the generated configuration" '    | ducky {' "$(echo "$OUT" | grep '| ducky {')"
check "plan still wrote nothing" "" "$(ls "$ROOT/var/run")"

run plan start --json
check "plan --json status" 0 "$STATUS"
check "plan --json parses, with the waves" "[['a'], ['b', 'c'], ['d']] 2 30" \
	"$(echo "$OUT" | python3 -c 'import json, sys; p = json.load(sys.stdin); print(p["waves"], p["limit"], p["jails"][0]["deadline"]["seconds"])')"

echo 1 > "$FAKE_JAILS/a"
echo 2 > "$FAKE_JAILS/b"
run plan stop a
check "plan stop: dependents first" "wave 1: b
wave 2: a" "$(echo "$OUT" | grep '^wave')"
check "plan stop asked jls only" "" "$(grep -v '^jls name$' "$FAKE_JAILS/.calls")"

write_rc_conf <<'EOF_RC'
jail_a_depend="b"
jail_b_depend="a"
EOF_RC
run plan start a
check "plan shows problems and exits 1" 1 "$STATUS"
check "plan problem line" "  /etc/rc.conf:4: dependency cycle: a -> b -> a (a needs b: jail_a_depend at /etc/rc.conf:4; b needs a: depend at /etc/jail.conf:2)" \
	"$(echo "$OUT" | grep 'dependency cycle')"

write_rc_conf < /dev/null
run plan start
check "plan without knobs: the stock command" "start: as stock rc.d/jail (no ordering knob is set), one at a time
run: $TOOLS/jail -f /etc/jail.conf -c -p1" "$OUT"
run plan
check "plan needs start or stop" 2 "$STATUS"
finish
