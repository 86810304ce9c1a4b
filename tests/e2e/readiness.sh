#!/bin/sh
# jail_NAME_ready: a dependent starts only once its dependency's TCP port
# accepts connections (127.0.0.1 only, on a port this test opens itself),
# and a readiness timeout counts as a failed start.
. "$(dirname "$0")/lib.sh"
. "$HERE/timing_lib"

# listener PORTFILE DELAY OPENEDFILE: binds 127.0.0.1 on a free port at once
# (its number to PORTFILE), listens only after DELAY seconds (then appends
# "port opened TIME" to OPENEDFILE, the fake's event log, whose line order is
# the order of the events), accepts for at most 20 seconds or until
# $WORK/stop exists.
listener() {
	python3 - "$@" <<'EOF_PY' &
import os, socket, sys, time
portfile, delay, openedfile = sys.argv[1], float(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
with open(portfile + ".tmp", "w") as f:
    f.write(str(s.getsockname()[1]))
os.rename(portfile + ".tmp", portfile)
time.sleep(delay)
s.listen(8)
with open(openedfile, "a") as f:
    f.write("port opened %.9f\n" % time.time())
s.settimeout(0.2)
end = time.time() + 20
stop = os.path.join(os.path.dirname(portfile), "stop")
while time.time() < end and not os.path.exists(stop):
    try:
        c, _ = s.accept()
        c.close()
    except socket.timeout:
        pass
EOF_PY
}
wait_for() { n=0; while [ ! -s "$1" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done; }

cat > "$ROOT/etc/jail.conf" <<'EOF_CONF'
db { path = "/j/db"; }
web { path = "/j/web"; }
cache { path = "/j/cache"; }
app { path = "/j/app"; }
EOF_CONF

listener "$WORK/port" 1.5 "$FAKE_JAILS/.times"
wait_for "$WORK/port"
port=$(cat "$WORK/port")
write_rc_conf <<EOF_RC
jail_web_depend="db"
jail_db_ready="tcp:127.0.0.1:$port"
jail_db_ready_timeout="10"
EOF_RC
run onestart web
touch "$WORK/stop"
check "ready start status" 0 "$STATUS"
check "ready start output" "Starting jails: db web." "$OUT"
check "db was up before its port opened" yes "$(happened_after port opened db end)"
check "web started only after the port opened" yes "$(happened_after web start port opened)"
check "web did not wait much longer" yes "$(within "$(at port opened)" "$(at web start)" 0 1)"
wait

# A port that never opens: the readiness timeout fails the start.
rm -f "$WORK/stop" "$WORK/port" "$WORK/opened"
listener "$WORK/port" 30 "$WORK/opened"
wait_for "$WORK/port"
port=$(cat "$WORK/port")
reset_calls
write_rc_conf <<EOF_RC
jail_app_depend="cache"
jail_cache_ready="tcp:127.0.0.1:$port"
jail_cache_ready_timeout="1"
EOF_RC
run onestart app
touch "$WORK/stop"
check "not ready: status" 1 "$STATUS"
check "not ready: output" "Starting jails:." "$OUT"
check "not ready: warning" "/etc/rc.d/jail: WARNING: jail cache: not ready after 1 s (tcp:127.0.0.1:$port); the jails that depend on it are not started" \
	"$(echo "$ERR" | grep 'not ready')"
check "not ready: the dependent is skipped" "" "$(at app start)"
check "not ready: the jail itself stays up" yes "$([ -e "$FAKE_JAILS/cache" ] && echo yes || echo no)"
wait
finish
