#!/bin/sh
# The Linux jail(8) on jail.conf files as FreeBSD's current jail(8) reads
# them: -e on addresses that are nothing but blanks or an interface (they
# once crashed it), nested blocks, globals after a jail, NUL bytes; -c and
# -r of nested jails, the outer one first. It runs in a PID namespace of its
# own; a canary process must outlive every jail.
if [ "${COMPAT_OWN_PIDNS:-}" != 1 ] && [ "$(id -u)" -eq 0 ] && command -v unshare > /dev/null; then
	COMPAT_OWN_PIDNS=1 exec unshare --pid --fork --mount-proc sh "$0" "$@"
fi
. "$(dirname "$0")/compat_lib.sh"
compat_setup
if [ "${COMPAT_OWN_PIDNS:-}" != 1 ]; then
	skip "unshare is needed for a PID namespace of the test's own"
fi
sleep 3600 &
canary=$!
conf=$WORK/jail.conf

# ---- addresses without an address: listed as written ----
printf 'a { ip4.addr = " "; }\n' > "$conf"
run "$JAIL" -f "$conf" -e '|'
check "blank address: status" 0 "$STATUS"
check "blank address: listed" 'name=a|ip4.addr=" "' "$OUT"
check "blank address: no message" "" "$ERR"
printf 'a { ip4.addr = "em0| "; }\nb { interface = lo; ip6.addr = "/64", "2001:db8::1"; }\n' > "$conf"
run "$JAIL" -f "$conf" -e '|'
check "interface without address: status" 0 "$STATUS"
check "interface without address: listed" 'name=a|ip4.addr="em0| "
name=b|interface=lo|ip6.addr=/64,2001:db8::1' "$OUT"
check "interface without address: no message" "" "$ERR"

# ---- nested blocks, globals after a jail, NUL bytes ----
cat > "$conf" <<'EOF'
host.hostname = h;
a {
	path = /a;
	allow.nomount;
	b { persist; }
}
path = /late;
allow.mount;
c { }
EOF
run "$JAIL" -f "$conf" -e '|'
check "nested: status" 0 "$STATUS"
check "nested: a, a.b, then c; a's own settings win" 'name=a|host.hostname=h|path=/a|allow.nomount
name=a.b|host.hostname=h|path=/late|allow.mount|persist
name=c|host.hostname=h|path=/late|allow.mount' "$OUT"
printf 'a { path = "/x\\0y"; host.hostname = "h\\x"; exec.start = "one\0two"; }\n.include '"'"'%s/none\\0*'"'"';\n' \
	"$WORK" > "$conf"
run "$JAIL" -f "$conf" -e '|'
check "NUL in an include name: status" 1 "$STATUS"
check "NUL in an include name: the name ends there" "jail: $WORK/none: No such file or directory" "$ERR"
head -1 "$conf" > "$WORK/nul.conf"
run "$JAIL" -f "$WORK/nul.conf" -e '|'
check "NUL in values: they end there" 'name=a|path=/x|host.hostname=h|exec.start=one' "$OUT"

# ---- create and remove nested jails ----
root=$(make_root nest)
cat > "$conf" <<EOF
a {
	path = "$root";
	persist;
	b { path = "$root"; persist; }
}
EOF
run "$JAIL" -f "$conf" -c a.b
check "create a.b: status" 0 "$STATUS"
check "create a.b: a first" "a: created
a.b: created" "$OUT"
run "$JLS" -j a.b name
check "a.b runs" "a.b" "$OUT"
run "$JAIL" -f "$conf" -r a
check "remove a: status" 0 "$STATUS"
check "remove a: a.b first" "a.b: removed
a: removed" "$OUT"
check "no jail is left" "" "$(registered_jails)"

# ---- an interface without an address fails the jail, and only it ----
cat > "$conf" <<EOF
bad { path = "$root"; persist; ip4.addr = "lo| "; }
good { path = "$root"; persist; }
EOF
run "$JAIL" -f "$conf" -c
check "no address: status" 1 "$STATUS"
check "no address: the message" "jail: bad: ip4.addr: lo| : no address" "$ERR"
check "no address: the other jail" "good: created" "$OUT"
run "$JAIL" -f "$conf" -r good

check "the canary lives" yes "$(kill -0 "$canary" 2>/dev/null && echo yes)"
kill "$canary"
finish
