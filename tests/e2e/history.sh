#!/bin/sh
# The boot history end to end: starts and stops recorded in /var/db/rcjail,
# `status -a` / `status --json` over them, a history file cut in the middle
# of a write, and jail_quarantine_after at boot.
. "$(dirname "$0")/lib.sh"

mkdir -p "$ROOT/usr/jail/ducky" "$ROOT/usr/jail/web"
write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="ducky web"
EOF_RC
cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
ducky { path = /usr/jail/ducky; host.hostname = ducky.example.org; ip4.addr = 192.0.2.10; }
web { path = /usr/jail/web; host.hostname = web.example.org; }
EOF_CONF
HISTORY=$ROOT/var/db/rcjail/history

# No /var/db/rcjail and no quarantine knob: nothing is written, as with stock.
run onestart ducky
check "no history without /var/db/rcjail" no "$([ -e "$ROOT/var/db/rcjail" ] && echo yes || echo no)"
run onestop ducky

mkdir -p "$ROOT/var/db/rcjail"
touch "$FAKE_JAILS/.fail-web"
run faststart
check "boot start output unchanged" "Starting jails: ducky cannot start jail  \"web\": 
jail: web: cannot start
." "$OUT"
check "history has two records" 2 "$(wc -l < "$HISTORY")"
check "ducky recorded ok at boot" 1 "$(grep -c '	boot	ducky	start	ok	' "$HISTORY")"
check "web recorded failed with its output" 1 "$(grep -c '	boot	web	start	failed	.*jail: web: cannot start' "$HISTORY")"

run status
check "plain status is still jls -N" " ducky" "$OUT"

run status -a
check "status -a exit" 0 "$STATUS"
check "status -a ducky jid" "  jid:        1" "$(printf '%s\n' "$OUT" | sed -n '/^ducky$/,/^web$/p' | grep 'jid:')"
check "status -a web not running" "  jid:        - (not running)" "$(printf '%s\n' "$OUT" | sed -n '/^web$/,$p' | grep 'jid:')"
check "status -a web last start" "failed" "$(printf '%s\n' "$OUT" | sed -n '/^web$/,$p' | grep 'last start:' | awk '{print $3}')"
check "status -a ducky configured at" "  configured: /etc/jail.conf:1 (jail_list)" "$(printf '%s\n' "$OUT" | sed -n '/^ducky$/,/^web$/p' | grep 'configured:')"
check "status -a addresses" "  addresses:  192.0.2.10" "$(printf '%s\n' "$OUT" | grep -m1 'addresses:')"

run status --json
status_json() { printf '%s\n' "$OUT" | python3 -c "import json, sys; s = json.load(sys.stdin); $1"; }
check "status --json names" "ducky web" "$(status_json 'print(*[j["name"] for j in s])')"
check "status --json failed output" "failed True" \
	"$(status_json 'w = [j for j in s if j["name"] == "web"][0]["last_start"]; print(w["result"], "jail: web: cannot start" in w["output"])')"
check "status --json jid" "1" "$(status_json 'print(*[j["jid"] for j in s if j["name"] == "ducky"])')"

run faststop
check "stop recorded" 1 "$(grep -c '	boot	ducky	stop	ok	' "$HISTORY")"

# A write cut short (power loss without the atomic rename): the torn record
# is skipped, the rest stays readable, and the next write repairs the file.
size=$(wc -c < "$HISTORY")
head -c $((size - 15)) "$HISTORY" > "$WORK/torn" && cat "$WORK/torn" > "$HISTORY"
run status -a
check "torn history still readable" 0 "$STATUS"
check "torn last record skipped: no stop" "  last stop:  -" "$(printf '%s\n' "$OUT" | sed -n '/^ducky$/,/^web$/p' | grep 'last stop:')"
check "earlier records kept" "ok" "$(printf '%s\n' "$OUT" | sed -n '/^ducky$/,/^web$/p' | grep 'last start:' | awk '{print $3}')"
run onestart ducky
check "start after a torn file" 0 "$STATUS"
check "file whole again" 3 "$(wc -l < "$HISTORY")"
check "no torn bytes left" "" "$(tail -c 1 "$HISTORY" | tr -d '\n')"
run onestop ducky

# Quarantine: opt in; web failed at the last boot, fail it once more.
echo 'jail_quarantine_after="2"' >> "$ROOT/etc/rc.conf"
: > "$FAKE_JAILS/.calls"
run faststart
check "second failed boot: still tried" 1 "$(grep -c '^jail .* -c web$' "$FAKE_JAILS/.calls")"
: > "$FAKE_JAILS/.calls"
run faststop
run faststart
check "quarantined at boot: console line" "/etc/rc.d/jail: WARNING: jail web is quarantined: its start failed at the last 2 boots; not starting it (start it with 'service jail start web')." "$ERR"
check "quarantined at boot: not started" 0 "$(grep -c '^jail .* -c web$' "$FAKE_JAILS/.calls")"
check "quarantined at boot: others start" "Starting jails: ducky." "$OUT"
check "quarantine recorded as skipped" 1 "$(grep -c '	boot	web	start	skipped	' "$HISTORY")"
run check
check "check reports the quarantine" 1 "$(printf '%s\n' "$OUT" | grep -c '^/etc/rc.conf:6: warning: web: quarantined')"
run onestart web
check "by hand it is still tried" 1 "$(grep -c '^jail .* -c web$' "$FAKE_JAILS/.calls")"
rm -f "$FAKE_JAILS/.fail-web"
run onestart web
check "a good start by hand clears it" "Starting jails: web." "$OUT"
run faststop
: > "$FAKE_JAILS/.calls"
run faststart
check "after clearing, boot starts it again" 1 "$(grep -c '^jail .* -c web$' "$FAKE_JAILS/.calls")"
run faststop

finish
