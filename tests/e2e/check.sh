#!/bin/sh
# `rcjail check` end to end: exit statuses 0 / 1 / 2, file:line: severity:
# findings, --severity, --json, and naming jails.
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
check "suffix typo" "/etc/rc.conf:6: warning: ducky: unknown variable jail_ducky_rootdr; did you mean jail_ducky_rootdir?" \
	"$(printf '%s\n' "$OUT" | sed -n 1p)"
check "global typo" "/etc/rc.conf:7: warning: unknown variable jail_parralel_start; did you mean jail_parallel_start?" \
	"$(printf '%s\n' "$OUT" | sed -n 2p)"
check "summary" "rcjail check: 2 warnings" "$ERR"
run check --severity=error
check "threshold error: warnings left out" "" "$OUT"
check "threshold error: exit 0" 0 "$STATUS"
run check -S warning
check "threshold warning: both" 2 "$(printf '%s\n' "$OUT" | grep -c ': warning: ')"
run check --severity=bad
check "unknown severity: a usage error, exit 1" 1 "$STATUS"

run check --json
check "json: exit 1" 1 "$STATUS"
check "json: first finding" "/etc/rc.conf 6 warning ducky unknown variable jail_ducky_rootdr; did you mean jail_ducky_rootdir?" \
	"$(printf '%s\n' "$OUT" | python3 -c 'import json, sys; f = json.load(sys.stdin)[0]; print(f["file"], f["line"], f["severity"], f["jail"], f["message"])')"

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
check "unknown jail named" "(command line): error: nosuch: no jail nosuch is configured" "$(printf '%s\n' "$OUT" | grep nosuch)"

cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
ducky {
	path = "/usr/jail/ducky;
}
EOF_CONF
run check ducky
check "syntax error: jail(8)'s message" "/etc/jail.conf:2: error: unterminated string" "$(printf '%s\n' "$OUT" | grep unterminated)"

# The clean legacy configuration: one rc.conf-style jail, stock-accepted
# values quoted with \". It works, so only notes: exit 0, and the notes shown.
rm "$ROOT/etc/jail.conf"
write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="ducky"
jail_ducky_rootdir="/usr/jail/ducky"
jail_ducky_hostname="ducky.example.org"
jail_ducky_ip="192.0.2.10"
jail_ducky_exec_start="/bin/sh -c \"echo started\""
EOF_RC
run check
check "legacy: exit 0 with notes only" 0 "$STATUS"
check "legacy: migrate note" "/etc/rc.conf:6: note: ducky: configured with obsolete jail_ducky_* variables; \`rcjail migrate ducky\` writes this /etc/jail.conf.d/ducky.conf instead" \
	"$(printf '%s\n' "$OUT" | sed -n 1p)"
check "legacy: quoting note" "/etc/rc.conf:9: note: ducky: jail_ducky_exec_start: stock rc.d/jail writes exec.start = \"/bin/sh -c \"echo started\"\"; which jail(8) reads differently; rcjail writes exec.start = \"/bin/sh -c \\\"echo started\\\"\";" \
	"$(printf '%s\n' "$OUT" | grep exec_start)"
check "legacy: summary" "rcjail check: 2 notes" "$ERR"
run check --severity=warning
check "legacy: nothing at warning" "" "$OUT"

# The same jail misspelt: rootdir as rootdr and an address out of range.
# Both problems of the one jail are reported.
write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="ducky"
jail_ducky_rootdr="/usr/jail/ducky"
jail_ducky_hostname="ducky.example.org"
jail_ducky_ip="192.0.2.300"
EOF_RC
run check
check "misspelt: exit 1" 1 "$STATUS"
check "misspelt: the typo, with its suggestion" "/etc/rc.conf:6: warning: ducky: unknown variable jail_ducky_rootdr; did you mean jail_ducky_rootdir?" \
	"$(printf '%s\n' "$OUT" | grep rootdr)"
check "misspelt: the invalid address" "/etc/rc.conf:8: error: ducky: address \"192.0.2.300\" is not a valid IPv4 address" \
	"$(printf '%s\n' "$OUT" | grep 192.0.2.300)"

echo 'jail_broken="$(' >> "$ROOT/etc/rc.conf"
run check
check "unreadable rc.conf: exit 2" 2 "$STATUS"

run --help
check "usage lists check" 1 "$(printf '%s\n' "$OUT" | grep -c '^ *check \[--json\] \[--severity=')"

finish
