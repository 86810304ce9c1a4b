#!/bin/sh
# An administrator's first week, in the default mode: names that
# nothing configures are errors with a suggestion; status -a and list say
# "unknown" where jls cannot know, list the jails nothing configures, and
# fail on a jail.conf they cannot read; vars leaves the environment out;
# console passes its words on and reports the command's status. (The
# privileges: admin_privileges.sh.)
. "$(dirname "$0")/lib.sh"

mkdir -p "$ROOT/usr/jail/ducky/bin" "$ROOT/usr/jail/ducky/etc" "$ROOT/usr/jail/web"
write_rc_conf <<'EOF_RC'
jail_enable="YES"
jail_list="ducky web"
EOF_RC
cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
ducky {
	path = /usr/jail/ducky;
	ip4.addr = 192.0.2.10;
}
web {
	path = /usr/jail/web;
}
EOF_CONF
run start ducky
check "setup: ducky runs" 1 "$(cat "$FAKE_JAILS/ducky" 2>/dev/null)"

# -- names nothing configures
for verb in start stop restart; do
	: > "$FAKE_JAILS/.calls"
	run $verb duckyy
	check "$verb duckyy: exit 1" 1 "$STATUS"
	check "$verb duckyy: did you mean" "/etc/rc.d/jail: ERROR: jail duckyy is not configured; did you mean ducky?" "$ERR"
	check "$verb duckyy: no jail(8) run" "" "$(cat "$FAKE_JAILS/.calls")"
done
run start nosuchname ducky
check "a name far from any: exit 1" 1 "$STATUS"
check "a name far from any: where to look" "/etc/rc.d/jail: ERROR: jail nosuchname is not configured; \`rcjail list\` shows the jails that are" "$ERR"
check "the configured name was not started either" 1 "$(cat "$FAKE_JAILS/ducky")"
echo 'jail_quirks="stock"' >> "$ROOT/etc/rc.conf"
run stop duckyy
check "stock: an unknown name is ignored, exit 0" 0 "$STATUS"
sed -i '/jail_quirks/d' "$ROOT/etc/rc.conf"

# -- list and status -a: configured, running, and started by hand
echo 7 > "$FAKE_JAILS/adhoc"
run list
check "list: exit 0" 0 "$STATUS"
check "list: one line per jail" "NAME   STATE    JID  ADDRESSES   PATH             CONFIGURED
ducky  running  1    192.0.2.10  /usr/jail/ducky  /etc/jail.conf:1
web    stopped  -    -           /usr/jail/web    /etc/jail.conf:5
adhoc  running  7    -           -                (not configured)" "$OUT"
run list --json
check "list --json: the states" "ducky running 1 /etc/jail.conf:1|web stopped None /etc/jail.conf:5|adhoc running 7 None|" \
	"$(printf '%s\n' "$OUT" | python3 -c 'import json, sys
for j in json.load(sys.stdin): print(j["name"], j["state"], j["jid"], j["configured"], end="|")')"
run status -a
check "status -a: the jail started by hand" "adhoc
  jid:        7
  hostname:   -
  addresses:  -
  path:       -
  configured: - (not configured)" "$(printf '%s\n' "$OUT" | sed -n '/^adhoc/,/configured:/p')"
run list --bogus
check "list: a usage error exits 1" 1 "$STATUS"
rm "$FAKE_JAILS/adhoc"

# jls missing: unknown, not "not running".
sed -i "s|^jail_jls=.*|jail_jls=\"$WORK/nonexistent/jls\"|" "$ROOT/etc/rc.conf"
run status -a
check "no jls: unknown" "  jid:        ? (unknown: $WORK/nonexistent/jls not found (jail_jls))" "$(printf '%s\n' "$OUT" | grep -m1 'jid:')"
run list
check "no jls: list says unknown" "ducky unknown" "$(printf '%s\n' "$OUT" | awk 'NR == 2 { print $1, $2 }')"
check "no jls: list says why" "rcjail list: state unknown: $WORK/nonexistent/jls not found (jail_jls)" "$ERR"
sed -i "s|^jail_jls=.*|jail_jls=\"$TOOLS/jls\"|" "$ROOT/etc/rc.conf"

# A jail.conf that cannot be read: an error at its line, exit 1.
cp "$ROOT/etc/jail.conf" "$WORK/jail.conf.good"
printf 'broken {\n\tpath = "/x;\n}\n' >> "$ROOT/etc/jail.conf"
run status -a
check "broken jail.conf: status -a exits 1" 1 "$STATUS"
check "broken jail.conf: file:line" "/etc/rc.d/jail: ERROR: /etc/jail.conf:9: unterminated string" "$(printf '%s\n' "$ERR" | head -1)"
run list
check "broken jail.conf: list exits 1" 1 "$STATUS"
cp "$WORK/jail.conf.good" "$ROOT/etc/jail.conf"

# -- vars: rc.conf and the defaults, the environment only when asked
capture "$WORK/out" "$WORK/err" env RCJAIL_TEST_SECRET=hunter2 "$RCJAIL" --root "$ROOT" --no-syslog vars
check "vars: no environment" "" "$(printf '%s\n' "$OUT" | grep -e RCJAIL_TEST_SECRET -e '^PATH=')"
check "vars: rc.conf's own" 'jail_list="ducky web"	# /etc/rc.conf:5' "$(printf '%s\n' "$OUT" | grep '^jail_list=')"
check "vars: a default" 'jail_conf="/etc/jail.conf"	# (built-in)' "$(printf '%s\n' "$OUT" | grep '^jail_conf=')"
capture "$WORK/out" "$WORK/err" env RCJAIL_TEST_SECRET=hunter2 "$RCJAIL" --root "$ROOT" --no-syslog vars 'RCJAIL_TEST_*'
check "vars PATTERN: no environment either" "" "$OUT"
capture "$WORK/out" "$WORK/err" env RCJAIL_TEST_SECRET=hunter2 "$RCJAIL" --root "$ROOT" --no-syslog vars --env 'RCJAIL_TEST_*'
check "vars --env: the environment, labelled" 'RCJAIL_TEST_SECRET="hunter2"	# (environment)' "$OUT"

# -- console: words as given, the command's status
# A jexec that runs the command on the host, and fails as jexec(8) does
# for the login the jail's root does not have.
cat > "$WORK/jexec" <<'EOF_SH'
#!/bin/sh
shift
[ "$1" = /usr/bin/login ] && { echo "jexec: execvp: $1: No such file or directory" >&2; exit 1; }
exec "$@"
EOF_SH
# jls -j NAME path answers the jail's root, the rest is the fake's.
cat > "$WORK/jls" <<EOF_SH
#!/bin/sh
if [ "\$1" = -j ] && [ "\${3:-}" = path ]; then echo "$ROOT/usr/jail/\$2"; exit 0; fi
exec "$TOOLS/jls" "\$@"
EOF_SH
chmod +x "$WORK/jexec" "$WORK/jls"
sed -i -e "s|^jail_jexec=.*|jail_jexec=\"$WORK/jexec\"|" -e "s|^jail_jls=.*|jail_jls=\"$WORK/jls\"|" "$ROOT/etc/rc.conf"
run console ducky /bin/echo "a  b"
check "console: the words as given" "a  b" "$OUT"
run console ducky /bin/sh -c "exit 7"
check "console: the command's status" 7 "$STATUS"
run console ""
check "console \"\": exit 3" 3 "$STATUS"
check "console \"\": says so" "/etc/rc.d/jail: ERROR: Specify a jail name: the name given is empty." "$ERR"
run console ducky
check "console without /usr/bin/login: jexec's status" 1 "$STATUS"
check "console without /usr/bin/login: what to set" "/etc/rc.d/jail: ERROR: jail ducky has no /usr/bin/login (under $ROOT/usr/jail/ducky): set jail_consolecmd, or jail_ducky_consolecmd, to a command it has, such as \"/bin/sh\"." "$(printf '%s\n' "$ERR" | tail -n 1)"
echo 'jail_quirks="stock"' >> "$ROOT/etc/rc.conf"
run console ducky /bin/echo "a  b"
check "stock console: words split again" "a b" "$OUT"
run console ducky /bin/sh -c "exit 7"
check "stock console: the words of sh -c split too" 0 "$STATUS"
sed -i '/jail_quirks/d' "$ROOT/etc/rc.conf"
sed -i -e "s|^jail_jexec=.*|jail_jexec=\"$TOOLS/jexec\"|" -e "s|^jail_jls=.*|jail_jls=\"$TOOLS/jls\"|" "$ROOT/etc/rc.conf"

finish
