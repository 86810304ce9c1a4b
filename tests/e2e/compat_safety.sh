# The Linux jail(8), jls(8) and jexec(8) never signal, enter or remove what
# is not the jail they were asked about: a nested jail made from inside a
# jail with path "/" and removed from the host, a stale record whose pid now
# belongs to an unrelated process, a record planted to point at PID 1, a
# /proc of another PID namespace, an unsafe state directory. Everything runs
# in a PID namespace of its own whose PID 1 logs every signal it gets; the
# test asserts that it got none and that canary processes still live.
. "$(dirname "$0")/compat_lib.sh"

if [ "${1:-}" = inner ]; then
	WORK=$2
	compat_programs "$WORK"
	passed=0 failed=0
	sleep 1000 &
	canary=$!
	mine=$(namespace_of $$ pid)
	nsdev=$(stat -L -c %d /proc/$$/ns/pid)

	# (a) basejail has path "/": a jail(8) inside it sees the host's files,
	# and its jail records sit in the same registry.
	run "$JAIL" -c name=basejail path=/ persist children.max=1
	check "basejail: created" "0" "$STATUS"
	run "$JEXEC" basejail "$JAIL" -c name=nestedjail path=/ persist
	check "nestedjail: created inside basejail" "0:" "$STATUS:$ERR"
	run "$JLS" -j basejail.nestedjail name
	check "the host sees basejail.nestedjail" "basejail.nestedjail" "$OUT"
	run "$JEXEC" basejail "$JLS" name
	check "basejail sees nestedjail only" "nestedjail" "$OUT"
	run "$JAIL" -r nestedjail
	check "from the host there is no nestedjail" "1:jail: \"nestedjail\" not found" "$STATUS:$ERR"
	run "$JAIL" -r basejail.nestedjail
	check "the host removes basejail.nestedjail" "0:" "$STATUS:$ERR"
	run "$JLS" name
	check "basejail is left" "basejail" "$OUT"
	run "$JEXEC" basejail "$JAIL" -c name=again path=/ persist
	check "basejail makes a child again" "0" "$STATUS"
	run "$JAIL" -r basejail
	check "removing basejail takes its child along" "0::" "$STATUS:$ERR:$(registered_jails)"

	# (b) A stale record: its jail is gone and its pid now belongs to an
	# unrelated process (the canary, start time and all).
	run "$JAIL" -c name=stale path=/ persist
	record=$(cd "$STATE" && ls *.jail)
	cp "$STATE/$record" "$WORK/stale.record"
	run "$JAIL" -r stale
	start=$(proc_identity /proc/$canary)
	awk -F '\t' -v OFS='\t' -v p="$canary" -v s="${start#*:}" '$1 == "init" { $2 = p; $3 = s } { print }' \
		"$WORK/stale.record" > "$STATE/$record"
	stale_jid=${record%.jail}
	run "$JLS" name
	check "a stale record is no jail" "" "$OUT"
	run "$JAIL" -r stale
	check "removing it finds nothing" "1:jail: \"stale\" not found" "$STATUS:$ERR"
	run "$JEXEC" "$stale_jid" true
	check "entering it finds nothing" "1" "$STATUS"
	run "$JAIL" -c name=fresh path=/ persist
	check "the next creation deletes the stale record" "no" "$([ -f "$STATE/$record" ] && echo yes || echo no)"
	run "$JAIL" -r fresh

	# (c) A record planted to point at PID 1 of this namespace.
	one=$(proc_identity /proc/1)
	printf 'jid\t42\ninit\t1\t%s\npidns\t%s\t%s\nowner\t%s\t%s\nparent\t0\nparam\tname\tplanted\n' \
		"${one#*:}" "$nsdev" "$mine" "$nsdev" "$mine" > "$STATE/42.jail"
	printf 'jid\t43\ninit\t1\t%s\npidns\t%s\t%s\nowner\t%s\t12345\nparent\t0\nparam\tname\tplanted2\n' \
		"${one#*:}" "$nsdev" "$mine" "$nsdev" > "$STATE/43.jail"
	printf 'jid\t44\ninit\t1\t%s\nparam\tname\tancient\n' "${one#*:}" > "$STATE/44.jail"
	run "$JLS" name
	check "planted records are no jails" "" "$OUT"
	for target in planted 42 planted2 43 ancient 44; do
		run "$JAIL" -r "$target"
		check "jail -r $target refuses" "1" "$STATUS"
		run "$JEXEC" "$target" true
		check "jexec $target refuses" "1" "$STATUS"
		run "$JAIL" -m name="$target" persist=false
		check "jail -m $target refuses" "1" "$STATUS"
	done
	run "$JAIL" -c name=next path=/ persist
	check "planted records are kept, not trusted" "42.jail 43.jail 44.jail" \
		"$(cd "$STATE" && ls 4[234].jail | tr '\n' ' ' | sed 's/ $//')"
	run "$JAIL" -r next
	rm -f "$STATE"/4[234].jail

	check "the canary lives" "yes" "$(kill -0 "$canary" 2>/dev/null && echo yes)"
	kill "$canary"
	finish
	exit
fi

compat_setup
command -v unshare > /dev/null || { echo "skipped: no unshare"; exit 0; }
sleep 1000 &
host_canary=$!
: > "$WORK/signals"
unshare --pid --fork --mount-proc sh "$(dirname "$0")/signal-recording-init" "$WORK/signals" sh "$0" inner "$WORK"
check "the tests in their own PID namespace pass" "0" "$?"
check "its PID 1 got no signal" "" "$(cat "$WORK/signals")"
check "the host's canary lives" "yes" "$(kill -0 "$host_canary" 2>/dev/null && echo yes)"
kill "$host_canary"

# A /proc of another PID namespace: nothing there can be proven.
run unshare --pid --fork "$JLS"
check "jls refuses a foreign /proc" "1" "$STATUS"
case $ERR in *"/proc does not belong"*) check "and says why" ok ok ;; *) check "and says why" "/proc..." "$ERR" ;; esac

# The state directory must be root's and not writable by others.
mkdir -p "$STATE"
chmod 0777 "$STATE"
run "$JLS"
check "a world-writable state directory is refused" "1:jls: $STATE: the state directory is writable by group or others" "$STATUS:$ERR"
chmod 0755 "$STATE"
finish
