#!/bin/sh
# The run lock: runs that change state (start, stop, restart and their
# prefixed forms) serialise on /var/run/rcjail.lock, a second run waits up to
# jail_lock_timeout seconds and then fails naming the holder; other verbs do
# not wait; no lock file is left behind.
. "$(dirname "$0")/lib.sh"
HOLDER=
cleanup() {
	[ -n "$HOLDER" ] && kill "$HOLDER" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
LOCK=$ROOT/var/run/rcjail.lock
lock_state() { [ -e "$LOCK" ] && echo present || echo absent; }

write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="a b"
jail_a_rootdir="/j/a"
jail_a_hostname="a.example.org"
jail_a_ip="192.0.2.1"
jail_b_rootdir="/j/b"
jail_b_hostname="b.example.org"
jail_b_ip="192.0.2.2"
jail_lock_timeout="1"
EOF_RC

run onestart a
check "unlocked start works" "Starting jails: a.example.org." "$OUT"
check "no lock file after a run" absent "$(lock_state)"

# A stale lock file (left by a crash: nobody holds the lock) is taken over.
echo "pid 1 (/etc/rc faststart)" > "$LOCK"
run onestart b
check "stale lock: start works" "Starting jails: b.example.org." "$OUT"
check "stale lock: removed" absent "$(lock_state)"

# Someone else holds the lock (flock(1) plays the other rcjail).
rm -rf "$FAKE_JAILS" && mkdir -p "$FAKE_JAILS"
rm -f "$ROOT"/var/run/jail_*
echo "pid 4242 (/etc/rc faststart)" > "$LOCK"
flock "$LOCK" sh -c 'touch "$0.held"; while [ ! -e "$0.done" ]; do sleep 0.1; done' "$WORK/flag" &
HOLDER=$!
while [ ! -e "$WORK/flag.held" ]; do sleep 0.05; done
run onestart a
check "held lock: exit 1" 1 "$STATUS"
check "held lock: message names the holder" \
	"/etc/rc.d/jail: ERROR: /var/run/rcjail.lock is held by pid 4242 (/etc/rc faststart); gave up after 1 seconds (jail_lock_timeout)." "$ERR"
check "held lock: nothing started" "" "$(ls "$FAKE_JAILS")"
check "held lock: no id file" no "$([ -e "$ROOT/var/run/jail_a.id" ] && echo yes || echo no)"
check "held lock: the holder's file is left alone" "pid 4242 (/etc/rc faststart)" "$(cat "$LOCK")"
for verb in onestop restart faststart quietstop forcestop; do
	run $verb a
	check "held lock: $verb waits and fails" 1 "$STATUS"
done
run status
check "held lock: status does not wait" 0 "$STATUS"
run rcvar
check "held lock: rcvar does not wait" 0 "$STATUS"
run oneconfig a
check "held lock: config does not wait" "a: parameters are in /var/run/jail.a.conf." "$OUT"
touch "$WORK/flag.done"
wait "$HOLDER"
HOLDER=

# Two rcjail runs: the second waits for the first, then runs.
rm -f "$LOCK"
mkdir -p "$WORK/slow"
printf '#!/bin/sh\ncase "$*" in *" -c a"*) touch "%s/slow.started"; while [ ! -e "%s/slow.go" ]; do sleep 0.05; done ;; esac\nexec "%s" "$@"\n' \
	"$WORK" "$WORK" "$TOOLS/jail" > "$WORK/slow/jail"
chmod +x "$WORK/slow/jail"
sed -i -e 's/jail_lock_timeout="1"/jail_lock_timeout="120"/' "$ROOT/etc/rc.conf"
echo "jail_a_program=\"$WORK/slow/jail\"" >> "$ROOT/etc/rc.conf"
"$RCJAIL" --root "$ROOT" --no-syslog --rc-script /etc/rc onestart a > "$WORK/first.out" 2>&1 &
FIRST=$!
while [ ! -e "$WORK/slow.started" ]; do sleep 0.05; done
check "first run holds the lock, named" yes \
	"$(grep -q "^pid $FIRST (/etc/rc onestart a)\$" "$LOCK" && echo yes || echo "no: $(cat "$LOCK")")"
"$RCJAIL" --root "$ROOT" --no-syslog --rc-script /etc/rc.d/jail onestart b > "$WORK/second.out" 2>/dev/null &
SECOND=$!
# The second is blocked: the jail(8) of a has not finished, b must not start.
sleep 1
check "second run waits" no "$([ -e "$FAKE_JAILS/b" ] && echo yes || echo no)"
touch "$WORK/slow.go"
wait "$FIRST"; first=$?
wait "$SECOND"; second=$?
check "first run: exit 0" 0 "$first"
check "second run: exit 0" 0 "$second"
check "second run: started b" "Starting jails: b.example.org." "$(cat "$WORK/second.out")"
check "jail(8) calls serialised" "jail -i -f /var/run/jail.a.conf -c a
jail -i -f /var/run/jail.b.conf -c b" "$(grep '^jail ' "$FAKE_JAILS/.calls")"
check "no lock file after both" absent "$(lock_state)"
finish
