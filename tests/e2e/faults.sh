#!/bin/sh
# Faults around rcjail: jail(8), jls or jexec missing or not executable, a
# jail(8) killed by a signal, a jls printing garbage, /var/run read-only or
# full, rcjail itself interrupted by SIGTERM mid-start. After each: a clear
# message, the other jails started, no temporary file left in /var/run, and
# id files that match the jails the fake jail(8) is running.
. "$(dirname "$0")/lib.sh"
MOUNTED=
cleanup() {
	[ -n "$MOUNTED" ] && umount "$ROOT/var/run" 2>/dev/null
	[ -n "${BACKGROUND:-}" ] && kill "$BACKGROUND" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

JAILS="a b c"
# rc.conf for three rc.conf-style jails; $1 overrides jail_program etc.
configure() {
	write_rc_conf <<EOF_RC
jail_enable="YES"
jail_list="$JAILS"
jail_a_rootdir="/j/a"
jail_a_hostname="a.example.org"
jail_a_ip="192.0.2.1"
jail_b_rootdir="/j/b"
jail_b_hostname="b.example.org"
jail_b_ip="192.0.2.2"
jail_c_rootdir="/j/c"
jail_c_hostname="c.example.org"
jail_c_ip="192.0.2.3"
${1:-}
EOF_RC
}
reset_state() {
	rm -rf "$FAKE_JAILS" && mkdir -p "$FAKE_JAILS"
	find "$ROOT/var/run" -mindepth 1 -delete 2>/dev/null
}

# The id files against the fake jails: "name=jid ..." of both, sorted.
running_jails() {
	for f in "$FAKE_JAILS"/*; do [ -e "$f" ] && printf '%s=%s ' "${f##*/}" "$(cat "$f")"; done
}
id_files() {
	for f in "$ROOT"/var/run/jail_*.id; do
		[ -e "$f" ] || continue
		n=${f##*/jail_}
		printf '%s=%s ' "${n%.id}" "$(cat "$f")"
	done
}
no_temporaries() {	# anything in /var/run but jail_*.id and jail.*.conf is a leftover
	find "$ROOT/var/run" -mindepth 1 ! -name 'jail_*.id' ! -name 'jail.*.conf' -printf '%f ' | sed 's/ $//'
}
# A stand-in for one fake tool: `wrap NAME SCRIPT` makes $WORK/NAME/jail etc.
# run SCRIPT (sh) before the fake tool.
wrap() {
	mkdir -p "$WORK/$1"
	for t in jail jls jexec; do
		printf '#!/bin/sh\n%s\nexec "%s" "$@"\n' "$2" "$TOOLS/$t" > "$WORK/$1/$t"
		chmod +x "$WORK/$1/$t"
	done
}

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
check "missing jexec: exit non-zero" yes "$([ "$STATUS" -ne 0 ] && echo yes || echo no)"

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
check "garbage jls: no crash" yes "$([ "$STATUS" -lt 128 ] && echo yes || echo "no: $STATUS")"
check "garbage jls: jails started" "a=1 b=2 c=3 " "$(running_jails)"; [ "$(running_jails)" = "a=1 b=2 c=3 " ] || { echo "$OUT"; echo "$ERR"; cat "$FAKE_JAILS/.calls"; }
check "garbage jls: no leftovers" "" "$(no_temporaries)"
check "garbage jls: nothing outside /var/run" "" "$(find "$ROOT" -newer "$ROOT/etc/rc.conf" -type f ! -path "$ROOT/var/run/*" -printf '%P ')"
run onestop
check "garbage jls: stop exits normally" yes "$([ "$STATUS" -lt 128 ] && echo yes || echo "no: $STATUS")"
echo 'jail_list=""' >> "$ROOT/etc/rc.conf"
echo "garbage-name { persist; }" > "$ROOT/etc/jail.conf"
run onestart
check "garbage jls, _ALL: no crash" yes "$([ "$STATUS" -lt 128 ] && echo yes || echo "no: $STATUS")"
check "garbage jls, _ALL: no leftovers" "" "$(no_temporaries)"
rm -f "$ROOT/etc/jail.conf"

# -- /var/run read-only and full (a small tmpfs over the scratch root's /var/run)
if mount -t tmpfs -o size=64k,mode=755 tmpfs "$ROOT/var/run" 2>/dev/null; then
	MOUNTED=1
	reset_state
	configure
	mount -o remount,ro "$ROOT/var/run"
	run onestart
	check "read-only /var/run: message" yes "$(echo "$ERR" | grep -q 'cannot write /var/run/jail.a.conf: Read-only file system.  Jail a was ignored.' && echo yes || echo "no: $ERR")"
	check "read-only /var/run: nothing started" "" "$(running_jails)"
	check "read-only /var/run: exit" yes "$([ "$STATUS" -lt 128 ] && echo yes || echo no)"
	mount -o remount,rw "$ROOT/var/run"

	reset_state
	dd if=/dev/zero of="$ROOT/var/run/filler" bs=4k count=64 2>/dev/null
	run onestart
	check "full /var/run: message" yes "$(echo "$ERR" | grep -q 'No space left on device' && echo yes || echo "no: $ERR")"
	check "full /var/run: id files match" "$(running_jails)" "$(id_files)"
	check "full /var/run: no half-written files" "filler" "$(no_temporaries)"
	check "full /var/run: no empty generated files" "" "$(find "$ROOT/var/run" -name 'jail.*.conf' -empty -printf '%f ')"
	# Room for the generated files but not for every id file.
	reset_state
	size=$(( $(df -B1 --output=avail "$ROOT/var/run" | tail -1) ))
	dd if=/dev/zero of="$ROOT/var/run/filler" bs=4096 count=$(( size / 4096 - 3 )) 2>/dev/null
	run onestart
	check "nearly full /var/run: no crash" yes "$([ "$STATUS" -lt 128 ] && echo yes || echo no)"
	check "nearly full /var/run: no half-written files" "" "$(find "$ROOT/var/run" -name 'jail*' -empty -printf '%f ')"
	check "nearly full /var/run: no leftovers" "filler" "$(no_temporaries)"
	umount "$ROOT/var/run" && MOUNTED=
else
	echo "SKIP: cannot mount a tmpfs (not root?): read-only and full /var/run untested"
fi

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
