#!/bin/sh
# `rcjail check` as a gate: rcjail's own variables are known, the README's
# Linux setup passes (exit 0), and each mistake that makes a start fail or do
# nothing is an error at its file and line.
. "$(dirname "$0")/lib.sh"

mkdir -p "$ROOT/usr/jail/ducky/bin" "$ROOT/usr/jail/ducky/etc"
touch "$ROOT/usr/jail/ducky/bin/sh" "$ROOT/usr/jail/ducky/etc/rc"
good_jail_conf() {
	cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
ducky {
	path = /usr/jail/ducky;
	host.hostname = ducky.example.org;
	ip4.addr = 192.0.2.10;
	persist;
}
EOF_CONF
}

# The four variables of the README's Linux section, from the README itself,
# pointed at this build's compat programs; and rcjail's own knobs.
COMPAT=${BUILD_DIR:?}/compat
[ -x "$COMPAT/jail" ] || skip "the compat programs are not built (Linux only)"
{
	sed -n '/^## Linux/,/^## /p' "$SOURCE_DIR/README.md" | grep '^    jail_' | sed -e 's/^    //' \
		-e "s|/usr/local/libexec/rcjail|$COMPAT|"
	echo 'jail_enable="YES"'
	echo 'jail_lock_timeout="30"'
	echo 'jail_quirks=""'
} > "$ROOT/etc/rc.conf"
check "the README's Linux section has its four variables" 4 "$(grep -c "$COMPAT" "$ROOT/etc/rc.conf")"
good_jail_conf
run check
check "README's Linux setup: exit 0" 0 "$STATUS"
check "README's Linux setup: no findings" "" "$OUT"

# Each mistake on its own, on the fake tools' setup.
write_rc_conf <<'EOF_RC'
jail_enable="YES"
EOF_RC
good_jail_conf
run check
check "clean: exit 0" 0 "$STATUS"

mistake() {	# mistake DESCRIPTION EXPECTED-LINE: check exits 1 and reports it
	run check
	check "$1: exit 1" 1 "$STATUS"
	check "$1: reported" "$2" "$(printf '%s\n' "$OUT" | grep -F -x -- "$2")"
}

sed -i 's/ip4.addr/ip4.adr/' "$ROOT/etc/jail.conf"
mistake "unknown parameter" "/etc/jail.conf:4: error: ducky: unknown parameter ip4.adr: jail(8) fails the jail; did you mean ip4.addr or ip6.addr?"
good_jail_conf

printf 'ducky {\n\tpersist;\n}\n' >> "$ROOT/etc/jail.conf"
mistake "two blocks of one jail" "/etc/jail.conf:7: error: ducky: a second block of jail ducky (the first is at /etc/jail.conf:1): jail(8) creates the jail twice, and the second fails"
good_jail_conf

sed -i 's/ducky.example.org;/ducky.example.org/' "$ROOT/etc/jail.conf"
mistake "missing ;" "/etc/jail.conf:3: error: missing ';' at the end of this line (jail(8) says line 4: ip4.addr: syntax error)"
good_jail_conf

echo 'jail_conf="/etc/jail.conf.missing"' >> "$ROOT/etc/rc.conf"
mistake "jail_conf missing" "/etc/rc.conf:5: error: jail_conf /etc/jail.conf.missing does not exist: the start fails"
sed -i '/jail_conf=/d' "$ROOT/etc/rc.conf"

if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
	# Unreadable to the user who runs check (root reads everything).
	chmod 600 "$ROOT/etc/jail.conf"
	chmod 755 "$WORK"
	chmod -R a+rX "$ROOT"
	chmod 600 "$ROOT/etc/jail.conf"
	capture "$WORK/out" "$WORK/err" setpriv --reuid=65534 --regid=65534 --clear-groups "$RCJAIL" --root "$ROOT" --no-syslog check
	check "jail_conf unreadable: exit 1" 1 "$STATUS"
	check "jail_conf unreadable: reported" "(built-in): error: jail_conf /etc/jail.conf cannot be read: Permission denied" \
		"$(printf '%s\n' "$OUT" | grep 'cannot be read')"
	chmod 644 "$ROOT/etc/jail.conf"
fi

sed -i "s|^jail_program=.*|jail_program=\"$WORK/nonexistent/jail\"|" "$ROOT/etc/rc.conf"
mistake "jail_program missing" "/etc/rc.conf:1: error: jail_program $WORK/nonexistent/jail does not exist: no jail can start or stop"
sed -i "s|^jail_program=.*|jail_program=\"$TOOLS/jail\"|" "$ROOT/etc/rc.conf"

echo 'jail_list="ducky ducky"' >> "$ROOT/etc/rc.conf"
mistake "a name twice in jail_list" "/etc/rc.conf:5: error: ducky: jail_list names ducky twice: the second start fails (the jail already exists)"
sed -i '/jail_list=/d' "$ROOT/etc/rc.conf"

sed -i 's/jail_enable="YES"/jail_enable="YSE"/' "$ROOT/etc/rc.conf"
mistake "jail_enable misspelt" "/etc/rc.conf:4: error: jail_enable=\"YSE\" is neither YES nor NO, and counts as NO: start and stop do nothing"
check "jail_enable misspelt: graded an error" "rcjail check: 1 error" "$ERR"
sed -i 's/jail_enable="YSE"/jail_enable="YES"/' "$ROOT/etc/rc.conf"

echo 'jail_sysctl="/sbin/sysctl"' >> "$ROOT/etc/rc.conf"
echo 'jail_env_file="/etc/jail.env"' >> "$ROOT/etc/rc.conf"
run check
check "rcjail's own variables are known" "" "$OUT"
check "rcjail's own variables: exit 0" 0 "$STATUS"
finish
