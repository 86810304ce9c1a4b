#!/bin/sh
# Faults around rcjail's /var/run: read-only, full, and with room for the
# generated files but not for every id file (a small tmpfs over the scratch
# root's /var/run). After each: a clear message, no half-written or
# temporary file left, and id files that match the jails the fake jail(8)
# is running. Mounting needs root: elsewhere the test is skipped.
. "$(dirname "$0")/lib.sh"
. "$HERE/faults_lib.sh"
MOUNTED=
cleanup() {
	[ -n "$MOUNTED" ] && umount "$ROOT/var/run" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

mount -t tmpfs -o size=64k,mode=755 tmpfs "$ROOT/var/run" 2>/dev/null ||
	skip "cannot mount a tmpfs on the scratch /var/run (needs root)"
MOUNTED=1

# -- read-only
reset_state
configure
mount -o remount,ro "$ROOT/var/run"
run onestart
check "read-only /var/run: message" yes "$(echo "$ERR" | grep -q 'cannot write /var/run/jail.a.conf: Read-only file system.  Jail a was ignored.' && echo yes || echo "no: $ERR")"
check "read-only /var/run: nothing started" "" "$(running_jails)"
# Each jail is skipped with a warning before jail(8) runs: not a failure of
# fix F, so exit 0 as in stock.
check "read-only /var/run: exit 0" 0 "$STATUS"
mount -o remount,rw "$ROOT/var/run"

# -- full
reset_state
dd if=/dev/zero of="$ROOT/var/run/filler" bs=4k count=64 2>/dev/null
run onestart
check "full /var/run: message" yes "$(echo "$ERR" | grep -q 'No space left on device' && echo yes || echo "no: $ERR")"
check "full /var/run: nothing started" "" "$(running_jails)"
check "full /var/run: exit 0 (jails skipped before jail(8))" 0 "$STATUS"
check "full /var/run: id files match" "$(running_jails)" "$(id_files)"
check "full /var/run: no half-written files" "filler" "$(no_temporaries)"
check "full /var/run: no empty generated files" "" "$(find "$ROOT/var/run" -name 'jail.*.conf' -empty -printf '%f ')"
# -- nearly full: three pages left, which hold a's generated file and its id
# file (tmpfs counts whole pages) but not b's generated file.
reset_state
size=$(( $(df -B1 --output=avail "$ROOT/var/run" | tail -1) ))
dd if=/dev/zero of="$ROOT/var/run/filler" bs=4096 count=$(( size / 4096 - 3 )) 2>/dev/null
run onestart
# b and c are skipped with a warning before jail(8) runs, which fix F does
# not count as a failure: exit 0.
check "nearly full /var/run: exit 0" 0 "$STATUS"
check "nearly full /var/run: a started" "a=1 " "$(running_jails)"
check "nearly full /var/run: id files match" "$(running_jails)" "$(id_files)"
check "nearly full /var/run: b and c ignored" 2 "$(echo "$ERR" | grep -c 'No space left on device.  Jail [bc] was ignored.')"
check "nearly full /var/run: no half-written files" "" "$(find "$ROOT/var/run" -name 'jail*' -empty -printf '%f ')"
check "nearly full /var/run: no leftovers" "filler" "$(no_temporaries)"

umount "$ROOT/var/run" && MOUNTED=
finish
