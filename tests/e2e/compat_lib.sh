# Shared by the tests/e2e/compat_*.sh tests of the Linux jail(8), jls(8) and
# jexec(8): a scratch directory with busybox jail roots and its own jail
# registry, assertions that count (assert_lib.sh), and a clean-up that removes every jail,
# network namespace and file the test made, also when it fails.
# Sourced. Run on its own (ctest runs every e2e/*.sh), it only defines.
set -u

. "$(dirname "$0")/skip_lib.sh"
. "$(dirname "$0")/assert_lib.sh"

# compat_setup: call first. Skips (exit 77) where the tests cannot run.
compat_setup() {
	: "${BUILD_DIR:?BUILD_DIR must name the build directory}"
	: "${SOURCE_DIR:?SOURCE_DIR must name the source directory}"
	if [ "$(id -u)" -ne 0 ]; then
		skip "the compat tests need root"
	fi
	if [ ! -x /bin/busybox ] && [ ! -x /usr/bin/busybox ]; then
		skip "no busybox (apt-get install busybox)"
	fi
	WORK=$(mktemp -d /tmp/rcjail-compat.XXXXXX)
	compat_programs "$WORK"
	NETNS=
	trap compat_cleanup EXIT
	trap 'exit 1' INT TERM HUP
	passed=0 failed=0
}

# compat_programs DIR: JAIL, JLS and JEXEC become scripts in DIR/bin that
# run the built programs on the registry DIR/state ($STATE), named on their
# command line, so that nothing run inside a jail inherits it.
compat_programs() {
	STATE=$1/state
	mkdir -p "$1/bin"
	for prog in jail jls jexec; do
		printf '#!/bin/sh\nexec "%s" --state-dir "%s" "$@"\n' "$BUILD_DIR/compat/$prog" "$STATE" > "$1/bin/$prog"
		chmod 755 "$1/bin/$prog"
	done
	JAIL=$1/bin/jail JLS=$1/bin/jls JEXEC=$1/bin/jexec
}

# The jails of this test's registry go, whatever state they are in: the
# init of each is killed, which takes the jail's processes and mounts along;
# only a process still in the recorded PID namespace, never one of ours.
compat_cleanup() {
	if [ -d "$STATE" ]; then
		for record in "$STATE"/*.jail; do
			[ -f "$record" ] || continue
			set -- $(awk -F '\t' '$1 == "init" { p = $2 } $1 == "pidns" { n = $3 } END { print p, n }' "$record")
			[ $# -eq 2 ] && [ "$(namespace_of "$1" pid)" = "$2" ] &&
				[ "$2" != "$(namespace_of $$ pid)" ] && kill -9 "$1" 2>/dev/null
		done
	fi
	[ -n "$NETNS" ] && ip netns del "$NETNS" 2>/dev/null
	sleep 0.2
	rm -rf "$WORK"
}

# make_root NAME: a busybox jail root at $WORK/NAME; prints its path.
make_root() {
	sh "$SOURCE_DIR/compat/make-busybox-root" "$WORK/$1" || exit 1
	echo "$WORK/$1"
}

# make_netns: a network namespace with a veth pair v0/v1 (both up) in $NETNS.
# Named after $WORK, not $$: a test in a PID namespace of its own is PID 1
# there, like every other such test running at the same time.
make_netns() {
	NETNS=rcjail-compat-${WORK##*.}
	ip netns add "$NETNS" || exit 1
	ip -n "$NETNS" link add v0 type veth peer name v1 || exit 1
	ip -n "$NETNS" link set v0 up
	ip -n "$NETNS" link set v1 up
}

# run CMD ARGS...: sets OUT, ERR and STATUS.
run() {
	capture "$WORK/.out" "$WORK/.err" "$@"
}

# jail_init NAME: the pid of a jail's init from the registry ("" if none).
jail_init() {
	for record in "$STATE"/*.jail; do
		[ -f "$record" ] || continue
		if awk -F '\t' -v n="$1" '$1 == "param" && $2 == "name" && $3 == n { found = 1 } END { exit !found }' "$record"; then
			awk -F '\t' '$1 == "init" { print $2 }' "$record"
		fi
	done
}

# registered_jails: the registry's jail files (none: nothing).
registered_jails() {
	ls "$STATE" 2>/dev/null | grep '\.jail$'
}

# namespace_of PID KIND: the inode of a process's namespace (pid, mnt, net, ...).
namespace_of() {
	stat -L -c %i "/proc/$1/ns/$2" 2>/dev/null
}

# members_of KIND INODE: the live processes in that namespace (pid, mnt,
# ...) now, as PID:STARTTIME words; a zombie, which has left its namespaces,
# does not count. Take it while the jail runs and ask `remaining` after it
# went: a freed namespace's inode number is soon reused (by a jail of a
# test running beside this one), so looking by number afterwards could
# find somebody else's processes.
members_of() {
	for ns in /proc/[0-9]*/ns/"$1"; do
		[ "$(stat -L -c %i "$ns" 2>/dev/null)" = "$2" ] || continue
		proc_identity "${ns%/ns/*}"
	done
}

# proc_identity /proc/PID: PID:STARTTIME of a live process; nothing for a
# zombie or a process that is gone.
proc_identity() {
	awk -v p="${1#/proc/}" '{ sub(/.*\) /, ""); if ($1 != "Z") print p ":" $20 }' "$1/stat" 2>/dev/null
}

# remaining WORDS: how many processes of a members_of list still live.
remaining() {
	count=0
	for member in $1; do
		[ "$(proc_identity "/proc/${member%%:*}")" = "$member" ] && count=$((count + 1))
	done
	echo "$count"
}

# processes_matching TEXT: processes whose command line has an argument
# containing TEXT. The first character goes in brackets so that the grep
# does not find itself.
processes_matching() {
	rest=${1#?}
	grep -ls -- "[${1%"$rest"}]$rest" /proc/[0-9]*/cmdline | wc -l
}

# host_mounts_under PATH: mount points at or below PATH in this namespace.
host_mounts_under() {
	awk -v p="$1" '$5 == p || index($5, p "/") == 1' /proc/self/mountinfo | wc -l
}
