#!/bin/sh
# `rcjail check` end to end: exit statuses 0 / 1 / 2, file:line findings,
# --json, and naming jails.
. "$(dirname "$0")/lib.sh"

mkdir -p "$ROOT/usr/jail/ducky/bin" "$ROOT/usr/jail/ducky/etc"
touch "$ROOT/usr/jail/ducky/bin/sh" "$ROOT/usr/jail/ducky/etc/rc"
write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="ducky"
EOF_RC
cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
ducky {
	path = /usr/jail/ducky;
	ip4.addr = "lo|192.0.2.10";
}
EOF_CONF
run check
check "clean: exit 0" 0 "$STATUS"
check "clean: no findings" "" "$OUT"
check "clean: summary" "rcjail check: no problems found" "$ERR"

cat >> "$ROOT/etc/rc.conf" <<'EOF_RC'
jail_ducky_rootdr="/usr/jail/ducky"
jail_parralel_start="YES"
EOF_RC
run check
check "typos: exit 1" 1 "$STATUS"
check "suffix typo" "/etc/rc.conf:6: ducky: unknown variable jail_ducky_rootdr; did you mean jail_ducky_rootdir?" \
	"$(printf '%s\n' "$OUT" | sed -n 1p)"
check "global typo" "/etc/rc.conf:7: unknown variable jail_parralel_start; did you mean jail_parallel_start?" \
	"$(printf '%s\n' "$OUT" | sed -n 2p)"
check "summary" "rcjail check: 2 problems" "$ERR"

run check --json
check "json: exit 1" 1 "$STATUS"
check "json: first finding" "/etc/rc.conf 6 ducky unknown variable jail_ducky_rootdr; did you mean jail_ducky_rootdir?" \
	"$(printf '%s\n' "$OUT" | python3 -c 'import json, sys; f = json.load(sys.stdin)[0]; print(f["file"], f["line"], f["jail"], f["message"])')"

# The stock verbs do not know check's findings: with the misspelt variables
# still in rc.conf, start does what stock does. Neither typo names a rootdir
# and a hostname, so ducky stays a jail.conf jail (/etc/jail.conf, the only
# file there is), started alone (jail_parallel_start stays NO), with no
# warning about the variables; the fake jail(8) gives it jid 1.
: > "$FAKE_JAILS/.calls"
run start
check "start despite findings: exit 0" 0 "$STATUS"
check "start despite findings: output" "Starting jails: ducky." "$OUT"
check "start despite findings: no warnings" "" "$ERR"
check "start despite findings: jail(8) command" "jail -i -f /etc/jail.conf -c ducky" \
	"$(grep '^jail ' "$FAKE_JAILS/.calls")"
check "start despite findings: id file" 1 "$(cat "$ROOT/var/run/jail_ducky.id" 2>/dev/null)"
run stop
check "stop despite findings: output" "Stopping jails: ducky." "$OUT"

run check nosuch
check "unknown jail named" "(command line): nosuch: no jail nosuch is configured" "$(printf '%s\n' "$OUT" | grep nosuch)"

cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
ducky {
	path = "/usr/jail/ducky;
}
EOF_CONF
run check ducky
check "syntax error: jail(8)'s message" "/etc/jail.conf:2: unterminated string" "$(printf '%s\n' "$OUT" | grep unterminated)"

echo 'jail_broken="$(' >> "$ROOT/etc/rc.conf"
run check
check "unreadable rc.conf: exit 2" 2 "$STATUS"

run --help
check "usage lists check" 1 "$(printf '%s\n' "$OUT" | grep -c '^ *check \[--json\]')"

finish
