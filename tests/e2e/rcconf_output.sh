#!/bin/sh
# rc.conf is a program: what its files print, their `exit` and sh's errors
# reach the user as when rc.d/jail sources them (before rcjail's first line,
# the shell's own words), in the default mode and with jail_quirks="stock";
# `check` reports them with file and line, and data output stays clean.
. "$(dirname "$0")/lib.sh"
root_shell  # the rc.conf files here that only /bin/sh reads

JAIL='jail_enable="YES"
jail_list="ducky"
jail_ducky_rootdir="/usr/jail/ducky"
jail_ducky_hostname="ducky.example.org"
jail_ducky_ip="192.0.2.10"'
WARN="/etc/rc.d/jail: WARNING: Per-jail configuration via jail_* variables  is obsolete.  Please consider migrating to /etc/jail.conf."

# The files' paths are the root's: /bin/sh (the fallback) runs chrooted there.

# run_as ARG0 ARGS...: like run, with another $0 (/etc/rc at boot).
run_as() {
	arg0=$1
	shift
	capture "$WORK/out" "$WORK/err" "$RCJAIL" --root "$ROOT" --no-syslog --rc-script "$arg0" "$@"
}

setup() {	# setup MODE: rc.conf from stdin after the jail and the mode's line
	rm -rf "$ROOT/etc/rc.conf.d" "$ROOT/var/run" "$FAKE_JAILS"
	mkdir -p "$ROOT/var/run" "$FAKE_JAILS"
	{ echo "$JAIL"; [ "$1" = stock ] && echo 'jail_quirks="stock"'; cat; } | write_rc_conf
}

lines=8	# three tools and the five lines of the jail
for mode in default stock; do
	own=$lines; [ $mode = stock ] && own=$((lines + 1))
	m="$mode:"

	setup $mode <<'EOF_RC'
echo "hello from rc.conf"
echo "to stderr" >&2
. /etc/included.sh
EOF_RC
	printf 'echo included >&2\necho included out\n' > "$ROOT/etc/included.sh"
	mkdir -p "$ROOT/etc/rc.conf.d/jail"
	printf 'printf "%%s|%%s\\n" from rc.conf.d\n' > "$ROOT/etc/rc.conf.d/jail/a"
	run start
	check "$m start: status" 0 "$STATUS"
	check "$m start: stdout" "hello from rc.conf
included out
from|rc.conf.d
Starting jails: ducky.example.org." "$OUT"
	check "$m start: stderr" "to stderr
included
$WARN" "$ERR"
	run faststop
	check "$m faststop: rc.conf output first" "hello from rc.conf
included out
from|rc.conf.d
Stopping jails: ducky.example.org." "$OUT"

	setup $mode <<'EOF_RC'
echo "before"
exit 3
echo "after"
EOF_RC
	for verb in start faststart stop status; do
		run $verb
		check "$m exit 3 ($verb): status" 3 "$STATUS"
		check "$m exit 3 ($verb): only what came before" "before" "$OUT"
		check "$m exit 3 ($verb): nothing on stderr" "" "$ERR"
	done
	check "$m exit 3: no jail(8) run" no "$([ -s "$FAKE_JAILS/.calls" ] && echo yes || echo no)"
	run check
	check "$m check on exit: status" 2 "$STATUS"
	check "$m check on exit: file:line" "/etc/rc.conf:$((own + 2)): error: exit 3 while loading: rc.d/jail stops here with status 3" \
		"$(printf '%s\n' "$OUT" | grep '^/etc/rc.conf')"

	# The issue's real-world line: blanks around `=` make sh run a command.
	setup $mode <<'EOF_RC'
jail_test_ip = "10.211.55.6"
EOF_RC
	run_as /etc/rc faststart
	expected=$(chroot "$ROOT" /bin/sh -c '. "$1"' /etc/rc /etc/rc.conf 2>&1 >/dev/null)
	check "$m not found: the shell's words first" "$expected" "$(printf '%s\n' "$ERR" | head -n 1)"
	check "$m not found: names the line" yes \
		"$(printf '%s\n' "$ERR" | head -n 1 | grep -q "$((own + 1))" && echo yes || echo no)"
	check "$m not found: the jail still starts" "Starting jails: ducky.example.org." "$OUT"
	run check
	check "$m check: not found with file:line" "/etc/rc.conf:$((own + 1)): error: jail_test_ip: not found" \
		"$(printf '%s\n' "$OUT" | grep 'not found')"
	run stop

	setup $mode <<'EOF_RC'
echo "from rc.conf"
EOF_RC
	run vars jail_list
	check "$m vars: rc.conf output on stderr" "from rc.conf" "$ERR"
	check "$m vars: stdout is the listing" 'jail_list="ducky"' "$(printf '%s\n' "$OUT" | cut -f1)"
	for cmd in "plan start --json" "status -a --json" "check --json"; do
		run $cmd
		check "$m $cmd: rc.conf output on stderr" yes \
			"$(printf '%s\n' "$ERR" | grep -qx 'from rc.conf' && echo yes || echo no)"
		check "$m $cmd: stdout is JSON" yes \
			"$(printf '%s\n' "$OUT" | python3 -m json.tool >/dev/null 2>&1 && echo yes || echo no)"
	done
	run plan start
	check "$m plan: text output after rc.conf's" "from rc.conf" "$(printf '%s\n' "$OUT" | head -n 1)"

	setup $mode <<'EOF_RC'
false
return 0
echo never
EOF_RC
	run start
	check "$m return 0 and false: starts" "Starting jails: ducky.example.org." "$OUT"
	check "$m return 0 and false: status" 0 "$STATUS"
	run stop
done
finish
