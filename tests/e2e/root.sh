#!/bin/sh
# --root DIR is DIR as /, for everything rc.conf does: a DIR that does not
# exist is refused, and the /bin/sh that reads an rc.conf the built-in reader
# cannot runs chrooted into DIR, or not at all; an `rm -rf` in DIR's rc.conf
# never reaches the host's directory of that name.
. "$(dirname "$0")/lib.sh"

run_in() {	# run_in DIR ARGS...: rcjail with that root
	_dir=$1
	shift
	capture "$WORK/out" "$WORK/err" "$RCJAIL" --root "$_dir" --no-syslog --rc-script /etc/rc.d/jail "$@"
}

run_in "$WORK/nonexistent" check
check "missing root: exit 1" 1 "$STATUS"
check "missing root: said" "rcjail: --root $WORK/nonexistent: no such directory" "$ERR"
check "missing root: no report" "" "$OUT"

VICTIM=$WORK/host/victim
mkdir -p "$VICTIM"
touch "$VICTIM/precious"
write_rc_conf <<EOF_RC
jail_enable="YES"
rm -rf "$VICTIM"
EOF_RC
for verbs in check "status -a" start list; do
	run $verbs
	check "no shell in the root, $verbs: refused" "yes" \
		"$(printf '%s\n' "$ERR" | grep -q "/etc/rc.conf:5: needs /bin/sh, which must run chrooted into $ROOT (--root) and cannot: $ROOT has no /bin/sh" && echo yes || echo "no: $ERR")"
	check "no shell in the root, $verbs: the host's directory is untouched" yes "$([ -e "$VICTIM/precious" ] && echo yes || echo no)"
done
run check
check "refused check: exit 2 (cannot read the configuration)" 2 "$STATUS"
run start
check "refused start: exit 1" 1 "$STATUS"
check "refused start: no jail(8)" "" "$(cat "$FAKE_JAILS/.calls" 2>/dev/null)"

# A root with a shell: the rc.conf runs in it, on its own paths.
[ "$(id -u)" = 0 ] || skip "chroot needs root"
command -v ldd > /dev/null && { [ -x /bin/busybox ] || [ -x /usr/bin/busybox ]; } || skip "needs Debian's busybox for a root with a shell"
BROOT=$WORK/broot
sh "$SOURCE_DIR/compat/make-busybox-root" "$BROOT" > /dev/null
mkdir -p "$BROOT/var/run" "$BROOT$VICTIM"
touch "$BROOT$VICTIM/inside"
{
	echo "jail_program=\"$TOOLS/jail\""
	echo "jail_jls=\"$TOOLS/jls\""
	echo 'jail_list="$(echo ducky)"'
	echo "rm -rf \"$VICTIM\""
	echo 'jail_ducky_seen="$(ls /etc/rc.shutdown)"'
} > "$BROOT/etc/rc.conf"
run_in "$BROOT" vars 'jail_*'
check "chrooted: exit 0" 0 "$STATUS"
check "chrooted: the root's directory was removed" no "$([ -e "$BROOT$VICTIM" ] && echo yes || echo no)"
check "chrooted: the host's was not" yes "$([ -e "$VICTIM/precious" ] && echo yes || echo no)"
check "chrooted: the root's own paths" 'jail_ducky_seen="/etc/rc.shutdown"' "$(printf '%s\n' "$OUT" | grep '^jail_ducky_seen=' | cut -f1)"
check "chrooted: variables come back" 'jail_list="ducky"' "$(printf '%s\n' "$OUT" | grep '^jail_list=' | cut -f1)"
finish
