#!/bin/sh
# jail.conf variable errors (an unknown variable, a loop) as rcjail's check,
# plan and status -a report them: jail(8)'s wording, with the file and line
# of the statement; and a numbered block whose `$name` is its number.
. "$(dirname "$0")/lib.sh"

write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="a b 5309"
EOF_RC
cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
path = "/jails/$name";
a {
	host.hostname = $nope;
}
b {
	$x = "$y";
	$y = "$x";
	host.hostname = $x;
}
5309 {
	host.hostname = "${name}";
}
EOF_CONF

run check
check "check: exit 1" 1 "$STATUS"
check "check: unknown variable at its statement" \
	'/etc/jail.conf:3: error: a: host.hostname: variable "nope" not found' \
	"$(printf '%s\n' "$OUT" | grep 'not found')"
check "check: loop at its statement" '/etc/jail.conf:7: error: b: x: variable loop' \
	"$(printf '%s\n' "$OUT" | grep 'loop')"
check "check: the numbered jail's \$name is its number" 1 "$(printf '%s\n' "$OUT" | grep -c '5309: path /jails/5309 ')"
check "check: no variable error for the numbered jail" 0 "$(printf '%s\n' "$OUT" | grep '5309' | grep -c 'variable')"

run plan start
check "plan: unknown variable" \
	'  jail(8) fails it: /etc/jail.conf:3: host.hostname: variable "nope" not found' \
	"$(printf '%s\n' "$OUT" | grep 'not found')"
check "plan: loop" '  jail(8) fails it: /etc/jail.conf:7: x: variable loop' "$(printf '%s\n' "$OUT" | grep 'loop')"
check "plan: the numbered jail has no error" 0 "$(printf '%s\n' "$OUT" | sed -n '/^5309/,$p' | grep -c 'fails it')"

run status -a
check "status -a: unknown variable" \
	'  error:      /etc/jail.conf:3: host.hostname: variable "nope" not found (jail(8) fails it)' \
	"$(printf '%s\n' "$OUT" | grep 'not found')"
check "status -a: \$name of a numbered block is its number" "  path:       /jails/5309" \
	"$(printf '%s\n' "$OUT" | sed -n '/^5309$/,$p' | grep 'path:')"
check "status -a: the numbered jail's hostname" "  hostname:   5309" \
	"$(printf '%s\n' "$OUT" | sed -n '/^5309$/,$p' | grep 'hostname:')"

finish
