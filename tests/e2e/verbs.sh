#!/bin/sh
# Every rc.d/jail verb of the real binary against a real rc.conf and /var/run.
. "$(dirname "$0")/lib.sh"

write_rc_conf <<'EOF_RC'
jail_list="ducky"
jail_interface="em0"
jail_ducky_rootdir="/usr/jail/ducky"
jail_ducky_hostname="ducky.example.org"
jail_ducky_ip="192.0.2.10"
EOF_RC

run start
check "start refused when disabled" \
	"Cannot 'start' jail. Set jail_enable to YES in /etc/rc.conf or use 'onestart' instead of 'start'." "$OUT"
check "refused start exits 0" 0 "$STATUS"

run onestart
check "onestart output" "Starting jails: ducky.example.org." "$OUT"
check "obsolete warning" "/etc/rc.d/jail: WARNING: Per-jail configuration via jail_* variables  is obsolete.  Please consider migrating to /etc/jail.conf." "$ERR"
check "id file" 1 "$(cat "$ROOT/var/run/jail_ducky.id")"
check "generated file line" '	ip4.addr += "em0|192.0.2.10/32";' "$(grep ip4 "$ROOT/var/run/jail.ducky.conf")"
check "generated file mode" 644 "$(stat -c %a "$ROOT/var/run/jail.ducky.conf")"
check "jail(8) command line" "jail -i -f /var/run/jail.ducky.conf -c ducky" "$(grep '^jail' "$FAKE_JAILS/.calls")"

run onestart ducky
check "already running: fix F exit status" 1 "$STATUS"
check "already running: output" "Starting jails: cannot start jail  \"ducky.example.org\": 
jail: ducky: jail already exists
." "$OUT"

run status
check "status runs jls -N" " ducky" "$OUT"

run oneconfig ducky
check "config" "ducky: parameters are in /var/run/jail.ducky.conf." "$OUT"

run oneconsole ducky /bin/csh -l
check "console with a command" "in jail: /bin/csh -l" "$OUT"
run oneconsole ducky
check "console default command" "in jail: /usr/bin/login -f root" "$OUT"
run oneconsole
check "console from a one-jail jail_list" "in jail: /usr/bin/login -f root" "$OUT"

run onerestart
check "restart" "Stopping jails: ducky.example.org.
Starting jails: ducky.example.org." "$OUT"

run onestop
check "stop" "Stopping jails: ducky.example.org." "$OUT"
check "id file removed" no "$([ -e "$ROOT/var/run/jail_ducky.id" ] && echo yes || echo no)"

run rcvar
check "rcvar" '# jail : Manage system jails
#
jail_enable="NO"
#   (default: "")' "$OUT"
run describe
check "describe" "Manage system jails" "$OUT"
run oneextracommands
check "extracommands" "config console status" "$OUT"
run enabled
check "enabled when disabled" 1 "$STATUS"
run frobnicate
check "unknown verb status" 1 "$STATUS"
check "unknown verb message" "/etc/rc.d/jail: unknown directive 'frobnicate'." "$(echo "$ERR" | head -1)"
run
check "no verb: usage" "Usage: /etc/rc.d/jail [fast|force|one|quiet](start|stop|restart|rcvar|enable|disable|delete|enabled|describe|extracommands|config|console|status|status|poll)" "$ERR"

echo 'jail_enable="YES"' >> "$ROOT/etc/rc.conf"
run enabled
check "enabled" 0 "$STATUS"
run faststart
check "boot start" "Starting jails: ducky.example.org." "$OUT"
run faststop
check "shutdown stop" "Stopping jails: ducky.example.org." "$OUT"

printf 'ENV_FROM_FILE="from file"\n' > "$ROOT/etc/jail.env"
printf 'jail_env_file="/etc/jail.env"\njail_env="ENV_WORD=word"\n' >> "$ROOT/etc/rc.conf"
run status
check "jail_env_file is exported to jail(8) and friends" "ENV_FROM_FILE=from file" "$(grep ENV_FROM_FILE "$FAKE_JAILS/.env")"
check "jail_env is exported too" "ENV_WORD=word" "$(grep ENV_WORD "$FAKE_JAILS/.env")"

run vars 'jail_ducky_*'
check "vars lists file and line" 'jail_ducky_hostname="ducky.example.org"	# /etc/rc.conf:7' \
	"$(echo "$OUT" | grep hostname)"
finish
