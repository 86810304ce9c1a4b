#!/bin/sh
# The default mode's privilege test, as an unprivileged user (nobody, with
# setpriv): every verb that changes jails or writes /var/run or rc.conf
# refuses before touching anything, with one line and exit 1; status -a says
# "unknown" for the jails jls may not show to that user, never "not running".
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] && command -v setpriv > /dev/null || skip "needs root and setpriv to run as another user"
mkdir -p "$ROOT/usr/jail/ducky" "$ROOT/usr/jail/duck2"
write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="ducky duck2"
EOF_RC
cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
ducky { path = /usr/jail/ducky; }
duck2 { path = /usr/jail/duck2; }
EOF_CONF
run start ducky
check "setup: ducky runs" 1 "$(cat "$FAKE_JAILS/ducky" 2>/dev/null)"
chmod 755 "$WORK"
chmod -R a+rX "$WORK"
as_nobody() {
	capture "$WORK/out" "$WORK/err" setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$RCJAIL" --root "$ROOT" --no-syslog --rc-script /etc/rc.d/jail "$@"
}
state() { ls -ln "$ROOT/var/run" "$FAKE_JAILS"; cat "$FAKE_JAILS/.calls"; }
for verbs in stop start restart "onestop ducky" "config ducky" "console ducky" enable; do
	before=$(state)
	as_nobody $verbs
	check "nobody $verbs: exit 1" 1 "$STATUS"
	verb=${verbs%% *}
	check "nobody $verbs: one line" "/etc/rc.d/jail: ERROR: ${verb#one} needs root: only root can create, stop or enter jails (running as uid 65534); nothing was done." "$ERR"
	check "nobody $verbs: nothing changed" "$before" "$(state)"
done
# Writable /var/run does not make nobody root.
chmod 1777 "$ROOT/var/run"
as_nobody stop
check "nobody, writable /var/run: still refused" 1 "$STATUS"
chmod 755 "$ROOT/var/run"
as_nobody list
check "nobody list: duck2 unknown" "duck2 unknown" "$(printf '%s\n' "$OUT" | awk '$1 == "duck2" { print $1, $2 }')"
echo 'jail_quirks="stock"' >> "$ROOT/etc/rc.conf"
as_nobody stop
check "stock: nobody's stop goes on as stock's does" 0 "$STATUS"
sed -i '/jail_quirks/d' "$ROOT/etc/rc.conf"
check "ducky still runs" 1 "$(cat "$FAKE_JAILS/ducky")"
as_nobody status -a
check "nobody status -a: ducky's jid, as jls shows it" "  jid:        1" "$(printf '%s\n' "$OUT" | sed -n 2p)"
check "nobody status -a: duck2 unknown, not stopped" "  jid:        ? (unknown: jls may not show every jail to uid 65534)" \
	"$(printf '%s\n' "$OUT" | sed -n '/^duck2/,$p' | sed -n 2p)"
finish
