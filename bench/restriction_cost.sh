#!/bin/bash
# bench/restriction_cost.sh [N [ROUNDS]]: what holding a jail's root user in
# costs (jail-compat.8, "Restrictions"). Builds a copy of the tree in which
# the four restriction calls of compat/linux/jail_restrictions.cc return at
# once (no capability cut, no system-call filter, no /proc, /sys or nodev
# protection), then runs bench/real_jails.sh with it as the baseline:
# N (default 100) busybox jails started and stopped by rcjail with each
# build, alternating within every round. The ratio is the cost.
#
# The copy and its build stay in build-bench-unrestricted/ (BENCH_WORK), so
# that a second run only builds what changed; the measured build is
# build-bench (bench/real_jails.sh configures it if need be).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-$top/build-bench-unrestricted}
tree=$work/tree
file=$tree/compat/linux/jail_restrictions.cc
calls='restrictToJail|restrictJailInit|restrictJailProcfs|restrictJailFileSystem'

[ "$(id -u)" -eq 0 ] || { echo "restriction_cost.sh: run as root" >&2; exit 1; }
mkdir -p "$tree"
(cd "$top" && tar -cf - --exclude='./build*' --exclude=./.git .) | (cd "$tree" && tar -xf -)
found=$(grep -cE "^std::string ($calls)\(.*\) \{$" "$file" || true)
if [ "$found" != 4 ]; then
	echo "restriction_cost.sh: expected the 4 restriction calls in $file, found $found" >&2
	exit 1
fi
sed -i -E "s/^(std::string ($calls)\(.*\) \{)$/\1\n  if (true) return {};/" "$file"
if [ ! -f "$tree/build/CMakeCache.txt" ]; then
	cmake -S "$tree" -B "$tree/build" -DCMAKE_BUILD_TYPE=Release -DRCJAIL_STATIC_RUNTIME=ON \
		-DRCJAIL_TESTS=OFF > /dev/null
fi
if ! cmake --build "$tree/build" -j "$(nproc 2>/dev/null || echo 2)" \
	--target rcjail compat_jail compat_jls compat_jexec compat_sysctl > "$work/build.log" 2>&1; then
	tail -n 30 "$work/build.log" >&2
	exit 1
fi
echo "baseline: $tree/build, without the restrictions"
BENCH_BASE_BUILD=$tree/build exec bash "$top/bench/real_jails.sh" "$top/build-bench" "${1:-100}" "${2:-5}"
