#!/usr/bin/env python3
"""Whole-process benchmarks of rcjail start/stop against the floor.

For N rc.conf-style jails it builds a fake root (an /etc/defaults/rc.conf of
FreeBSD's shape, an /etc/rc.conf with jail_list and three variables a jail,
a jail(8) and jls that do nothing), times `rcjail start` and `rcjail stop`
and bench_floor doing the same (the same generated files, the same jail(8)
and jls runs), and prints the ratios and rcjail's peak RSS.

    whole_process.py BUILD_DIR SOURCE_DIR [N ...]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

build, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
sizes = [int(n) for n in sys.argv[3:]] or [1, 100, 500, 1000]
rcjail = os.path.join(build, 'rcjail')
floor = os.path.join(build, 'bench', 'bench_floor')
noop = os.path.join(build, 'bench', 'bench_noop_tool')
peak_rss = os.path.join(build, 'bench', 'bench_peak_rss')
scratch = tempfile.mkdtemp(prefix='rcjail-bench.')


def timed(argv):
    """Wall seconds and peak RSS (KiB) of one run, checked to exit 0 or 1.

    The command runs under bench_peak_rss: a child of Python would have
    Python's own size counted into its peak (see peak_rss.cc)."""
    figure = os.path.join(scratch, 'peak-rss')
    start = time.perf_counter()
    code = subprocess.call([peak_rss, figure] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if code not in (0, 1):
        sys.exit(f'{argv[0]} exited {code}')
    with open(figure) as f:
        return elapsed, int(f.read())


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


def median_runs(argv, before, reps):
    times, peak = [], 0
    for _ in range(reps):
        before()
        t, rss = timed(argv)
        times.append(t)
        peak = max(peak, rss)
    return statistics.median(times), peak


print(f'{"N":>5} {"verb":>5} {"rcjail ms":>10} {"floor ms":>9} {"ratio":>6} {"rcjail peak RSS":>16}')
try:
    for n in sizes:
        root, tools = setup(n)
        common = [rcjail, '--root', root, '--no-syslog', '--rc-script', '/etc/rc.d/jail']
        # One start gives the generated files the floor writes.
        clear_var_run(root)
        timed(common + ['start'])
        templates = os.path.join(scratch, f'templates-{n}')
        shutil.copytree(os.path.join(root, 'var/run'), templates, dirs_exist_ok=True)
        reps = 5 if n <= 500 else 3
        for verb in ('start', 'stop'):
            prepare = (lambda: clear_var_run(root)) if verb == 'start' else (lambda: None)
            r, rss = median_runs(common + [verb], prepare, reps)
            f, _ = median_runs([floor, verb, root, templates, f'{tools}/jail', f'{tools}/jls'], prepare, reps)
            print(f'{n:>5} {verb:>5} {r * 1000:>10.1f} {f * 1000:>9.1f} {r / f:>6.2f} {rss / 1024:>12.1f} MiB',
                  flush=True)
finally:
    if not os.environ.get("BENCH_KEEP"): shutil.rmtree(scratch, ignore_errors=True)
