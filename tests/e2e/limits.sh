#!/bin/sh
# Runaway rc.conf files: rcjail stops with a FILE:LINE error that names the
# reader's limit and exits 1, never with a crash (status >= 128), and a limit
# hit never hands the load to /bin/sh (which would run away the same way).
. "$(dirname "$0")/lib.sh"
root_shell  # the rc.conf files here that only /bin/sh reads
SOURCE_DIR=${SOURCE_DIR:-$(cd "$HERE/../.." && pwd)}

# The input a long fuzz run found: before the limits it took more than
# 2 GiB and `vars` aborted with an uncaught std::bad_alloc (status 134).
# Line 10 holds the loop body's out="$out..." that grows at each word.
fuzzed=$SOURCE_DIR/tests/fuzz/corpus/rc_conf/oom-for-append.rc
run --config "$fuzzed" vars
check "fuzzed rc.conf: status" 1 "$STATUS"
case $ERR in
*"$fuzzed:10: value size limit of the rc.conf reader exceeded (1 MiB, "*) ok=yes ;;
*) ok="no: $ERR" ;;
esac
check "fuzzed rc.conf: FILE:LINE and the limit named" yes "$ok"

# A value doubled 21 times is 2 MiB, over the 1 MiB limit. /bin/sh would get
# through it and then run the command substitution on line 9 (write_rc_conf
# writes three lines first); the native reader must stop at line 7 without
# trying /bin/sh.
marker=$WORK/fallback-ran
write_rc_conf <<EOF_RC
x=a
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21; do
	y=\$i
	x=\$x\$x
done
: \$(touch "$marker")
EOF_RC
run vars
check "doubling value: status" 1 "$STATUS"
case $ERR in
*"/etc/rc.conf:7: value size limit of the rc.conf reader exceeded (1 MiB, this one has 2097152 bytes)"*) ok=yes ;;
*) ok="no: $ERR" ;;
esac
check "doubling value: FILE:LINE and the limit named" yes "$ok"
check "doubling value: /bin/sh not tried" no "$([ -e "$marker" ] && echo yes || echo no)"

# A loop that never ends is stopped by the iteration limit (line 5: `while`),
# or, in a slow build (AddressSanitizer makes each iteration many times
# dearer), by the 10 s time limit that comes first there: either way the
# error names line 5 and the limit.
write_rc_conf <<'EOF_RC'
n=0
while :; do
	:
done
EOF_RC
run vars
check "endless loop: status" 1 "$STATUS"
case $ERR in
*"/etc/rc.conf:5: loop iteration limit of the rc.conf reader exceeded (4000000 iterations"*) ok=yes ;;
*"/etc/rc.conf:5: time limit of the rc.conf reader exceeded (10 s)"*) ok=yes ;;
*) ok="no: $ERR" ;;
esac
check "endless loop: FILE:LINE and the limit named" yes "$ok"

# A load handed to /bin/sh (the native reader leaves `$(...)` to it) that
# never ends: the shell is stopped at the reader's time limit with the file
# and the limit named, instead of holding the boot for ever. On Linux rcjail
# runs in a PID namespace of its own here; a canary outside it must live.
write_rc_conf <<'EOF_RC'
: $(:)
while :; do sleep 1; done
EOF_RC
sleep 300 &
canary=$!
in_own_pid_namespace=
if command -v unshare >/dev/null 2>&1 && unshare --pid --fork true 2>/dev/null; then
	in_own_pid_namespace="unshare --pid --fork"
fi
$in_own_pid_namespace "$RCJAIL" --root "$ROOT" --no-syslog --rc-script /etc/rc.d/jail vars >"$WORK/out" 2>"$WORK/err"
check "/bin/sh that does not end: status" 1 "$?"
check "/bin/sh that does not end: FILE and the limit named" \
	"/etc/rc.d/jail: ERROR: /etc/rc.conf: time limit of the rc.conf reader exceeded (10 s): look for a loop or a recursion that does not end (/bin/sh was stopped)" \
	"$(cat "$WORK/err")"
check "/bin/sh that does not end: the canary outside lives" yes "$(kill -0 "$canary" 2>/dev/null && echo yes || echo no)"
kill "$canary"
finish
