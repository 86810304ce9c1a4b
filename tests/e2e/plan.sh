#!/bin/sh
# rcjail plan start|stop [--json]: the worst-case schedule with its critical
# path, exact commands, generated configurations and deadlines, without
# running or writing anything; the shutdown budget against that schedule.
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
# Every jail at most 30 s + 15 s for jail -R = 45 s, d 30 s + its 60 s
# readiness timeout = 90 s; two at once: a [0,45], then b and c [45,90],
# d [90,180]; ducky is not in the plan (nothing names it). b and c are both
# done at 90; c ends after b in plan order, so c is what d waited for last.
check "plan start: schedule" "worst case, from the deadlines and readiness timeouts:
  a: waits for nothing; starts by 0 s, done by 45 s
  b: waits for a; starts by 45 s, done by 90 s
  c: waits for a; starts by 45 s, done by 90 s
  d: waits for b, c; starts by 90 s, done by 180 s
critical path: a, c, d; all done by 180 s" "$(echo "$OUT" | sed -n '/^worst case/,/^critical path/p')"
check "plan start: exact command" "  run: $TOOLS/jail -f /etc/jail.conf -c d" "$(echo "$OUT" | grep -- '-c d$')"
check "plan start: deadline" "  deadline: 30 s (jail_start_timeout, /etc/rc.conf:6), then kill it and, if the jail is half up, run: $TOOLS/jail -q -R d" \
	"$(echo "$OUT" | grep -A3 -- '-c d$' | grep deadline)"
check "plan start: readiness" "  ready when: tcp:127.0.0.1:8080, within 60 s (the default)" "$(echo "$OUT" | grep 'ready when')"
check "plan ran no jail(8)" yes "$(no_jail_calls)"
check "plan wrote nothing" "" "$(ls "$ROOT/var/run")"

run plan start ducky
check "plan of a named jail pulls in its dependency" "  a: waits for nothing; starts by 0 s, done by 45 s
  ducky: waits for a; starts by 45 s, done by 90 s" "$(echo "$OUT" | grep 'waits for')"
check "plan shows the generated configuration" '    | ducky {' "$(echo "$OUT" | grep '| ducky {')"
check "plan still wrote nothing" "" "$(ls "$ROOT/var/run")"

run plan start --json
check "plan --json status" 0 "$STATUS"
check "plan --json parses, with the schedule" "['a', 'c', 'd'] 180 [90, 180] 2 30" \
	"$(echo "$OUT" | python3 -c 'import json, sys; p = json.load(sys.stdin); s = p["schedule"]; d = s["jails"][3]
print(s["criticalPath"], s["total"], [d["start"], d["done"]], p["limit"], p["jails"][0]["deadline"]["seconds"])')"

echo 1 > "$FAKE_JAILS/a"
echo 2 > "$FAKE_JAILS/b"
run plan stop a
check "plan stop: dependents first, unbounded without a stop timeout" "  b: waits for nothing; starts by 0 s, done: unbounded
  a: waits for b; starts: unbounded, done: unbounded" "$(echo "$OUT" | grep 'waits for')"
check "plan stop asked jls only" "" "$(grep -v '^jls name$' "$FAKE_JAILS/.calls")"

# A diamond (a; b and c after a; d after b and c) and slow, which depends on
# nothing and hangs until its deadline. Worked out by hand: a start takes at
# most its timeout + the longer of its readiness timeout and 15 s (jail -R):
# a 10+15 = 25, slow 40+15 = 55, b 5+15 = 20, c 20+30 = 50, d 5+15 = 20.
# In parallel without limit: a [0,25] and slow [0,55]; b [25,45], c [25,75]
# (slow holds up neither); d after c [75,95]. A stop takes its timeout + 15:
# d 20, slow 56, b 20, c 35, a 25; dependents first: d [0,20], slow [0,56],
# b [20,40], c [20,55], a [55,80]: 80 s along d, c, a.
cp "$ROOT/etc/jail.conf" "$WORK/jail.conf.before"
cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
a { path = "/j/a"; }
slow { path = "/j/slow"; }
b { path = "/j/b"; depend = a; }
c { path = "/j/c"; depend = a; }
d { path = "/j/d"; depend = b, c; }
EOF_CONF
diamond() {	# diamond RCSHUTDOWN_TIMEOUT [MORE RC.CONF LINES]
	write_rc_conf <<EOF_RC
jail_parallel_start="YES"
jail_parallel_stop="YES"
jail_a_start_timeout="10"
jail_slow_start_timeout="40"
jail_b_start_timeout="5"
jail_c_start_timeout="20"
jail_c_ready="tcp:127.0.0.1:8080"
jail_c_ready_timeout="30"
jail_d_start_timeout="5"
jail_d_ready="tcp:127.0.0.1:8081"
jail_d_ready_timeout="10"
jail_a_stop_timeout="10"
jail_slow_stop_timeout="41"
jail_b_stop_timeout="5"
jail_c_stop_timeout="20"
jail_d_stop_timeout="5"
rcshutdown_timeout="$1"
${2:-}
EOF_RC
}
diamond 80
run plan start
check "diamond: every jail's worst case" "  a: waits for nothing; starts by 0 s, done by 25 s
  slow: waits for nothing; starts by 0 s, done by 55 s
  b: waits for a; starts by 25 s, done by 45 s
  c: waits for a; starts by 25 s, done by 75 s
  d: waits for b, c; starts by 75 s, done by 95 s" "$(echo "$OUT" | grep 'waits for')"
check "diamond: critical path and total" "critical path: a, c, d; all done by 95 s" "$(echo "$OUT" | grep '^critical path')"
check "diamond: the shutdown's total" "shutdown: stopping these jails takes at most 80 s (rcshutdown_timeout: 80 s), critical path: d, c, a" \
	"$(echo "$OUT" | grep '^shutdown:')"
check "diamond: 80 s fit rcshutdown_timeout 80" "" "$(echo "$OUT" | grep '^shutdown budget')"
diamond 79
run plan start
check "diamond: 80 s do not fit 79" "shutdown budget: stopping the jails can take up to 80 s, more than rcshutdown_timeout (79 s): d (20 s), then c (35 s), then a (25 s) (each stop timeout plus 15 s for jail -R)" \
	"$(echo "$OUT" | grep '^shutdown budget')"
# Two at once. Start: a [0,25] and slow [0,55]; b takes a's slot [25,45];
# c waits for b's [45,95]; d [95,115]. Stop: d [0,20] and slow [0,56]; b
# [20,40]; c [40,75]; a [75,100].
diamond 100 'jail_parallel_limit="2"'
run plan start
check "limit 2: critical path and total" "critical path: a, b, c, d; all done by 115 s" "$(echo "$OUT" | grep '^critical path')"
check "limit 2: 100 s fit 100" "" "$(echo "$OUT" | grep '^shutdown budget')"
diamond 99 'jail_parallel_limit="2"'
run plan start
check "limit 2: 100 s do not fit 99" "shutdown budget: stopping the jails can take up to 100 s, more than rcshutdown_timeout (99 s): d (20 s), then b (20 s), then c (35 s), then a (25 s) (each stop timeout plus 15 s for jail -R)" \
	"$(echo "$OUT" | grep '^shutdown budget')"
run check
check "check: the same budget warning" "/etc/rc.conf:20: warning: stopping the jails can take up to 100 s, more than rcshutdown_timeout (99 s): d (20 s), then b (20 s), then c (35 s), then a (25 s) (each stop timeout plus 15 s for jail -R)" \
	"$(echo "$OUT" | grep rcshutdown_timeout)"
cp "$WORK/jail.conf.before" "$ROOT/etc/jail.conf"

write_rc_conf <<'EOF_RC'
jail_a_depend="b"
jail_b_depend="a"
EOF_RC
run plan start a
check "plan shows problems and exits 1" 1 "$STATUS"
check "plan problem line" "  /etc/rc.conf:4: dependency cycle: a -> b -> a (a needs b: jail_a_depend at /etc/rc.conf:4; b needs a: depend at /etc/jail.conf:2)" \
	"$(echo "$OUT" | grep 'dependency cycle')"
check "a cycle has no critical path, and says so" "critical path: none: these jails wait for one another in a cycle (above), so none of them would start" \
	"$(echo "$OUT" | grep '^critical path')"

write_rc_conf < /dev/null
run plan start
check "plan without knobs: the stock command" "start: as stock rc.d/jail (no ordering knob is set), one at a time
run: $TOOLS/jail -f /etc/jail.conf -c -p1" "$OUT"
run plan
check "plan needs start or stop: a usage error, exit 1" 1 "$STATUS"
run plan start nosuch
check "plan start nosuch: exit 1" 1 "$STATUS"
check "plan start nosuch: the problem" "  command line: jail nosuch is not configured; \`rcjail list\` shows the jails that are" \
	"$(echo "$OUT" | grep 'nosuch is not')"
run plan start --bogus
check "plan start --bogus: a usage error, not a jail" 1 "$STATUS"
check "plan start --bogus: the usage" "usage: rcjail plan start|stop [--json] [NAME...]" "$ERR"
finish
