#!/bin/sh
# Start and stop deadlines (jail_NAME_start_timeout, jail_stop_timeout) of
# the real binary against fake-jail-tool: a hanging jail is cut within a
# second of its deadline while its siblings start, its dependents are
# skipped, and a stop that hangs escalates to jail -R.
. "$(dirname "$0")/lib.sh"
. "$HERE/timing_lib"

cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
hang { path = "/j/hang"; }
s1 { path = "/j/s1"; }
s2 { path = "/j/s2"; }
needs { path = "/j/needs"; depend = hang; }
after { path = "/j/after"; depend = s1; }
EOF_CONF
touch "$FAKE_JAILS/.hang-hang"
echo 0.3 > "$FAKE_JAILS/.sleep-s1"
write_rc_conf <<'EOF_RC'
jail_parallel_start="YES"
jail_hang_start_timeout="2"
EOF_RC

began=$(date +%s.%N)
run onestart
ended=$(date +%s.%N)
check "a failed start exits 1" 1 "$STATUS"
check "lines" "Starting jails:
 hang: timed out after 2 s
 s1
 s2
 needs: skipped, needs hang
 after" "$OUT"
# (the fake logs "start" a little after rcjail started the clock)
check "cut within a second of the deadline" yes "$(within "$(at hang start)" "$(at hang force)" 1.8 3)"
check "the whole start took about the deadline" yes "$(within "$began" "$ended" 2 4)"
# Order, not seconds: the siblings and a sibling's dependent run while the
# hanging jail waits for its deadline, whatever the machine's speed.
check "siblings start before the deadline" yes "$(happened_after hang force s1 start)"
check "siblings are up before the deadline" yes "$(happened_after hang force s2 end)"
check "a sibling's dependent starts without waiting" yes "$(happened_after hang force after start)"
check "the dependent is skipped" "" "$(at needs start)"
check "the half-started jail is removed with jail -R" "jail -q -R hang" "$(grep -- '-R hang' "$FAKE_JAILS/.calls")"
check "the half-started jail is gone" no "$([ -e "$FAKE_JAILS/hang" ] && echo yes || echo no)"
# killed PIDFILE: "yes" when PIDFILE was written with a pid and that process
# is gone (a zombie waiting for its new parent to reap it counts as gone).
killed() {
	pid=$(cat "$1" 2>/dev/null)
	case $pid in
	'' | *[!0-9]*) echo "no: $1 holds no pid"; return ;;
	esac
	state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)
	if [ -n "$state" ] && [ "$state" != Z ]; then echo "no: $pid is alive"; else echo yes; fi
}
check "its jail(8) process group was killed" yes "$(killed "$FAKE_JAILS/.hangpid-hang")"
check "console: the timeout" yes \
	"$(echo "$ERR" | grep -qx '/etc/rc.d/jail: WARNING: jail hang: start timed out after 2 s (jail_hang_start_timeout); jail(8) was killed and the half-started jail removed' && echo yes || echo no)"
check "console: the skip" yes \
	"$(echo "$ERR" | grep -qx '/etc/rc.d/jail: WARNING: jail needs not started: it depends on hang, which did not start' && echo yes || echo no)"
check "no id file for the jail that timed out" no "$([ -e "$ROOT/var/run/jail_hang.id" ] && echo yes || echo no)"
check "id files for the others" yes "$([ -e "$ROOT/var/run/jail_after.id" ] && echo yes || echo no)"

# A stop that hangs past jail_stop_timeout: killed, then jail -R.
reset_calls
touch "$FAKE_JAILS/.hang-stop-s2"
write_rc_conf <<'EOF_RC'
jail_stop_timeout="1"
EOF_RC
run onestop s2 s1
check "a stop past its deadline exits 1" 1 "$STATUS"
check "stop output: s1's dependent goes first" "Stopping jails: s2 after s1." "$OUT"
check "escalated within a second of the deadline" yes "$(within "$(at s2 stop)" "$(at s2 force)" 0.8 2)"
check "jail -R" "jail -q -R s2" "$(grep -- '-R s2' "$FAKE_JAILS/.calls")"
check "s2 is gone" no "$([ -e "$FAKE_JAILS/s2" ] && echo yes || echo no)"
check "after stopped before s1" yes "$(happened_after s1 stop after stopped)"
check "s1 stopped after s2" yes "$(happened_after s1 stop s2 force)"
check "console: the stop timeout" yes \
	"$(echo "$ERR" | grep -qx '/etc/rc.d/jail: WARNING: jail s2: stop timed out after 1 s (jail_stop_timeout); jail(8) was killed and the jail removed with jail -R' && echo yes || echo no)"

# The shutdown budget: said at start-up when the stop cannot fit.
reset_calls
write_rc_conf <<'EOF_RC'
jail_list="s1 s2"
jail_stop_timeout="60"
rcshutdown_timeout="90"
EOF_RC
run onestart
check "budget warning at start" "/etc/rc.d/jail: WARNING: stopping the jails can take up to 150 s, more than rcshutdown_timeout (90 s): s1 (75 s), then s2 (75 s) (each stop timeout plus 15 s for jail -R)" \
	"$(echo "$ERR" | grep rcshutdown_timeout)"
finish
