#!/usr/bin/env python3
"""Whole-process benchmarks of rcjail start/stop against the floor.

For N rc.conf-style jails it builds a fake root (an /etc/defaults/rc.conf of
FreeBSD's shape, an /etc/rc.conf with jail_list and three variables a jail,
a jail(8) and jls that do nothing), times `rcjail start` and `rcjail stop`
and bench_floor doing the same (the same generated files, the same jail(8)
and jls runs), and prints the ratios, rcjail's peak RSS and whether the
targets are met (exit status 1 when one is not).

    whole_process.py BUILD_DIR SOURCE_DIR [--baseline RCJAIL] [N ...]

The machine a benchmark runs on is rarely quiet: the programs compared are
run in turn (rcjail, floor, rcjail, floor, ...) so that a busy moment costs
them alike, and each figure is the median of its runs. --baseline adds a
second rcjail (an older build, say) to the same rotation, for before/after
figures. Beside the wall-time ratio (the one the targets judge) it prints
the ratio of CPU time (rcjail or the floor with the jail(8) and jls they
ran), which a loaded machine disturbs far less. BENCH_REPS overrides the number of runs of each program.
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

# Targets: rcjail's median over the floor's, for start and for stop.
TARGETS = {1: 1.30, 500: 1.10}

args = sys.argv[1:]
build, source = os.path.abspath(args.pop(0)), os.path.abspath(args.pop(0))
baseline = None
if args and args[0] == '--baseline':
    baseline = os.path.abspath(args[1])
    args = args[2:]
sizes = [int(n) for n in args] or [1, 100, 500, 1000]
rcjail = os.path.join(build, 'src', 'rcjail')
floor = os.path.join(build, 'bench', 'bench_floor')
noop = os.path.join(build, 'bench', 'bench_noop_tool')
peak_rss = os.path.join(build, 'bench', 'bench_peak_rss')
scratch = tempfile.mkdtemp(prefix='rcjail-bench.')


def timed(argv):
    """Wall seconds, peak RSS (KiB) and CPU seconds (with its children) of
    one run, checked to exit 0 or 1.

    The command runs under bench_peak_rss: a child of Python would have
    Python's own size counted into its peak (see peak_rss.cc)."""
    figure = os.path.join(scratch, 'peak-rss')
    start = time.perf_counter()
    code = subprocess.call([peak_rss, figure] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if code not in (0, 1):
        sys.exit(f'{argv[0]} exited {code}')
    with open(figure) as f:
        rss, cpu = f.read().split()
    return elapsed, int(rss), int(cpu) / 1e6


def setup(n):
    root = os.path.join(scratch, f'root-{n}')
    tools = os.path.join(scratch, 'tools')
    os.makedirs(os.path.join(root, 'etc/defaults'), exist_ok=True)
    os.makedirs(os.path.join(root, 'var/run'), exist_ok=True)
    os.makedirs(tools, exist_ok=True)
    for t in ('jail', 'jls'):
        if not os.path.exists(os.path.join(tools, t)):
            os.symlink(noop, os.path.join(tools, t))
    with open(os.path.join(source, 'tests/data/rcconf-defaults.sh')) as f:
        defaults = f.read().replace('@ROOT@', '')  # paths mapped by --root
    with open(os.path.join(root, 'etc/defaults/rc.conf'), 'w') as f:
        f.write(defaults)
    names = [f'j{i:04d}' for i in range(n)]
    with open(os.path.join(root, 'etc/rc.conf'), 'w') as f:
        f.write('jail_enable="YES"\n')
        f.write(f'jail_program="{tools}/jail"\njail_jls="{tools}/jls"\n')
        f.write('jail_list="' + ' '.join(names) + '"\n')
        for i, name in enumerate(names):
            f.write(f'jail_{name}_rootdir="/usr/jail/{name}"\n')
            f.write(f'jail_{name}_hostname="{name}.example.org"\n')
            f.write(f'jail_{name}_ip="10.{i // 65536}.{i // 256 % 256}.{i % 256 + 1}"\n')
    return root, tools


def clear_var_run(root):
    run = os.path.join(root, 'var/run')
    for f in os.listdir(run):
        os.unlink(os.path.join(run, f))


def interleaved(commands, before, reps):
    """Median wall time, peak RSS and median CPU time of each command, run
    in turn reps times."""
    times = [[] for _ in commands]
    cpus = [[] for _ in commands]
    peaks = [0 for _ in commands]
    for _ in range(reps):
        for i, argv in enumerate(commands):
            before()
            t, rss, cpu = timed(argv)
            times[i].append(t)
            cpus[i].append(cpu)
            peaks[i] = max(peaks[i], rss)
    return [(statistics.median(t), p, statistics.median(c)) for t, p, c in zip(times, peaks, cpus)]


def default_reps(n):
    # Short runs are the noisiest and the cheapest: more of them.
    return 21 if n <= 1 else 9 if n <= 100 else 7 if n <= 500 else 3


header = f'{"N":>5} {"verb":>5} {"rcjail ms":>10} {"floor ms":>9} {"ratio":>6} {"cpu ratio":>9} {"rcjail peak RSS":>16}'
if baseline:
    header += f' {"before ms":>10} {"ratio":>6} {"cpu ratio":>9} {"after/before":>12}'
print(header)
failures = []
try:
    for n in sizes:
        root, tools = setup(n)
        common = ['--root', root, '--no-syslog', '--rc-script', '/etc/rc.d/jail']
        # One start gives the generated files the floor writes.
        clear_var_run(root)
        timed([rcjail] + common + ['start'])
        templates = os.path.join(scratch, f'templates-{n}')
        shutil.copytree(os.path.join(root, 'var/run'), templates, dirs_exist_ok=True)
        reps = int(os.environ.get('BENCH_REPS', 0)) or default_reps(n)
        for verb in ('start', 'stop'):
            prepare = (lambda: clear_var_run(root)) if verb == 'start' else (lambda: None)
            commands = [[rcjail] + common + [verb],
                        [floor, verb, root, templates, f'{tools}/jail', f'{tools}/jls']]
            if baseline:
                commands.append([baseline] + common + [verb])
            results = interleaved(commands, prepare, reps)
            (r, rss, rc), (f, _, fc) = results[0], results[1]
            line = (f'{n:>5} {verb:>5} {r * 1000:>10.1f} {f * 1000:>9.1f} {r / f:>6.2f} {rc / fc:>9.2f}'
                    f' {rss / 1024:>12.1f} MiB')
            if baseline:
                b, _, bc = results[2]
                line += f' {b * 1000:>10.1f} {b / f:>6.2f} {bc / fc:>9.2f} {r / b:>12.2f}'
            print(line, flush=True)
            if n in TARGETS and r / f > TARGETS[n]:
                failures.append(f'N = {n} {verb}: {r / f:.2f} over {TARGETS[n]:.2f}')
finally:
    if not os.environ.get("BENCH_KEEP"): shutil.rmtree(scratch, ignore_errors=True)

for n in sizes:
    if n in TARGETS:
        print(f'target: N = {n} start and stop within {TARGETS[n]:.2f}x the floor')
for f in failures:
    print(f'FAIL {f}')
if any(n in TARGETS for n in sizes):
    print('FAIL' if failures else 'PASS')
sys.exit(1 if failures else 0)
