#!/bin/sh
# Malformed configuration: every input of tests/data/malformed (and the big
# ones generated below) must give a message naming the file and line, a
# non-zero exit, no jail(8) run and an untouched /var/run.
# Each input's first line is `# expect VERB FILE:LINE TEXT`: rcjail runs VERB
# (onestart for rc.conf syntax errors; check for jail.conf, which rcjail
# otherwise hands to jail(8) unread, and for sh-valid rc.conf that only
# `check` can call wrong) and one output line must hold "FILE:LINE: " and TEXT.
. "$(dirname "$0")/lib.sh"
root_shell  # the rc.conf files here that only /bin/sh reads
SOURCE_DIR=${SOURCE_DIR:-$(cd "$HERE/../.." && pwd)}
DATA=$SOURCE_DIR/tests/data/malformed
BIG=$WORK/big
mkdir -p "$BIG"

# Too big to keep in the tree: deep nesting, enormous lines, many lines.
python3 - "$BIG" <<'EOF_PY'
import sys
d = sys.argv[1]
cases = {
    'deep-braces': (2, 'nested too deeply', '{ ' * 100000 + 'jail_list=a' + ' }' * 100000 + '\n'),
    'deep-if': (2, 'nested too deeply', 'if true; then ' * 20000 + 'jail_list=a' + '; fi' * 20000 + '\n'),
    'deep-parameter': (2, 'nested too deeply', 'jail_list="' + '${x:-' * 50000 + 'a' + '}' * 50000 + '"\n'),
    'deep-subshells': (2, 'nested too deeply', '(' * 50000 + 'jail_list=a' + ')' * 50000 + '\n'),
    'deep-quotes-in-parameters': (2, 'nested too deeply', 'jail_list=' + '${x:-"' * 30000 + 'a' + '"}' * 30000 + '\n'),
    'enormous-line-unterminated': (3, 'Unterminated quoted string', 'jail_list="' + 'x' * 2000000 + '\n'),
    'enormous-line-then-error': (4, 'end of file unexpected', 'jail_x_exec_start="' + 'y' * 1000000 + '"\nif\n'),
    'many-lines-then-error': (50002, '"fi" unexpected', ''.join('jail_v%d="%d"\n' % (i, i) for i in range(50000)) + 'fi\n'),
}
for name, (line, text, body) in cases.items():
    with open(f'{d}/{name}.rc', 'w') as f:
        f.write(f'# expect onestart /etc/rc.conf:{line} {text}\n' + body)
EOF_PY

# A /var/run with content, and its fingerprint (names, modes, sizes, sums).
seed_var_run() {
	rm -rf "$ROOT/var/run" "$FAKE_JAILS"
	mkdir -p "$ROOT/var/run" "$FAKE_JAILS"
	echo 7 > "$ROOT/var/run/jail_old.id"
	echo 'old { persist; }' > "$ROOT/var/run/jail.old.conf"
}
fingerprint() {
	(cd "$ROOT/var/run" && find . -printf '%p %m %s\n' | sort && find . -type f -exec md5sum {} + | sort)
}

run_case() {	# run_case FILE KIND
	file=$1 kind=$2 name=${1##*/}
	set -- $(head -n 1 "$file")
	verb=$3 where=$4
	shift 4
	text=$*
	seed_var_run
	if [ "$kind" = jail ]; then
		write_rc_conf <<'EOF_RC'
jail_enable="YES"
EOF_RC
		cp "$file" "$ROOT/etc/jail.conf"
	else
		rm -f "$ROOT/etc/jail.conf"
		cp "$file" "$ROOT/etc/rc.conf"
	fi
	before=$(fingerprint)
	run "$verb"
	check "$name: non-zero exit" yes "$([ "$STATUS" -ne 0 ] && echo yes || echo no)"
	if [ "$verb" = onestart ]; then
		# An sh error in /bin/sh's words and numbers ("$0: LINE: [FILE: ]
		# message" from dash, which names the file only sometimes and counts
		# the lines of eval'd text on their own), else a limit of rcjail's
		# reader in its format: "$0: ERROR: file:line: message", alone.
		check "$name: message" "/etc/rc.d/jail: ERROR: $where: *$text*" \
			"$(printf '%s\n' "$ERR" | grep -a -F -e "ERROR: $where: " \
				-e "/etc/rc.d/jail: ${where##*:}: " | grep -a -F -- "$text" >/dev/null &&
				echo "/etc/rc.d/jail: ERROR: $where: *$text*" || printf '%s' "$ERR" | head -c 300)"
		check "$name: nothing on stdout" "" "$OUT"
	else
		check "$name: message" "$where: *$text*" \
			"$(printf '%s\n%s\n' "$OUT" "$ERR" | grep -a -F "$where: " | grep -a -F -- "$text" >/dev/null &&
				echo "$where: *$text*" || printf '%s%s' "$OUT" "$ERR" | head -c 300)"
	fi
	check "$name: /var/run untouched" "$before" "$(fingerprint)"
	check "$name: no jail(8), jls or jexec run" no "$([ -s "$FAKE_JAILS/.calls" ] && echo yes || echo no)"
}

count=0
for f in "$DATA"/rc/*.rc "$BIG"/*.rc; do run_case "$f" rc; count=$((count + 1)); done
for f in "$DATA"/jail/*.conf; do run_case "$f" jail; count=$((count + 1)); done
check "at least 60 malformed inputs" yes "$([ "$count" -ge 60 ] && echo yes || echo "no ($count)")"
finish
