#!/bin/sh
# `rcjail migrate` end to end: --dry-run writes nothing, the file is written
# once (then only with --force), the sysrc commands are printed, and after
# removing the variables the jail starts from the new file.
. "$(dirname "$0")/lib.sh"

mkdir -p "$ROOT/usr/jail/ducky/bin" "$ROOT/usr/jail/ducky/etc"
touch "$ROOT/usr/jail/ducky/bin/sh" "$ROOT/usr/jail/ducky/etc/rc"
write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="ducky"
jail_interface="em0"
jail_ducky_rootdir="/usr/jail/ducky"
jail_ducky_hostname="ducky.example.org"
jail_ducky_ip="192.0.2.10"
jail_ducky_exec_start='/bin/sh -c "echo \"up\""'
jail_ducky_flags="-l"
EOF_RC
FILE=$ROOT/etc/jail.conf.d/ducky.conf

run onestart
cp "$ROOT/var/run/jail.ducky.conf" "$WORK/legacy.conf"
run onestop

run migrate --dry-run
check "dry run: exit 0" 0 "$STATUS"
check "dry run: nothing written" no "$([ -e "$FILE" ] && echo yes || echo no)"
check "dry run: shows the file" '	exec.start = "/bin/sh -c \"echo \\\"up\\\"\"";' "$(printf '%s\n' "$OUT" | grep 'exec.start =')"
check "dry run: sysrc command" "sysrc -f /etc/rc.conf -x jail_ducky_exec_start jail_ducky_hostname jail_ducky_ip jail_ducky_rootdir" \
	"$(printf '%s\n' "$OUT" | grep '^sysrc')"

run migrate
check "migrate: exit 0" 0 "$STATUS"
check "migrate: says so" "Wrote /etc/jail.conf.d/ducky.conf" "$(printf '%s\n' "$OUT" | sed -n 1p)"
check "migrate: file" '	ip4.addr = "em0|192.0.2.10/32";' "$(grep ip4.addr "$FILE")"
check "migrate: rc.conf untouched" 1 "$(grep -c '^jail_ducky_rootdir' "$ROOT/etc/rc.conf")"
check "migrate: flags kept (still used)" 0 "$(printf '%s\n' "$OUT" | grep -c 'jail_ducky_flags')"

echo "# edited" >> "$FILE"
run migrate
check "no overwrite: exit 1" 1 "$STATUS"
check "no overwrite: message" "rcjail migrate: /etc/jail.conf.d/ducky.conf exists; use --force to replace it" "$ERR"
check "no overwrite: file kept" "# edited" "$(tail -1 "$FILE")"
run migrate --force
check "force: exit 0" 0 "$STATUS"
check "force: replaced" 0 "$(grep -c '# edited' "$FILE")"

run migrate nosuch
check "unknown jail" "rcjail migrate: nosuch: no such jail" "$ERR"

# What sysrc -x would do, then start from the migrated file.
grep -v -e '^jail_ducky_rootdir' -e '^jail_ducky_hostname' -e '^jail_ducky_ip' -e '^jail_ducky_exec_start' \
	"$ROOT/etc/rc.conf" > "$WORK/rc" && cat "$WORK/rc" > "$ROOT/etc/rc.conf"
: > "$FAKE_JAILS/.calls"
run onestart
check "migrated start: ok" "Starting jails: ducky." "$OUT"
check "migrated start: jail(8) reads the new file" "jail -l -i -f /etc/jail.conf.d/ducky.conf -c ducky" \
	"$(grep '^jail' "$FAKE_JAILS/.calls")"
check "migrated start: no obsolete warning" "" "$ERR"
# Same parameters: the legacy file and the migrated one, without comments, as rcjail reads them.
params() {
	"$RCJAIL" --root "$ROOT" --no-syslog status --json |
		python3 -c 'import json, sys; print(*[(j["hostname"], j["addresses"], j["path"]) for j in json.load(sys.stdin)])'
}
after=$(params)
check "migrated status: same hostname and addresses" "('ducky.example.org', ['em0|192.0.2.10/32'], '/usr/jail/ducky')" "$after"
run check ducky
check "check is clean but for the interface" 0 "$(printf '%s\n' "$OUT" | grep -v 'interface em0' | grep -c .)"

finish
