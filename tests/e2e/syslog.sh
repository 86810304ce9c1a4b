#!/bin/sh
# syslog(3): warnings and errors go there as rc.subr's warn and err send
# them (facility user, level notice: <13>, the text of the stderr line), and
# a run with nothing to report sends nothing. rcjail runs in a mount
# namespace of its own where /dev/log is a datagram socket of this test.
. "$(dirname "$0")/lib.sh"
command -v unshare >/dev/null 2>&1 || skip "no unshare(1)"
command -v python3 >/dev/null 2>&1 || skip "no python3"
unshare --mount true 2>/dev/null || skip "cannot make a mount namespace"

DEV=$WORK/dev
mkdir "$DEV"
: > "$DEV/null"
python3 - "$DEV/log" "$WORK/received" "$WORK/listening" <<'EOF_PY' &
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
open(sys.argv[3], 'w').close()
s.settimeout(120)
with open(sys.argv[2], 'ab') as out:
    try:
        while True:
            data = s.recv(65536)
            if data == b'stop':
                break
            out.write(data + b'\n')
            out.flush()
    except socket.timeout:
        pass
EOF_PY
receiver=$!
n=0
while [ ! -e "$WORK/listening" ]; do
	[ $n -lt 300 ] || { echo "FAIL: the test's syslog socket did not come up"; exit 1; }
	sleep 0.1
	n=$((n + 1))
done

# received: what reached the socket up to now. A marker datagram is sent
# after rcjail has exited and waited for, so that everything rcjail sent
# (queued before it) has been written out, however slow the receiver is.
received() {
	python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b"--mark--", sys.argv[1])' "$DEV/log"
	n=0
	until grep -q -e '^--mark--$' "$WORK/received" 2>/dev/null || [ $n -ge 300 ]; do sleep 0.1; n=$((n + 1)); done
	grep -v -e '^--mark--$' "$WORK/received"
	: > "$WORK/received"
}

# run_logged ARGS...: `run` with syslog on, /dev/log being the test's socket.
run_logged() {
	unshare --mount sh -c 'mount --bind /dev/null "$1/null" && mount --bind "$1" /dev && shift && exec "$@"' \
		sh "$DEV" "$RCJAIL" --root "$ROOT" --rc-script /etc/rc.d/jail "$@" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	ERR=$(cat "$WORK/err")
}

write_rc_conf <<'EOF_RC'
jail_list="ducky"
jail_ducky_rootdir="/usr/jail/ducky"
jail_ducky_hostname="ducky.example.org"
jail_ducky_ip="192.0.2.10"
EOF_RC
run_logged onestart
check "warning run: status" 0 "$STATUS"
warning="/etc/rc.d/jail: WARNING: Per-jail configuration via jail_* variables  is obsolete.  Please consider migrating to /etc/jail.conf."
check "warning run: on stderr" "$warning" "$ERR"
received > "$WORK/logged"
check "warning run: the same text to syslog, user.notice" yes \
	"$(grep -q "^<13>.*$(printf '%s' "$warning" | sed 's/[.*[]/\\&/g')\$" "$WORK/logged" && echo yes || echo no)"
check "warning run: one message" 1 "$(grep -c . "$WORK/logged")"

write_rc_conf <<'EOF_RC'
jail_list="ducky"
EOF_RC
printf 'ducky {\n\tpath = "/usr/jail/ducky";\n\tpersist;\n}\n' > "$ROOT/etc/jail.conf"
run_logged onerestart
check "quiet run: status" 0 "$STATUS"
check "quiet run: nothing on stderr" "" "$ERR"
check "quiet run: nothing to syslog" "" "$(received)"

python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b"stop", sys.argv[1])' "$DEV/log"
wait "$receiver"
finish
