#!/bin/sh
# Faults around rcjail: jail(8), jls or jexec missing or not executable, a
# jail(8) killed by a signal, a jls printing garbage, rcjail itself
# interrupted by SIGTERM mid-start (a read-only or full /var/run is
# faults_var_run.sh). After each: a clear message, the other jails started, no
# temporary file left in /var/run, and id files that match the jails the fake
# jail(8) is running.
. "$(dirname "$0")/lib.sh"
. "$HERE/timing_lib"	# order_of
cleanup() {
	[ -n "${BACKGROUND:-}" ] && kill "$BACKGROUND" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

. "$HERE/faults_lib.sh"

# -- jail(8) missing
reset_state
configure "jail_program=\"$WORK/nowhere/jail\""
run onestart
check "missing jail(8): message" yes "$(echo "$OUT" | grep -q "$WORK/nowhere/jail: not found" && echo yes || echo "no: $OUT")"
check "missing jail(8): exit 1" 1 "$STATUS"
check "missing jail(8): no id files" "" "$(id_files)"
check "missing jail(8): no leftovers" "" "$(no_temporaries)"

# -- jail(8) not executable
reset_state
cp "$HERE/fake-jail-tool" "$WORK/jail" && chmod 644 "$WORK/jail"
configure "jail_program=\"$WORK/jail\""
run onestart
check "jail(8) not executable: message" yes "$(echo "$OUT" | grep -q "$WORK/jail: Permission denied" && echo yes || echo "no: $OUT")"
check "jail(8) not executable: exit 1" 1 "$STATUS"
check "jail(8) not executable: no id files" "" "$(id_files)"

# -- jls missing: the jails start, their id files cannot be right
reset_state
configure "jail_jls=\"$WORK/nowhere/jls\""
run onestart
check "missing jls: jails started" "a=1 b=2 c=3 " "$(running_jails)"
check "missing jls: message" yes "$(echo "$OUT$ERR" | grep -q "$WORK/nowhere/jls: not found" && echo yes || echo "no: $OUT $ERR")"
check "missing jls: no leftovers" "" "$(no_temporaries)"
run onestop
check "missing jls: stop reports nothing running, exits" 0 "$STATUS"

# -- jexec missing
reset_state
configure "jail_jexec=\"$WORK/nowhere/jexec\""
run onestart a
run oneconsole a
check "missing jexec: message" yes "$(echo "$ERR" | grep -q "$WORK/nowhere/jexec: not found" && echo yes || echo "no: $ERR")"
# jexec's 127 ("not found"): the default mode passes the status of the
# console's command on (rc.subr's run_rc_command, and stock mode, make it 1).
check "missing jexec: exit 127" 127 "$STATUS"
echo 'jail_quirks="stock"' >> "$ROOT/etc/rc.conf"
run oneconsole a
check "missing jexec, stock: exit 1" 1 "$STATUS"

# -- jail(8) killed by a signal for one jail: the others start
reset_state
wrap killer 'case "$*" in *"-c b"*) kill -KILL $$ ;; esac'
configure "jail_program=\"$WORK/killer/jail\""
run onestart
check "killed jail(8): exit 1" 1 "$STATUS"
check "killed jail(8): message" yes "$(echo "$OUT" | grep -q 'cannot start jail  "b.example.org"' && echo yes || echo "no: $OUT")"
check "killed jail(8): others running" "a=1 c=2 " "$(running_jails)"
check "killed jail(8): id files match" "$(running_jails)" "$(id_files)"
check "killed jail(8): no leftovers" "" "$(no_temporaries)"

# -- jls printing garbage
reset_state
wrap garbage 'case "${0##*/} $*" in "jls "*) printf "\001\377garbage %s\n\n  \n" "$*"; exit 0 ;; esac'
configure "jail_jls=\"$WORK/garbage/jls\""
run onestart
# Every jail(8) -c succeeds, and -i hands rcjail the jids without jls.
check "garbage jls: exit 0" 0 "$STATUS"
check "garbage jls: jails started" "a=1 b=2 c=3 " "$(running_jails)"; [ "$(running_jails)" = "a=1 b=2 c=3 " ] || { echo "$OUT"; echo "$ERR"; cat "$FAKE_JAILS/.calls"; }
check "garbage jls: no leftovers" "" "$(no_temporaries)"
check "garbage jls: nothing outside /var/run" "" "$(find "$ROOT" -newer "$ROOT/etc/rc.conf" -type f ! -path "$ROOT/var/run/*" -printf '%P ')"
run onestop
# jls -j exits 0 for every name, so after each jail -r the jail still looks
# listed: as for stock, a failed stop (its output shown), and fix F exits 1.
check "garbage jls: stop exits 1" 1 "$STATUS"
check "garbage jls: stop tried all three" "a b c" "$(order_of '^jail -q -f .* -r ')"
echo 'jail_list=""' >> "$ROOT/etc/rc.conf"
echo "garbage-name { persist; }" > "$ROOT/etc/jail.conf"
run onestart
# The fake jail(8) wants a name, so the whole-file -c fails ("jail: no
# name"): fix F exits 1. Fix I still reads `jls jid name`, here the lines
# "\001\377garbage jid name", "" and "  ": as sh's `read _id _name` splits
# them, the names "jid name", "" and "", each printed after a space; then
# fix J's newline, jail(8)'s output and the closing ".".
check "garbage jls, _ALL: exit 1" 1 "$STATUS"
check "garbage jls, _ALL: output" "Starting jails: jid name  
jail: no name
." "$OUT"
check "garbage jls, _ALL: no leftovers" "" "$(no_temporaries)"
rm -f "$ROOT/etc/jail.conf"

# -- SIGTERM in the middle of a start of many jails
reset_state
JAILS="a b c d e f"
wrap slow 'case "$*" in *" -c "*) touch "$FAKE_JAILS/.started-$#"; sleep 1 ;; esac'
configure "jail_program=\"$WORK/slow/jail\"
jail_d_rootdir=/j/d jail_d_hostname=d jail_d_ip=192.0.2.4
jail_e_rootdir=/j/e jail_e_hostname=e jail_e_ip=192.0.2.5
jail_f_rootdir=/j/f jail_f_hostname=f jail_f_ip=192.0.2.6"
"$RCJAIL" --root "$ROOT" --no-syslog --rc-script /etc/rc.d/jail onestart > "$WORK/out" 2> "$WORK/err" &
BACKGROUND=$!
# Wait (without a deadline the test depends on) for the first jail(8) to run.
while ! ls "$FAKE_JAILS"/.started-* >/dev/null 2>&1; do sleep 0.05; done
kill -TERM "$BACKGROUND"
wait "$BACKGROUND"
STATUS=$? BACKGROUND=
check "SIGTERM: exit 143" 143 "$STATUS"
check "SIGTERM: message" "/etc/rc.d/jail: ERROR: interrupted by SIGTERM." "$(grep interrupted "$WORK/err")"
check "SIGTERM: stopped starting jails" yes "$([ "$(ls "$FAKE_JAILS" | wc -l)" -lt 6 ] && echo yes || echo "no: $(running_jails)")"
check "SIGTERM: the jail in progress finished" yes "$([ -e "$FAKE_JAILS/a" ] && echo yes || echo no)"
check "SIGTERM: id files match running jails" "$(running_jails)" "$(id_files)"
check "SIGTERM: no leftovers" "" "$(no_temporaries)"
check "SIGTERM: lock released" no "$([ -e "$ROOT/var/run/rcjail.lock" ] && echo yes || echo no)"
finish
