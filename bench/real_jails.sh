#!/bin/bash
# bench/real_jails.sh [BUILD_DIR [N [ROUNDS]]]: real jails, whole process.
#
# Starts and stops N busybox jails (compat/make-busybox-root: devfs, procfs,
# the heartbeat /etc/rc, each jail with its own loopback address) with rcjail
# and the compat jail(8), jls(8) and jexec(8), against a floor that does the
# same namespace and root work with util-linux alone, all jails in parallel:
#   unshare --mount --uts --ipc --pid --fork: mount proc and a devfs-like
#   /dev, set the hostname, chroot ROOT /bin/sh /etc/rc, then stay as the
#   jail's init; stop: nsenter ... /bin/sh /etc/rc.shutdown, kill the init.
# Prints, per round and as medians, the start and stop seconds of both and
# rcjail's ratio to the floor.
#
# BUILD_DIR (default build-bench) is configured as Release with
# RCJAIL_STATIC_RUNTIME=ON when it has no CMakeCache.txt yet; an existing
# build directory is only built (rcjail and the compat programs).
# Knobs (environment):
#   BENCH_PARALLEL_START=YES|NO  jail_parallel_start for rcjail (default YES:
#                                the floor starts every jail at once too)
#   BENCH_PARALLEL_STOP=YES|NO   jail_parallel_stop for rcjail (default NO)
#   BENCH_STOP_SLEEP=SECONDS     every jail's exec.stop sleeps this long
#                                before /etc/rc.shutdown (default 0)
#   BENCH_RC_CONF=FILE           extra rc.conf lines for rcjail's run
#
# The whole run happens inside a mount, network and PID namespace of its own
# (the addresses, /var/run and every process it starts go with it), so it
# touches nothing of the host but the scratch directory in /tmp.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build-bench}
case $build in /*) ;; *) build=$PWD/$build ;; esac
count=${2:-100}
rounds=${3:-5}

if [ -z "${RCJAIL_BENCH_INSIDE:-}" ]; then
	[ "$(id -u)" -eq 0 ] || { echo "real_jails.sh: run as root" >&2; exit 1; }
	if [ ! -f "$build/CMakeCache.txt" ]; then
		cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRCJAIL_STATIC_RUNTIME=ON \
			-DRCJAIL_TESTS=OFF >/dev/null
	fi
	cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" \
		--target rcjail compat_jail compat_jls compat_jexec compat_sysctl >/dev/null
	exec unshare --mount --net --pid --fork --mount-proc \
		env RCJAIL_BENCH_INSIDE=1 bash "$0" "$build" "$count" "$rounds"
fi

# Inside the bench's own namespaces from here on.
mount --make-rprivate /
mount -t tmpfs -o mode=755 bench-run "$(readlink -f /var/run)"
ip link set lo up
work=$(mktemp -d /tmp/rcjail-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
rcjail=$build/src/rcjail
compat=$build/compat

address() { echo "127.0.$(( 2 + $1 / 250 )).$(( 1 + $1 % 250 ))"; }

# One root made with make-busybox-root, the others hard-linked copies of it
# with their own /var and /etc/rc.conf (the only places a jail writes).
sh "$top/compat/make-busybox-root" "$work/template"
for i in $(seq 1 "$count"); do
	root=$work/roots/j$i
	mkdir -p "$work/roots"
	cp -al "$work/template" "$root"
	rm -rf "$root/var"
	mkdir -p "$root/var/log" "$root/var/run"
done

# rcjail's configuration: rc.conf-style jails, as stock rc.d/jail runs them.
config=$work/rc.conf
{
	echo 'jail_enable="YES"'
	echo "jail_list=\"$(for i in $(seq 1 "$count"); do printf 'j%s ' "$i"; done)\""
	echo "jail_program=\"$compat/jail\""
	echo "jail_jls=\"$compat/jls\""
	echo "jail_jexec=\"$compat/jexec\""
	echo "jail_sysctl=\"$compat/sysctl\""
	echo 'jail_interface="lo"'
	echo 'jail_devfs_enable="YES"'
	echo 'jail_procfs_enable="YES"'
	echo "jail_parallel_start=\"${BENCH_PARALLEL_START:-YES}\""
	echo "jail_parallel_stop=\"${BENCH_PARALLEL_STOP:-NO}\""
	if [ "${BENCH_STOP_SLEEP:-0}" != 0 ]; then
		echo "jail_exec_stop=\"/bin/sh -c 'sleep ${BENCH_STOP_SLEEP}; exec /bin/sh /etc/rc.shutdown'\""
	fi
	for i in $(seq 1 "$count"); do
		echo "jail_j${i}_rootdir=\"$work/roots/j$i\""
		echo "jail_j${i}_hostname=\"j$i.example.org\""
		echo "jail_j${i}_ip=\"$(address "$i")\""
	done
	[ -n "${BENCH_RC_CONF:-}" ] && cat "$BENCH_RC_CONF"
} > "$config"

# The floor's jail, run by /bin/sh as PID 1 of its namespaces (unshare has
# mounted proc): a devfs-like /dev with the nodes of the compat devfs (one cp),
# devpts, the hostname, /etc/rc in the root; then it tells the bench on fd 3
# and stays as the jail's init, inside the root.
mkdir -p "$work/devfs/pts"
cp -a /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty "$work/devfs/"
cat > "$work/floor-jail" <<EOF
root=\$1
mount -t tmpfs -o mode=755,size=1024k devfs "\$root/dev"
cp -a "$work/devfs/." "\$root/dev/"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "\$root/dev/pts"
hostname "\$2"
chroot "\$root" /bin/sh /etc/rc < /dev/null > /dev/null 2>&1 3>&-
echo up >&3
exec 3>&- chroot "\$root" /bin/sleep 2147483647
EOF

floor_start() {
	local i root
	mkfifo "$work/ready"
	exec 4<> "$work/ready"
	rm "$work/ready"
	for i in $(seq 1 "$count"); do
		root=$work/roots/j$i
		ip addr add "$(address "$i")/32" dev lo
		unshare --mount --uts --ipc --pid --fork --mount-proc="$root/proc" \
			/bin/sh "$work/floor-jail" "$root" "j$i.example.org" 3>&4 < /dev/null > /dev/null 2>&1 &
		echo $! > "$work/floor.j$i"
	done
	for i in $(seq 1 "$count"); do read -r _ <&4; done
	exec 4<&-
}

floor_stop() {
	local i outer init
	for i in $(seq 1 "$count"); do
		outer=$(cat "$work/floor.j$i")
		read -r init _ < "/proc/$outer/task/$outer/children" || true
		if [ "${BENCH_STOP_SLEEP:-0}" != 0 ]; then sleep "$BENCH_STOP_SLEEP"; fi
		nsenter -t "$init" -m -u -i -p -r -w /bin/sh /etc/rc.shutdown > /dev/null 2>&1
		kill -KILL "$init"
		wait "$outer" 2>/dev/null || true
		ip addr del "$(address "$i")/32" dev lo
	done
}

rcjail_start() { "$rcjail" --config "$config" start > "$work/start.out" 2>&1; }
rcjail_stop() { "$rcjail" --config "$config" stop > "$work/stop.out" 2>&1; }

running_jails() { "$compat/jls" -N 2>/dev/null | awk 'NR > 1' | wc -l; }

# timed VAR COMMAND: runs COMMAND in this shell (not in a command
# substitution, whose pipe the jails would inherit and hold open) and sets
# VAR to its wall time in seconds.
timed() {
	local var=$1 before=$EPOCHREALTIME
	shift
	"$@"
	printf -v "$var" '%.3f' "$(awk -v a="$before" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "real jails: N=$count, rounds=$rounds, parallel start ${BENCH_PARALLEL_START:-YES}," \
	"parallel stop ${BENCH_PARALLEL_STOP:-NO}, exec.stop sleep ${BENCH_STOP_SLEEP:-0} s"
printf '%-6s %10s %10s %10s %10s\n' round floor-start rcjail-start floor-stop rcjail-stop
for round in $(seq 1 "$rounds"); do
	timed fs floor_start
	timed fp floor_stop
	timed rs rcjail_start
	up=$(running_jails)
	if [ "$up" -ne "$count" ]; then
		echo "rcjail start left $up of $count jails running:" >&2
		tail -n 20 "$work/start.out" >&2
		exit 1
	fi
	timed rp rcjail_stop
	up=$(running_jails)
	if [ "$up" -ne 0 ]; then
		echo "rcjail stop left $up jails running:" >&2
		tail -n 20 "$work/stop.out" >&2
		exit 1
	fi
	printf '%-6s %10s %10s %10s %10s\n' "$round" "$fs" "$rs" "$fp" "$rp"
	echo "$fs $rs $fp $rp" >> "$work/times"
done
col() { awk -v c="$1" '{ print $c }' "$work/times" | median; }
fs=$(col 1) rs=$(col 2) fp=$(col 3) rp=$(col 4)
printf '%-6s %10s %10s %10s %10s\n' median "$fs" "$rs" "$fp" "$rp"
awk -v fs="$fs" -v rs="$rs" -v fp="$fp" -v rp="$rp" \
	'BEGIN { printf "rcjail / floor: start %.2fx, stop %.2fx\n", rs / fs, rp / fp }'
