#!/bin/sh
# Dependency order and bounded parallelism (jail_parallel_start,
# jail_parallel_limit, jail_parallel_stop, jail.conf depend,
# jail_NAME_depend) of the real binary against fake-jail-tool, checked with
# the order of the events the fake logs; and the problems found before anything runs.
. "$(dirname "$0")/lib.sh"
. "$HERE/timing_lib"

# A diamond (a <- b, c <- d) and e beside b and c.
cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
a { path = "/j/a"; }
b { path = "/j/b"; depend = a; }
c { path = "/j/c"; depend = a; }
e { path = "/j/e"; depend = a; }
d { path = "/j/d"; depend = b, c; }
EOF_CONF
for j in a b c d e; do echo 1 > "$FAKE_JAILS/.sleep-$j"; done
write_rc_conf <<'EOF_RC'
jail_parallel_start="YES"
jail_parallel_limit="2"
jail_parallel_stop="YES"
EOF_RC

run onestart
check "diamond start status" 0 "$STATUS"
check "one line per jail, in plan order" "Starting jails:
 a
 b
 c
 e
 d" "$OUT"
check "one jail(8) per jail, from the file" "jail -f /etc/jail.conf -c a" "$(grep -- '-c a$' "$FAKE_JAILS/.calls")"
for j in b c e; do
	check "$j starts after a is up" yes "$(happened_after $j start a end)"
done
check "d starts after b is up" yes "$(happened_after d start b end)"
check "d starts after c is up" yes "$(happened_after d start c end)"
check "b and c start together" yes "$(within "$(at b start)" "$(at c start)" -0.6 0.6)"
check "never more than jail_parallel_limit at once, and that many" 2 "$(most_at_once start end)"
check "id file" "$(cat "$FAKE_JAILS/d")" "$(cat "$ROOT/var/run/jail_d.id" 2>/dev/null || echo none)"

reset_calls
run onestop
check "diamond stop status" 0 "$STATUS"
check "stop: one line per jail, dependents first" "Stopping jails:
 d
 e
 b
 c
 a" "$OUT"
check "b stops after d is down" yes "$(happened_after b stop d stopped)"
check "c stops after d is down" yes "$(happened_after c stop d stopped)"
for j in b c e; do
	check "a stops after $j is down" yes "$(happened_after a stop $j stopped)"
done
check "stop: never more than the limit at once" 2 "$(most_at_once stop stopped)"
check "every jail is down" "" "$(ls "$FAKE_JAILS")"
check "id files removed" "" "$(ls "$ROOT/var/run" | grep '^jail_' || true)"

# rc.conf-style dependencies, one at a time: naming a jail starts what it
# needs first; stopping one stops what needs it first.
rm -f "$FAKE_JAILS"/.sleep-*
reset_calls
write_rc_conf <<'EOF_RC'
jail_list="web mail"
jail_web_depend="db"
jail_db_depend="a"
EOF_RC
cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
a { path = "/j/a"; }
db { path = "/j/db"; }
web { path = "/j/web"; }
mail { path = "/j/mail"; }
EOF_CONF
run onestart web
check "named start pulls in what web needs" 0 "$STATUS"
check "named start output" "Starting jails: a db web." "$OUT"
check "named start order" "a db web" "$(order_of '^jail .* -c ')"
check "named command line" "jail -i -f /etc/jail.conf -c db" "$(grep -- '-c db$' "$FAKE_JAILS/.calls")"
run onestart mail
reset_calls
run onestop db
check "stopping db stops web first" "Stopping jails: web db." "$OUT"
check "stop order" "web db" "$(order_of '^jail .* -r ')"
check "mail and a keep running" "a mail" "$(ls "$FAKE_JAILS" | tr '\n' ' ' | sed 's/ $//')"

# Problems are found before anything runs, with the file and line; the
# jails they concern (and what depends on those) are not started, the
# others are, and the run exits 1.
run onestop
reset_calls
write_rc_conf <<'EOF_RC'
jail_list="a db mail"
jail_a_depend="db"
jail_db_depend="a"
EOF_RC
run onestart
check "cycle: status" 1 "$STATUS"
check "cycle: message" "/etc/rc.d/jail: ERROR: /etc/rc.conf:5: dependency cycle: a -> db -> a (a needs db: jail_a_depend at /etc/rc.conf:5; db needs a: jail_db_depend at /etc/rc.conf:6)" \
	"$(echo "$ERR" | head -1)"
check "cycle: only the jail outside it started" "mail" "$(grep '^jail ' "$FAKE_JAILS/.calls" | awk '{ print $NF }' | tr '\n' ' ' | sed 's/ $//')"
check "cycle: the run goes on" "Starting jails: mail." "$OUT"
run onestop mail
reset_calls

write_rc_conf <<'EOF_RC'
jail_a_depend="nosuch"
EOF_RC
run onestart a
check "unknown name: status" 1 "$STATUS"
check "unknown name: message" "/etc/rc.d/jail: ERROR: /etc/rc.conf:4: jail_a_depend: a depends on \"nosuch\": /etc/jail.conf does not define it" \
	"$(echo "$ERR" | head -1)"
check "unknown name: nothing started" yes "$(no_jail_calls)"

cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
a { path = "/j/a"; }
b {
	path = "/j/b";
	depend = a, ghost;
}
EOF_CONF
write_rc_conf <<'EOF_RC'
jail_start_timeout="30"
EOF_RC
run onestart
check "unknown name in jail.conf: status" 1 "$STATUS"
check "unknown name in jail.conf: message" "/etc/rc.d/jail: ERROR: /etc/jail.conf:4: depend: b depends on \"ghost\", which /etc/jail.conf does not define" \
	"$(echo "$ERR" | head -1)"
check "unknown name in jail.conf: a starts, b does not" "a" "$(grep '^jail ' "$FAKE_JAILS/.calls" | awk '{ print $NF }' | tr '\n' ' ' | sed 's/ $//')"
check "unknown name in jail.conf: the problem is the only message" "" "$(echo "$ERR" | grep -v 'ghost')"
run onestop

# Without a knob, the whole file goes to jail(8) as stock does, depend or not.
write_rc_conf < /dev/null
reset_calls
run onestart
check "stock path untouched" "jail -f /etc/jail.conf -c -p1" "$(grep '^jail ' "$FAKE_JAILS/.calls")"
finish
