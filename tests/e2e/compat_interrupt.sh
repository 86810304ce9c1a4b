#!/bin/sh
# A run that is killed part way, then run again: rcjail start and stop of
# real jails (busybox roots with devfs, procfs and the heartbeat /etc/rc) on
# the Linux jail(8), killed with SIGKILL at a random point, then run again.
# After the second start every configured jail is up exactly once with its
# id file; after the second stop none is, and /var/run holds no stale file.
# Everything runs in a PID namespace of its own, whose PID 1 logs every
# signal it gets; a canary inside and one outside must live.
#
# RCJAIL_INTERRUPT_ROUNDS (default 3): how many rounds of killed start,
# start, killed stop, stop.
. "$(dirname "$0")/compat_lib.sh"

jails="j1 j2 j3 j4"

# rcjail ARGS...: rcjail on the test's rc.conf ($WORK/run is /var/run in the
# test's mount namespace).
rcjail() { "$RCJAIL" --no-syslog --config "$WORK/rc.conf" "$@"; }

# settle: a killed rcjail's jail(8) runs on to its end (it is not rcjail's
# to kill); wait for it, as the next run's lock would not.
settle() {
	n=0
	while grep -qx -e jail -e jls -e jexec -e rcjail /proc/[0-9]*/comm 2>/dev/null && [ $n -lt 600 ]; do
		sleep 0.05
		n=$((n + 1))
	done
}

# killed_run MAXMS ARGS...: rcjail ARGS, killed with SIGKILL after a random
# time below MAXMS milliseconds (or left to finish when it is faster).
killed_run() {
	max=$1
	shift
	rcjail "$@" > /dev/null 2>&1 &
	victim=$!
	delay=$(awk -v max="$max" -v seed="$(od -An -N4 -tu4 /dev/urandom)" 'BEGIN { srand(seed); printf "%.3f", rand() * max / 1000 }')
	sleep "$delay"
	kill -KILL "$victim" 2>/dev/null
	wait "$victim" 2>/dev/null
	settle
}

now_ms() { awk '{ printf "%d", $1 * 1000 }' /proc/uptime; }
# up: the names jls lists, sorted, one line.
up() { "$JLS" name | sort | tr '\n' ' ' | sed 's/ $//'; }
# id_files_right: "yes" when every configured jail has an id file holding
# the jid jls gives it.
id_files_right() {
	for j in $jails; do
		[ "$(cat "$WORK/run/jail_$j.id" 2>/dev/null)" = "$("$JLS" -j "$j" jid 2>/dev/null)" ] || { echo "no: $j"; return; }
	done
	echo yes
}
# left_in_var_run: what /var/run holds besides the generated jail.conf files.
left_in_var_run() { ls "$WORK/run" | grep -v '^jail\.j[0-9]*\.conf$' | tr '\n' ' ' | sed 's/ $//'; }

if [ "${1:-}" = inner ]; then
	WORK=$2
	compat_programs "$WORK"
	passed=0 failed=0
	sleep 86400 &  # outlives any number of rounds
	canary=$!
	mount --bind "$WORK/run" /var/run || exit 1
	rounds=${RCJAIL_INTERRUPT_ROUNDS:-3}
	all=$(echo $jails | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')

	# How long an uninterrupted start and stop take: the kills land within that.
	began=$(now_ms)
	run rcjail start
	check "a whole start" "0:Starting jails: $jails." "$STATUS:$OUT"
	start_ms=$(($(now_ms) - began + 10))

	# status -a tells the states a killed run leaves: a jail up without its
	# id file, an id file of a jail that is gone.
	rm "$WORK/run/jail_j1.id"
	"$JAIL" -r j2 > /dev/null
	run rcjail status -a
	check "status: a jail up without its id file" \
		"  jid:        $("$JLS" -j j1 jid) (no /var/run/jail_j1.id: started outside rcjail or by a run that was killed)" \
		"$(echo "$OUT" | grep -A1 '^j1$' | tail -n 1)"
	check "status: the id file of a jail that is gone" "  jid:        - (not running; /var/run/jail_j2.id is stale)" \
		"$(echo "$OUT" | grep -A1 '^j2$' | tail -n 1)"
	check "status: a jail as it should be" "  jid:        $("$JLS" -j j3 jid)" "$(echo "$OUT" | grep -A1 '^j3$' | tail -n 1)"
	run rcjail stop
	check "a stop after that" "0::" "$STATUS:$(up):$(left_in_var_run)"
	run rcjail start
	began=$(now_ms)
	run rcjail stop
	check "a whole stop" "0:" "$STATUS:$(up)"
	stop_ms=$(($(now_ms) - began + 10))
	echo "an uninterrupted start took $start_ms ms, a stop $stop_ms ms"

	round=1
	while [ $round -le "$rounds" ]; do
		killed_run "$start_ms" start
		run rcjail start
		check "round $round: the start after a killed start succeeds" "0" "$STATUS"
		[ "$STATUS" = 0 ] || echo "$OUT"
		check "round $round: every jail is up" "$all" "$(up)"
		check "round $round: each exactly once" "$(echo $jails | wc -w)" "$(registered_jails | wc -l)"
		check "round $round: every id file holds its jail's jid" yes "$(id_files_right)"
		killed_run "$stop_ms" stop
		run rcjail stop
		check "round $round: the stop after a killed stop succeeds" "0" "$STATUS"
		check "round $round: no jail is left" "" "$(up)"
		check "round $round: no stale file in /var/run" "" "$(left_in_var_run)"
		round=$((round + 1))
	done
	check "the canary lives" "yes" "$(kill -0 "$canary" 2>/dev/null && echo yes)"
	kill "$canary"
	finish
	exit
fi

compat_setup
command -v unshare > /dev/null || skip "no unshare"
mkdir -p "$WORK/run"
{
	echo 'jail_enable="YES"'
	echo "jail_list=\"$jails\""
	echo "jail_program=\"$JAIL\""
	echo "jail_jls=\"$JLS\""
	echo "jail_jexec=\"$JEXEC\""
	echo "jail_sysctl=\"$BUILD_DIR/compat/sysctl\""
	echo 'jail_devfs_enable="YES"'
	echo 'jail_procfs_enable="YES"'
	for j in $jails; do
		echo "jail_${j}_rootdir=\"$(make_root "$j")\""
		echo "jail_${j}_hostname=\"$j\""
	done
} > "$WORK/rc.conf"
sleep 86400 &  # outlives any number of rounds
host_canary=$!
: > "$WORK/signals"
unshare --pid --fork --mount-proc sh "$(dirname "$0")/signal-recording-init" "$WORK/signals" sh "$0" inner "$WORK"
check "the rounds in their own PID namespace pass" "0" "$?"
check "its PID 1 got no signal" "" "$(cat "$WORK/signals")"
check "the host's canary lives" "yes" "$(kill -0 "$host_canary" 2>/dev/null && echo yes)"
kill "$host_canary"
check "no jail is left" "" "$(registered_jails)"
finish
