#!/bin/sh
# The Linux jail(8), jls(8) and jexec(8) on a busybox jail: create from a
# jail.conf, look at it, run commands in it, remove it and check that nothing
# of it is left; then the command-line and legacy forms.
. "$(dirname "$0")/compat_lib.sh"
compat_setup

root=$(make_root web)
conf=$WORK/jail.conf
cat > "$conf" <<EOF
web {
	path = "$root";
	host.hostname = "web.example.org";
	mount.devfs;
	mount.procfs;
	exec.clean;
	exec.jail_user = "root";
	exec.system_user = "root";
	exec.start = "/bin/sh /etc/rc";
	exec.stop = "/bin/sh /etc/rc.shutdown";
	exec.poststart = 'echo \$JNAME \$JID > $WORK/poststart.env';
	exec.consolelog = "$WORK/web.console";
	allow.raw_sockets = 0;
	enforce_statfs = 2;
}
EOF

run "$JAIL" -f "$conf" -e '|'
check "-e lists the configured jail" "name=web|path=$root|host.hostname=web.example.org|mount.devfs|mount.procfs" "$(echo "$OUT" | cut -d '|' -f 1-5)"

run "$JAIL" -f "$conf" -c web
check "create: status" 0 "$STATUS"
check "create: output" "web: created" "$OUT"
check "create: no errors" "" "$ERR"
check "exec.start logged to exec.consolelog" "rc: heartbeat started" "$(cat "$WORK/web.console")"
check "host command environment" "web 1" "$(cat "$WORK/poststart.env")"
init=$(jail_init web)
pidns=$(namespace_of "$init" pid)
mntns=$(namespace_of "$init" mnt)

run "$JAIL" -f "$conf" -c web
check "create again: status" 1 "$STATUS"
check "create again: message" 'jail: "web" already exists' "$ERR"

run "$JLS"
check "jls table" "   JID  IP Address      Hostname                      Path
     1                  web.example.org               $root" "$OUT"
run "$JLS" -N
check "jls -N" " JID             IP Address      Hostname                      Path
 web                             web.example.org               $root" "$OUT"
run "$JLS" jid name
check "jls jid name" "1 web" "$OUT"
run "$JLS" -j web jid
check "jls -j NAME jid" "1" "$OUT"
run "$JLS" -n -j 1 name persist allow.raw_sockets enforce_statfs
check "jls -n shows recorded parameters" "name=web nopersist allow.noraw_sockets enforce_statfs=2" "$OUT"
run "$JLS" -j nosuch
check "jls -j unknown: status" 1 "$STATUS"
check "jls -j unknown: message" 'jls: jail "nosuch" not found' "$ERR"
run "$JLS" -j 7
check "jls -j unknown jid" 'jls: jail 7 not found' "$ERR"
run "$JLS" nosuchparam
check "jls unknown parameter" "jls: unknown parameter: nosuchparam" "$ERR"

run "$JEXEC" web hostname
check "jexec hostname (UTS namespace)" "web.example.org" "$OUT"
run "$JEXEC" 1 cat /proc/1/comm
check "jexec by jid; PID 1 of the jail is its init" "jail-init" "$OUT"
run "$JEXEC" web sh -c 'test -c /dev/null && test -c /dev/urandom && test -e /dev/ptmx && echo devfs'
check "mount.devfs gives the usual nodes" "devfs" "$OUT"
run "$JEXEC" web cat /var/log/heartbeat
check "the rc service runs" 0 "$STATUS"
run "$JEXEC" web sh -c 'exit 7'
check "jexec passes the exit status on" 7 "$STATUS"
run "$JEXEC" -U nobody web id -u
check "jexec -U user of the jail" 65534 "$OUT"
run "$JEXEC" -l -U root web sh -c 'echo $HOME $USER; pwd'
check "jexec -l: clean environment, home directory" "/root root
/root" "$OUT"
run "$JEXEC" -d /etc web pwd
check "jexec -d" "/etc" "$OUT"
run "$JEXEC" -U nosuchuser web true
check "jexec unknown user" "jexec: nosuchuser: no such user" "$ERR"
run "$JEXEC" nosuch true
check "jexec unknown jail: status" 1 "$STATUS"
check "jexec unknown jail: message" 'jexec: jail "nosuch" not found' "$ERR"
run "$JEXEC" web /nonexistent
check "jexec exec failure" "jexec: execvp: /nonexistent: No such file or directory" "$ERR"
run "$JEXEC"
check "jexec usage" "usage: jexec [-l] [-d working-directory] [-u username | -U username] jail [command ...]" "$ERR"

pid_members=$(members_of pid "$pidns")
mnt_members=$(members_of mnt "$mntns")
check "the jail's processes are known before it goes" yes "$([ -n "$pid_members" ] && echo yes)"
run "$JAIL" -f "$conf" -r web
check "remove: status" 0 "$STATUS"
check "remove: output" "web: removed" "$OUT"
check "exec.stop ran in the jail" 1 "$(grep -c 'web.example.org rc.shutdown' "$root/var/log/rc.log")"
check "shutdown marker" 1 "$([ -s "$root/var/log/shutdown.marker" ] && echo 1)"
check "no process of the jail remains" 0 "$(remaining "$pid_members")"
check "its mount namespace is gone" 0 "$(remaining "$mnt_members")"
check "no mount under the jail on the host" 0 "$(host_mounts_under "$root")"
check "registry entry gone" "" "$(registered_jails)"
run "$JLS"
check "jls after removal" "   JID  IP Address      Hostname                      Path" "$OUT"
run "$JAIL" -f "$conf" -r web
check "remove again: status" 1 "$STATUS"
check "remove again: message" 'jail: "web" not found' "$ERR"
run "$JAIL" -q -f "$conf" -r web
check "remove -q: silent" "" "$ERR"

# The command-line form: no config name, so no "created" without -v.
run "$JAIL" -i -c name=cl path="$root" host.hostname=cl persist
check "command line: -i prints the jid" "2" "$OUT"
run "$JLS" -j cl host.hostname persist
check "command line: parameters" "cl true" "$OUT"
run "$JAIL" -m name=cl host.hostname=changed
check "-m: status" 0 "$STATUS"
run "$JEXEC" cl hostname
check "-m changes the host name in the jail" "changed" "$OUT"
run "$JAIL" -m name=cl path=/tmp
check "-m: a create-only parameter" "jail: path cannot be changed after creation" "$ERR"
check "-m: create-only status" 1 "$STATUS"
run "$JAIL" -v -r cl
check "command line: -v remove" "cl: removed" "$OUT"
check "command line: removed" "" "$(jail_init cl)"

# A jail without persist lives as long as its command.
run "$JAIL" -c path="$root" name=once command=/bin/echo hello
check "command= runs in the jail" "hello" "$OUT"
run "$JLS" -j once
check "and the jail is gone after it" 'jls: jail "once" not found' "$ERR"
check "with its registry entry" "" "$(jail_init once)"

# The legacy form, with a -J file.
run "$JAIL" -J "$WORK/jids" "$root" legacy.example.org "" /bin/hostname
check "legacy form" "legacy.example.org" "$OUT"
check "legacy -J line" "4	$root	legacy.example.org		/bin/hostname" "$(cat "$WORK/jids")"

# One jail(8) making both jails of a file forks the first one's exec.start straight
# into that jail's PID namespace, and then makes the second beside the
# first, not inside it.
cat > "$WORK/two.conf" <<EOF
path = "$root";
persist;
first { exec.start = "/bin/sh -c 'echo \\\$\\\$ > /tmp/first.pid'"; }
second { exec.start = "/bin/true"; }
EOF
run "$JAIL" -f "$WORK/two.conf" -c
check "two jails: created" "0:first: created
second: created" "$STATUS:$OUT"
check "exec.start ran as a process of the jail" "2" "$(cat "$root/tmp/first.pid")"
nspid_depth() { awk '$1 == "NSpid:" { print NF - 1 }' "/proc/$1/status"; }
check "the second jail's init is not inside the first jail" "$(nspid_depth "$(jail_init first)")" \
	"$(nspid_depth "$(jail_init second)")"
run "$JAIL" -f "$WORK/two.conf" -r first
check "removing the first leaves the second" "0:1" "$STATUS:$("$JLS" -N name | grep -c second)"
"$JAIL" -f "$WORK/two.conf" -r second > /dev/null
rm -f "$root/tmp/first.pid"

run "$JAIL"
check "usage: status" 1 "$STATUS"
check "usage: first line" "usage: jail [-dhilqv] [-J jid_file] [-u username] [-U username]" "$(echo "$ERR" | head -n 1)"
run "$JAIL" -f "$WORK/nosuch.conf" -c
check "missing jail.conf" "jail: $WORK/nosuch.conf: No such file or directory" "$ERR"

finish
