#!/bin/sh
# bench/whole_process.sh [BUILD_DIR [--baseline RCJAIL] [N...]]: builds rcjail,
# bench_floor and bench_noop_tool (Release) in BUILD_DIR (default build-bench)
# and prints, for N = 1, 100, 500, 1000 rc.conf-style jails, rcjail's start
# and stop times against the floor's (medians of runs taken in turn), the
# ratios, rcjail's peak RSS, and PASS or FAIL against the targets: start and
# stop within 1.30x the floor at N = 1 and within 1.10x at N = 500. rcjail is
# built with RCJAIL_STATIC_RUNTIME=ON, as the README recommends for speed.
# --baseline adds another rcjail binary to the rotation (before/after).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build-bench}
[ $# -gt 0 ] && shift
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRCJAIL_STATIC_RUNTIME=ON -DRCJAIL_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target rcjail bench_floor bench_noop_tool bench_peak_rss >/dev/null
exec python3 "$top/bench/whole_process.py" "$build" "$top" "$@"
