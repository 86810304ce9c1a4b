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
#   BENCH_PARALLEL_STOP=YES|NO   jail_parallel_stop for rcjail, and the floor
#                                stops every jail at once too (default NO)
#   BENCH_STOP_SLEEP=SECONDS     every jail's exec.stop sleeps this long
#                                before /etc/rc.shutdown (default 0)
#   BENCH_RC_CONF=FILE           extra rc.conf lines for rcjail's run
#   BENCH_BASE_BUILD=DIR         instead of the floor, rcjail and the compat
#                                programs of another build directory with the
#                                same jails (bench/restriction_cost.sh)
#   BENCH_NETWORK_AB=1           instead of the floor, rcjail with each
#                                jail's network left unconfined
#                                (ip4=inherit ip6=inherit, the address still
#                                added): the columns are then confined and
#                                unconfined, and the ratio the cost of the
#                                network confinement
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
	for i in $(seq 1 "$count"); do
		# Per jail: rc.d/jail has no global fallback for exec_stop.
		if [ "${BENCH_STOP_SLEEP:-0}" != 0 ]; then
			echo "jail_j${i}_exec_stop=\"/bin/sh -c 'sleep ${BENCH_STOP_SLEEP}; exec /bin/sh /etc/rc.shutdown'\""
		fi
		echo "jail_j${i}_rootdir=\"$work/roots/j$i\""
		echo "jail_j${i}_hostname=\"j$i.example.org\""
		echo "jail_j${i}_ip=\"$(address "$i")\""
	done
	if [ -n "${BENCH_RC_CONF:-}" ]; then cat "$BENCH_RC_CONF"; fi
} > "$config"
unconfined=$work/rc.conf.unconfined
{
	cat "$config"
	for i in $(seq 1 "$count"); do echo "jail_j${i}_parameters=\"ip4=inherit ip6=inherit\""; done
} > "$unconfined"

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

floor_stop_one() {
	local i=$1 outer init
	outer=$(cat "$work/floor.j$i")
	read -r init _ < "/proc/$outer/task/$outer/children" || true
	if [ "${BENCH_STOP_SLEEP:-0}" != 0 ]; then sleep "$BENCH_STOP_SLEEP"; fi
	nsenter -t "$init" -m -u -i -p -r -w /bin/sh /etc/rc.shutdown > /dev/null 2>&1
	kill -KILL "$init"
	# In the background (parallel) the outer unshare is not this shell's
	# child: floor_stop's final wait reaps it.
	wait "$outer" 2>/dev/null || true
	ip addr del "$(address "$i")/32" dev lo
}

# One jail after the other, or, with BENCH_PARALLEL_STOP=YES, all at once
# as rcjail's parallel stop does.
floor_stop() {
	local i
	for i in $(seq 1 "$count"); do
		if [ "${BENCH_PARALLEL_STOP:-NO}" = YES ]; then floor_stop_one "$i" & else floor_stop_one "$i"; fi
	done
	wait
}

rcjail_run() {
	"$rcjail" --config "$2" "$1" > "$work/$1.out" 2>&1 || {
		echo "rcjail $1 failed:" >&2
		tail -n 20 "$work/$1.out" >&2
		exit 1
	}
}
rcjail_start() { rcjail_run start "${1:-$config}"; }
rcjail_stop() { rcjail_run stop "${1:-$config}"; }

running_jails() { "$compat/jls" -N 2>/dev/null | awk 'NR > 1' | wc -l; }

# The CPU time the whole machine has spent busy (user, nice, system, irq,
# softirq), in seconds: what a phase costs, less exposed than its wall time
# to a machine whose speed drifts, if nothing else runs.
cpu_busy() { awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" { print ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat; }

# timed VAR COMMAND: runs COMMAND in this shell (not in a command
# substitution, whose pipe the jails would inherit and hold open) and sets
# VAR to its wall time in seconds, VAR_cpu to the busy CPU seconds.
timed() {
	local var=$1 before=$EPOCHREALTIME cpu
	cpu=$(cpu_busy)
	shift
	"$@"
	printf -v "$var" '%.3f' "$(awk -v a="$before" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')"
	printf -v "${var}_cpu" '%.2f' "$(awk -v a="$cpu" -v b="$(cpu_busy)" 'BEGIN { print b - a }')"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "real jails: N=$count, rounds=$rounds, parallel start ${BENCH_PARALLEL_START:-YES}," \
	"parallel stop ${BENCH_PARALLEL_STOP:-NO}, exec.stop sleep ${BENCH_STOP_SLEEP:-0} s"
# The baseline each round compares rcjail with: the floor, rcjail with
# unconfined networks (BENCH_NETWORK_AB=1), or another build.
if [ -n "${BENCH_BASE_BUILD:-}" ]; then
	base=base
	sed "s|$compat/|$BENCH_BASE_BUILD/compat/|" "$config" > "$work/rc.conf.base"
	base_start() { rcjail="$BENCH_BASE_BUILD/src/rcjail" rcjail_start "$work/rc.conf.base"; }
	base_stop() { rcjail="$BENCH_BASE_BUILD/src/rcjail" rcjail_stop "$work/rc.conf.base"; }
elif [ -n "${BENCH_NETWORK_AB:-}" ]; then
	base=unconfined
	base_start() { rcjail_start "$unconfined"; }
	base_stop() { rcjail_stop "$unconfined"; }
else
	base=floor
	base_start() { floor_start; }
	base_stop() { floor_stop; }
fi

check_running() {
	local up
	up=$(running_jails)
	if [ "$up" -ne "$1" ]; then
		echo "rcjail $2 left $up of $count jails running:" >&2
		tail -n 20 "$work/$2.out" >&2
		exit 1
	fi
}

printf '%-6s %10s %10s %10s %10s   (busy CPU seconds, the same order)\n' round "$base-start" rcjail-start \
	"$base-stop" rcjail-stop
for round in $(seq 1 "$rounds"); do
	timed fs base_start
	if [ "$base" != floor ]; then check_running "$count" start; fi
	timed fp base_stop
	if [ "$base" != floor ]; then check_running 0 stop; fi
	timed rs rcjail_start
	check_running "$count" start
	timed rp rcjail_stop
	check_running 0 stop
	printf '%-6s %10s %10s %10s %10s   cpu %6s %6s %6s %6s\n' "$round" "$fs" "$rs" "$fp" "$rp" \
		"$fs_cpu" "$rs_cpu" "$fp_cpu" "$rp_cpu"
	echo "$fs $rs $fp $rp $fs_cpu $rs_cpu $fp_cpu $rp_cpu" >> "$work/times"
done
col() { awk -v c="$1" '{ print $c }' "$work/times" | median; }
fs=$(col 1) rs=$(col 2) fp=$(col 3) rp=$(col 4)
printf '%-6s %10s %10s %10s %10s\n' median "$fs" "$rs" "$fp" "$rp"
awk -v fs="$fs" -v rs="$rs" -v fp="$fp" -v rp="$rp" -v base="$base" \
	'BEGIN { printf "rcjail / %s: start %.2fx, stop %.2fx (of the medians)\n", base, rs / fs, rp / fp }'
# Within a round both ran back to back, so the ratio per round is less
# exposed to a machine whose speed drifts between rounds.
ratio() { awk -v a="$1" -v b="$2" '{ printf "%.3f\n", $b / $a }' "$work/times" | median; }
printf 'rcjail / %s: start %.2fx, stop %.2fx (median of the rounds'"'"' ratios)\n' "$base" "$(ratio 1 2)" "$(ratio 3 4)"
printf 'rcjail / %s in busy CPU seconds: start %.2fx, stop %.2fx (median of the rounds'"'"' ratios)\n' \
	"$base" "$(ratio 5 6)" "$(ratio 7 8)"
