#!/bin/sh
# How the Linux jail(8) -r ends a jail's processes: SIGTERM from the jail's
# init to each of them, then the removal as soon as they are gone (jail(8)
# waits for the init's exit on its pidfd); a process that ignores SIGTERM is
# killed with the jail once stop.timeout has passed.
. "$(dirname "$0")/compat_lib.sh"
compat_setup

root=$(make_root stopper)
# A service that logs the SIGTERM it gets and ends, and one that ignores it.
cat > "$root/bin/polite" <<'EOF'
#!/bin/sh
trap 'echo "got TERM" > /var/log/polite; exit 0' TERM
echo started > /var/log/polite
while :; do sleep 1; done
EOF
cat > "$root/bin/stubborn" <<'EOF'
#!/bin/sh
trap '' TERM
echo started > /var/log/stubborn
while :; do sleep 1; done
EOF
chmod 755 "$root/bin/polite" "$root/bin/stubborn"

# wait_started FILE: until the service wrote FILE (at most 10 s).
wait_started() {
	n=0
	while [ "$(cat "$1" 2>/dev/null)" != started ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
}

run "$JAIL" -c name=polite path="$root" persist mount.devfs \
	exec.start="/bin/sh -c '/bin/polite < /dev/null > /dev/null 2>&1 &'"
check "polite: created" 0 "$STATUS"
wait_started "$root/var/log/polite"
# its init: when it is gone, so is every process of the jail's PID namespace
init=$(proc_identity "/proc/$(jail_init polite)")
check "polite: its init is known" yes "$([ -n "$init" ] && echo yes)"
run "$JAIL" -v -r polite
check "polite: removed" 0 "$STATUS"
check "polite: its service got SIGTERM and ended on it" "got TERM" "$(cat "$root/var/log/polite")"
check "polite: -v names the processes it sent SIGTERM" yes \
	"$(echo "$OUT" | grep -Eq '^polite: sent SIGTERM to:( [0-9]+)+$' && echo yes)"
check "polite: within stop.timeout, nothing timed out" "" "$(echo "$OUT$ERR" | grep 'timed out')"
check "polite: nothing of it is left" 0 "$(remaining "$init")"
check "polite: gone from the registry" "" "$(registered_jails)"

run "$JAIL" -c name=stubborn path="$root" persist mount.devfs stop.timeout=1 \
	exec.start="/bin/sh -c '/bin/stubborn < /dev/null > /dev/null 2>&1 &'"
check "stubborn: created" 0 "$STATUS"
wait_started "$root/var/log/stubborn"
# its init: when it is gone, so is every process of the jail's PID namespace
init=$(proc_identity "/proc/$(jail_init stubborn)")
check "stubborn: its init is known" yes "$([ -n "$init" ] && echo yes)"
run "$JAIL" -v -r stubborn
check "stubborn: removed all the same" 0 "$STATUS"
check "stubborn: stop.timeout ran out" "stubborn: timed out" "$(echo "$OUT$ERR" | grep -o 'stubborn: timed out')"
check "stubborn: nothing of it is left" 0 "$(remaining "$init")"
check "stubborn: gone from the registry" "" "$(registered_jails)"

# The jail's root cannot end its jail or drop its persist flag through the
# signals jail(8) gives the init (SIGUSR1: no persist; SIGRTMIN, 34 with
# glibc: stop): as on FreeBSD, only the host removes a jail. Obeyed, they
# would end the jail within a second of it becoming empty.
run "$JAIL" -c name=signalled path="$root" persist
run "$JEXEC" signalled /bin/sh -c "kill -USR1 1; kill -34 1; echo sent"
check "signals from inside: sent" "0:sent" "$STATUS:$OUT"
n=0
while "$JLS" -j signalled > /dev/null 2>&1 && [ $n -lt 30 ]; do sleep 0.1; n=$((n + 1)); done
check "signals from inside: jls still lists the jail after 3 s" "signalled" "$("$JLS" -j signalled name)"
run "$JAIL" -r signalled
check "signals from inside: jail(8) removes it" "0:" "$STATUS:$(registered_jails)"

# A jail with no process but its init: nothing to send, removed at once.
for flags in -r -vr; do
	run "$JAIL" -c name=empty path="$root" persist stop.timeout=30
	init=$(proc_identity "/proc/$(jail_init empty)")
	run "$JAIL" $flags empty
	check "empty ($flags): removed, no SIGTERM sent, nothing timed out" "0:" \
		"$STATUS:$(echo "$OUT$ERR" | grep -e 'sent SIGTERM' -e 'timed out')"
	check "empty ($flags): nothing of it is left" "0:" "$(remaining "$init"):$(registered_jails)"
done
finish
