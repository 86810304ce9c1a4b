# Shared by the end-to-end tests: a scratch root, fake jail(8)/jls(8)/jexec(8)
# programs that keep their jails in $FAKE_JAILS, and assertions that count
# (assert_lib.sh).
# Sourced; RCJAIL (the binary) comes from ctest's environment.
set -u
: "${RCJAIL:?RCJAIL must name the rcjail binary}"
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/skip_lib.sh"
. "$HERE/assert_lib.sh"
WORK=$(mktemp -d /tmp/rcjail-e2e.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/root
TOOLS=$WORK/tools
export FAKE_JAILS=$WORK/jails
mkdir -p "$ROOT/etc" "$ROOT/var/run" "$TOOLS" "$FAKE_JAILS"
for t in jail jls jexec; do ln -s "$HERE/fake-jail-tool" "$TOOLS/$t"; done
passed=0 failed=0

# rc.conf lines that point rcjail at the fake tools, then the test's own.
write_rc_conf() {
	{
		echo "jail_program=\"$TOOLS/jail\""
		echo "jail_jls=\"$TOOLS/jls\""
		echo "jail_jexec=\"$TOOLS/jexec\""
		cat
	} > "$ROOT/etc/rc.conf"
}

# run ARGS...: rcjail as rc.d/jail would run it; sets OUT, ERR, STATUS.
run() {
	capture "$WORK/out" "$WORK/err" "$RCJAIL" --root "$ROOT" --no-syslog --rc-script /etc/rc.d/jail "$@"
}

# root_shell [DIR]: DIR (default $ROOT) gets the host's /bin/sh and the
# libraries it loads, for the rc.conf files only /bin/sh reads: under
# --root that shell runs chrooted into the root, which needs root.
root_shell() {
	_dir=${1:-$ROOT}
	[ "$(id -u)" = 0 ] || skip "rc.conf's /bin/sh runs chrooted into --root, which needs root"
	command -v ldd > /dev/null || skip "ldd is needed to give the scratch root a /bin/sh"
	mkdir -p "$_dir/bin"
	cp -L /bin/sh "$_dir/bin/sh"
	for _lib in $(ldd /bin/sh | grep -o '/[^ ]*') /libexec/ld-elf.so.1; do
		[ -e "$_lib" ] || continue
		mkdir -p "$_dir${_lib%/*}"
		cp -L "$_lib" "$_dir$_lib"
	done
}
