# A jail holds its root user in (jail-compat.8, "Restrictions"): a static
# probe (tests/probe/jail_probe.cc), run as root in a busybox jail by
# exec.start, command, exec.stop and jexec (a shell too, and a setuid copy
# run by another user), finds every route out closed: kernel files, system
# calls, raw sockets, mounts, device nodes. Each allow.* (and vnet,
# children.max, securelevel, allow.nosuser) opens or closes exactly its own
# routes and nothing else. The probe only opens files and makes calls that
# fail after the permission check; it never writes a kernel setting or a
# device. Everything runs in a PID, mount and network namespace of the
# test's own, whose PID 1 must receive no signal.
. "$(dirname "$0")/compat_lib.sh"

# The routes of a jail made with FreeBSD's defaults, as `route state`,
# state an extended regex. A route the kernel does not have (ENOENT) counts
# as closed where nothing of the jail's makes it so.
BASE='open_by_handle refused EPERM
core_pattern refused EROFS
sysrq (refused EROFS|open ENOENT)
kcore (masked|open ENOENT)
kmsg refused EACCES
timer_list refused EACCES
msgbuf refused EPERM
sys_write refused EROFS
module refused EPERM
kexec refused EPERM
bpf refused EPERM
keyring refused EPERM
swap refused EPERM
acct refused EPERM
settime refused EPERM
adjtime refused EPERM
quota refused EPERM
quota_other refused EPERM
raw_inet refused EPERM
raw_packet refused EPERM
reserved_port open
mount refused EPERM
mknod refused EPERM
device_node refused EACCES
dev_null open
mlock refused EPERM
chflags refused EPERM
chown open
sysvmsg refused EPERM
sysvsem refused EPERM
sysvshm refused EPERM
hostname open
new_userns refused EPERM
new_mountns refused EPERM
bind_mount refused EPERM
uncover_proc refused EPERM
unmask_proc_sys refused EPERM'

# mismatches OUTPUT CHANGES: the routes whose line in OUTPUT does not match
# BASE with CHANGES (lines `route state`) put in its place; "" when all do.
mismatches() {
	BASE=$BASE OUTPUT=$1 CHANGES=${2:-} awk 'BEGIN {
		n = split(ENVIRON["BASE"], lines, "\n")
		for (i = 1; i <= n; i++) { split(lines[i], w, " "); order[i] = w[1]; want[w[1]] = substr(lines[i], length(w[1]) + 2) }
		m = split(ENVIRON["CHANGES"], lines, "\n")
		for (i = 1; i <= m; i++) { split(lines[i], w, " "); if (w[1] != "") want[w[1]] = substr(lines[i], length(w[1]) + 2) }
		m = split(ENVIRON["OUTPUT"], lines, "\n")
		for (i = 1; i <= m; i++) { split(lines[i], w, " "); if (!(w[1] in got)) got[w[1]] = substr(lines[i], length(w[1]) + 2) }
		for (i = 1; i <= n; i++) { r = order[i]; if (got[r] !~ ("^(" want[r] ")$")) printf "%s=[%s] ", r, got[r] }
	}'
}

# probe_jail LABEL CHANGES PARAM...: a persistent jail with these parameters;
# the probe run by jexec must match BASE with CHANGES.
probe_jail() {
	label=$1 changes=$2
	shift 2
	run "$JAIL" -c name=p path="$ROOT" host.hostname=probe.example.org mount.devfs mount.procfs \
		mount="sysfs $ROOT/sys sysfs rw 0 0" ip4=inherit persist "$@"
	check "$label: created" "0:" "$STATUS:$ERR"
	run "$JEXEC" p /probe --in-jail
	check "$label: every route as expected" "" "$(mismatches "$OUT" "$changes")"
	"$JAIL" -r p > /dev/null
}

entry_paths() {
	cat > "$WORK/e.conf" <<-CONF
	e {
		path = "$ROOT";
		mount.devfs;
		mount.procfs;
		mount = "sysfs $ROOT/sys sysfs rw 0 0";
		# The host's network, so that the reserved-port route is the
		# capabilities' to close (a jail without an address has no IPv4).
		ip4 = inherit;
		persist;
		exec.prestart = "grep CapBnd /proc/self/status";
		exec.start = "/probe --in-jail";
		exec.stop = "/probe --in-jail";
	}
	CONF
	# What a default jail keeps (CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID
	# SETUID SETPCAP NET_BIND_SERVICE IPC_OWNER SYS_CHROOT SYS_RESOURCE), of
	# what this test has.
	bounding=$(awk '$1 == "CapBnd:" { print $2 }' /proc/self/status)
	kept=$(printf 'capeff %016x' $((0x$bounding & 0x10485fb)))
	run "$JAIL" -f "$WORK/e.conf" -c e
	check "exec.start: created" "0" "$STATUS"
	check "exec.prestart runs on the host, unrestricted" "$(grep CapBnd /proc/self/status)" \
		"$(printf '%s\n' "$OUT" | grep CapBnd)"
	check "exec.start: every route closed" "" "$(mismatches "$OUT")"
	check "exec.start: no capability beyond the jail's" "$kept" "$(printf '%s\n' "$OUT" | grep capeff)"
	run "$JEXEC" e /probe --in-jail
	check "jexec: every route closed" "" "$(mismatches "$OUT")"
	run "$JEXEC" e /bin/sh -c '/probe --in-jail'
	check "a jexec'd shell: every route closed" "" "$(mismatches "$OUT")"
	# su and passwd on FreeBSD: a setuid program still becomes root, within the set.
	run "$JEXEC" -U nobody e /probe-suid --in-jail
	check "setuid: runs as root" "euid 0" "$(printf '%s\n' "$OUT" | grep euid)"
	check "setuid: no_new_privs is off" "no_new_privs 0" "$(printf '%s\n' "$OUT" | grep no_new_privs)"
	check "setuid: with the jail's capabilities" "$kept" "$(printf '%s\n' "$OUT" | grep capeff)"
	check "setuid: every route closed" "" "$(mismatches "$OUT")"
	run "$JAIL" -f "$WORK/e.conf" -r e
	check "exec.stop: removed" "0" "$STATUS"
	check "exec.stop: every route closed" "" "$(mismatches "$OUT")"
	run "$JAIL" -c path="$ROOT" mount.devfs mount.procfs mount="sysfs $ROOT/sys sysfs rw 0 0" ip4=inherit \
		command=/probe --in-jail
	check "command=: every route closed" "" "$(mismatches "$OUT")"
}

allowances() {
	probe_jail "allow.raw_sockets" "raw_inet open
raw_packet open" allow.raw_sockets
	probe_jail "allow.noreserved_ports" "reserved_port refused EACCES" allow.noreserved_ports
	probe_jail "allow.chflags" "chflags open" allow.chflags
	probe_jail "allow.chflags at securelevel 1" "" allow.chflags securelevel=1
	probe_jail "allow.mlock" "mlock open" allow.mlock
	probe_jail "allow.settime" "settime open EINVAL" allow.settime
	probe_jail "allow.adjtime" "adjtime open EINVAL" allow.adjtime
	# The jail's init reads another user's quota for the jail's root: it
	# gets past the permission check (ESRCH where the file system keeps no
	# quotas, ENOSYS where it has none); another user of the jail may not.
	probe_jail "allow.quotas" "quota open ENOENT
quota_other open( ESRCH| ENOSYS)?" allow.quotas
	run "$JAIL" -c name=q path="$ROOT" mount.devfs mount.procfs ip4=inherit persist allow.quotas
	run "$JEXEC" -U nobody q /probe --in-jail
	check "allow.quotas: another user reads no other's quota" "quota_other open ENOTBLK" \
		"$(printf '%s\n' "$OUT" | grep '^quota_other ')"
	"$JAIL" -r q > /dev/null
	probe_jail "allow.quotas and allow.nosuser" "quota open ENOENT
quota_other open ENOTBLK
reserved_port refused EACCES
chown refused EPERM
hostname refused EPERM" allow.quotas allow.nosuser
	probe_jail "allow.read_msgbuf" "msgbuf open
kmsg open" allow.read_msgbuf
	probe_jail "allow.sysvipc" "sysvmsg open
sysvsem open
sysvshm open" allow.sysvipc
	probe_jail "sysvmsg=new" "sysvmsg open" sysvmsg=new
	probe_jail "sysvsem=new" "sysvsem open" sysvsem=new
	probe_jail "sysvshm=new" "sysvshm open" sysvshm=new
	# allow.mount.nullfs, with allow.mount and enforce_statfs below 2: bind
	# mounts, and nothing the jail was given can be uncovered or unmounted.
	probe_jail "allow.mount.nullfs" "bind_mount open
uncover_proc refused EINVAL
unmask_proc_sys refused EINVAL" allow.mount allow.mount.nullfs enforce_statfs=1
	probe_jail "allow.mount.nullfs at enforce_statfs 2" "" allow.mount allow.mount.nullfs
	probe_jail "allow.mount.nullfs without allow.mount" "" allow.mount.nullfs enforce_statfs=1
	# The jail's init mounts tmpfs for the jail's root: that route opens,
	# no other, and not below allow.mount and enforce_statfs 2.
	probe_jail "allow.mount.tmpfs" "mount open" allow.mount allow.mount.tmpfs enforce_statfs=1
	probe_jail "allow.mount.tmpfs at enforce_statfs 2" "" allow.mount allow.mount.tmpfs
	probe_jail "allow.mount.tmpfs without allow.mount" "" allow.mount.tmpfs enforce_statfs=1
	probe_jail "allow.mount.procfs" "" allow.mount allow.mount.procfs enforce_statfs=1
	probe_jail "allow.mount.tmpfs and allow.nosuser" "reserved_port refused EACCES
chown refused EPERM
hostname refused EPERM" allow.mount allow.mount.tmpfs enforce_statfs=1 allow.nosuser
	probe_jail "allow.mount.tmpfs and allow.mount.nullfs" "mount open
bind_mount open
uncover_proc refused EINVAL
unmask_proc_sys refused EINVAL" allow.mount allow.mount.tmpfs allow.mount.nullfs enforce_statfs=1
	probe_jail "allow.nosuser" "reserved_port refused EACCES
chown refused EPERM
hostname refused EPERM" allow.nosuser
	probe_jail "allow.noset_hostname" "hostname refused EPERM" allow.noset_hostname
	probe_jail "vnet" "raw_inet open
raw_packet open" vnet
	# A jail that makes jails makes user namespaces, where it is capable
	# over nothing of its own: no mount, no new procfs, no mask undone.
	probe_jail "children.max=1" "new_userns open
userns_unmask refused EINVAL" children.max=1
	run "$JAIL" -c name=p path="$ROOT" mount.devfs mount.procfs mount="sysfs $ROOT/sys sysfs rw 0 0" ip4=inherit persist
	run "$JLS" -j p -n allow.raw_sockets allow.reserved_ports allow.suser
	check "jls shows FreeBSD's defaults" "allow.noraw_sockets allow.reserved_ports allow.suser" "$OUT"
	# allow.set_hostname (on by default): the jail's root sets its names,
	# jls shows them, the host's stay; another user of the jail may not.
	run "$JEXEC" p hostname renamed.example.org
	check "allow.set_hostname: the jail's root sets the host name" "0:renamed.example.org" \
		"$STATUS:$("$JEXEC" p hostname)"
	run "$JLS" -j p host.hostname
	check "jls shows the name the jail set" "renamed.example.org" "$OUT"
	check "the host's name is untouched" "$HOST_NAME" "$(hostname)"
	run "$JEXEC" -U nobody p /probe --in-jail
	check "allow.set_hostname: another user of the jail may not" "hostname refused EPERM" \
		"$(printf '%s\n' "$OUT" | grep '^hostname ')"
	run "$JAIL" -m name=p allow.raw_sockets
	run "$JLS" -j p -n allow.raw_sockets
	check "jls shows allow.raw_sockets as set" "allow.raw_sockets" "$OUT"
	run "$JEXEC" p /probe --in-jail
	check "jail -m allow.raw_sockets: for the next process" "" "$(mismatches "$OUT" "raw_inet open
raw_packet open")"
	# The jail's init was started without mounting for the jail: processes
	# enter as before, and the mounts wait for the jail's next start.
	run "$JAIL" -m name=p allow.mount allow.mount.tmpfs enforce_statfs=1
	run "$JEXEC" p /probe --in-jail
	check "jail -m allow.mount.tmpfs: entering still works" "0" "$STATUS"
	check "jail -m allow.mount.tmpfs: from the next start" "" "$(mismatches "$OUT" "raw_inet open
raw_packet open")"
	"$JAIL" -r p > /dev/null
}

# in_jail_mounts: the jail's mounts below /mnt, as the jail sees them.
in_jail_mounts() {
	"$JEXEC" b /bin/sh -c 'grep " /mnt" /proc/self/mountinfo' | awk '{ print $5, $6, $NF }'
}

# allow.mount.tmpfs, procfs, linsysfs and devfs: the jail's root mounts
# them through the jail's init, by FreeBSD's names or Linux's, from exec.start
# and jexec; what it mounts is nosuid (and nodev but devfs), a procfs comes
# with the jail's masks, and it unmounts what it mounted and nothing else.
# Nothing of it reaches the host, a path that leads out of the jail's root
# ends inside it, and another user of the jail may not mount.
brokered() {
	mkdir -p "$ROOT/mnt/t" "$ROOT/mnt/p" "$ROOT/mnt/d" "$ROOT/mnt/s" "$ROOT/mnt/e" "$WORK/outside"
	cat > "$WORK/b.conf" <<-CONF
	b {
		path = "$ROOT";
		mount.devfs;
		mount.procfs;
		ip4 = inherit;
		persist;
		allow.mount;
		allow.mount.tmpfs;
		allow.mount.procfs;
		allow.mount.linsysfs;
		allow.mount.devfs;
		enforce_statfs = 1;
		exec.start = "mount -t tmpfs -o size=64k,mode=0755 tmpfs /mnt/t";
	}
	CONF
	run "$JAIL" -f "$WORK/b.conf" -c b
	check "brokered: exec.start mounts a tmpfs" "0:" "$STATUS:$ERR"
	check "brokered: the tmpfs is nosuid and nodev, with its options" \
		"/mnt/t rw,nosuid,nodev,relatime rw,size=64k,mode=755" "$(in_jail_mounts)"
	run "$JEXEC" b /bin/sh -c 'echo kept > /mnt/t/file && cat /mnt/t/file'
	check "brokered: the tmpfs is written and read" "0:kept" "$STATUS:$OUT"
	# mount -u: the jail updates what was mounted for it, and only that.
	run "$JEXEC" b /bin/sh -c 'mount -o remount,ro /mnt/t && ! touch /mnt/t/other 2> /dev/null'
	check "brokered: the tmpfs is remounted read-only" "0:/mnt/t ro,nosuid,nodev,relatime ro,size=64k,mode=755" \
		"$STATUS:$(in_jail_mounts)"
	run "$JEXEC" b mount -o remount,rw,size=128k /mnt/t
	check "brokered: and read-write, with new options, still nosuid" \
		"0:/mnt/t rw,nosuid,nodev,relatime rw,size=128k,mode=755" "$STATUS:$(in_jail_mounts)"
	run "$JEXEC" b mount -o remount,ro /proc
	check "brokered: what the jail was given is not remounted" "1" "$STATUS"
	check "brokered: the host sees none of it" "" "$(grep " $ROOT/mnt" /proc/self/mountinfo)"
	run "$JEXEC" b mount -t procfs proc /mnt/p
	check "brokered: procfs by FreeBSD's name" "0:" "$STATUS:$ERR"
	# Opened for writing, never written (: >>), as the probe does.
	run "$JEXEC" b /bin/sh -c 'ls /mnt/p/1/status && : >> /mnt/p/sys/kernel/core_pattern'
	check "brokered: the procfs is the jail's, its kernel settings read-only" \
		"1:/mnt/p/1/status" "$STATUS:$OUT"
	case $ERR in *"Read-only file system"*) r=EROFS ;; *) r=$ERR ;; esac
	check "brokered: core_pattern refused" "EROFS" "$r"
	run "$JEXEC" b umount /mnt/p/sys
	check "brokered: a mask of the procfs stays" "1" "$STATUS"
	run "$JEXEC" b mount -t linsysfs sys /mnt/s
	check "brokered: linsysfs, read-only" "0:/mnt/s ro,nosuid,nodev,noexec,relatime" \
		"$STATUS:$(in_jail_mounts | grep '^/mnt/s ' | cut -d' ' -f1-2)"
	run "$JEXEC" b mount -o remount,rw /mnt/s
	check "brokered: linsysfs stays read-only" "/mnt/s ro,nosuid,nodev,noexec,relatime" \
		"$(in_jail_mounts | grep '^/mnt/s ' | cut -d' ' -f1-2)"
	run "$JEXEC" b /bin/sh -c 'mount -t devfs devfs /mnt/d && ls /mnt/d'
	check "brokered: devfs has the ruleset's nodes" "0:full null ptmx pts random shm stderr stdin stdout tty urandom zero" \
		"$STATUS:$(echo $OUT)"
	run "$JEXEC" b /bin/sh -c 'echo x > /mnt/d/null && head -c 4 /mnt/d/zero | wc -c'
	check "brokered: its null and zero work" "0:4" "$STATUS:$(echo $OUT)"
	run "$JEXEC" b mount -t ext4 /dev/null /mnt/e
	check "brokered: a type not allowed is refused" "1" "$STATUS"
	run "$JEXEC" b mount --bind /mnt/t /mnt/e
	check "brokered: a bind (allow.mount.nullfs off) is refused" "1" "$STATUS"
	run "$JEXEC" b umount /proc
	check "brokered: what the jail was given stays" "1" "$STATUS"
	run "$JEXEC" -U nobody b /probe --in-jail
	check "brokered: another user may not mount" "mount refused EPERM" "$(printf '%s\n' "$OUT" | grep '^mount ')"
	# Out of the jail's root: an absolute link, and a relative path with
	# more .. than there are directories, both end inside it.
	run "$JEXEC" b /bin/sh -c "ln -s $WORK/outside /mnt/out && mount -t tmpfs tmpfs /mnt/out"
	check "brokered: a link out of the root names a path inside it" "No such file or directory" \
		"$(case $STATUS:$ERR in 0:*) echo mounted ;; *"No such file or directory"*) echo No such file or directory ;; *) echo "$ERR" ;; esac)"
	run "$JEXEC" b /bin/sh -c 'cd /mnt/e && mount -t tmpfs tmpfs ../../../../../../mnt/e/../t/../e'
	check "brokered: .. stops at the jail's root" "0" "$STATUS"
	check "brokered: nothing is mounted outside the jail" "" "$(grep -e " $WORK/outside" -e " $ROOT/mnt" /proc/self/mountinfo)"
	check "brokered: the jail's mounts" "/mnt/t /mnt/p /mnt/p/sys /mnt/s /mnt/d /mnt/d/pts /mnt/d/shm /mnt/e" \
		"$(in_jail_mounts | awk '{ print $1 }' | grep -v -e '^/mnt/p/[^s]' -e '^/mnt/p/sys/' | tr '\n' ' ' | sed 's/ $//')"
	run "$JEXEC" b /bin/sh -c 'umount /mnt/e && umount /mnt/p && umount /mnt/d && umount /mnt/s && umount /mnt/t'
	check "brokered: the jail's root unmounts what it mounted" "0:" "$STATUS:$(in_jail_mounts)"
	run "$JAIL" -f "$WORK/b.conf" -r b
	check "brokered: removed" "0" "$STATUS"
	# With allow.mount.nullfs the jail owns its mount namespace: tmpfs and
	# binds work, a procfs is not mounted for it (its masks could be moved).
	run "$JAIL" -c name=n path="$ROOT" mount.devfs mount.procfs ip4=inherit persist allow.mount \
		allow.mount.nullfs allow.mount.tmpfs allow.mount.procfs enforce_statfs=1
	run "$JEXEC" n /bin/sh -c 'mount -t tmpfs tmpfs /mnt/t && mount --bind /mnt/t /mnt/e && umount /mnt/e && umount /mnt/t'
	check "brokered with nullfs: tmpfs and a bind, unmounted again" "0:" "$STATUS:$ERR"
	run "$JEXEC" n mount -t proc proc /mnt/p
	check "brokered with nullfs: no procfs" "1" "$STATUS"
	"$JAIL" -r n > /dev/null
}

# A jail made inside a jail (children.max) lives in a user namespace of
# its own: its root sets its own host name and bind mounts, and every other
# route stays closed. Its procfs comes from its parent's init, masked, and
# the masks stay even for the parent's root in the child's namespaces.
nested() {
	run "$JAIL" -c name=outer path=/ children.max=3 ip4=inherit persist
	check "nested: the parent is created" "0:" "$STATUS:$ERR"
	outer_name=$("$JEXEC" outer hostname)
	run "$JEXEC" outer "$JAIL" -c name=inner path="$ROOT" host.hostname=inner.example.org mount.devfs \
		mount.procfs ip4=inherit persist allow.mount allow.mount.nullfs allow.mount.tmpfs enforce_statfs=1
	check "nested: the child is created" "0:" "$STATUS:$ERR"
	run "$JEXEC" outer "$JEXEC" inner cat /proc/self/uid_map
	check "nested: the child's user namespace maps every id to itself" "0 0 4294967295" "$(echo $OUT)"
	run "$JEXEC" outer "$JEXEC" inner /bin/sh -c 'tr "\0" " " < /proc/1/cmdline'
	check "nested: the child's procfs is its own" "name=inner" "$(printf '%s\n' "$OUT" | grep -o ' name=inner' | tr -d ' ')"
	run "$JEXEC" outer "$JEXEC" inner hostname renamed.example.org
	check "nested: the child's root sets its host name" "0:renamed.example.org" \
		"$STATUS:$("$JEXEC" outer "$JEXEC" inner hostname)"
	check "nested: the parent's name is untouched" "$outer_name" "$("$JEXEC" outer hostname)"
	run "$JEXEC" outer "$JLS" -j inner host.hostname
	check "nested: the parent's jls shows the child's name" "renamed.example.org" "$OUT"
	run "$JEXEC" outer "$JEXEC" inner /probe --in-jail
	check "nested: the child's routes, with allow.mount.nullfs" "" "$(mismatches "$OUT" "sys_write open ENOENT
reserved_port refused EACCES
bind_mount open
uncover_proc refused EINVAL
unmask_proc_sys refused EINVAL")"
	run "$JEXEC" outer "$JEXEC" inner /bin/sh -c 'mount -t tmpfs tmpfs /mnt'
	check "nested: no tmpfs: the kernel mounts none for the child's root" "1" "$STATUS"
	run "$JEXEC" outer "$JEXEC" -U nobody inner /probe --in-jail
	check "nested: another user of the child may not set its name" "hostname refused EPERM" \
		"$(printf '%s\n' "$OUT" | grep '^hostname ')"
	run "$JEXEC" outer "$JAIL" -c name=withsys path="$ROOT" mount="sysfs $ROOT/sys sysfs ro 0 0" persist
	check "nested: a child's sysfs is refused" "1:Operation not permitted" \
		"$STATUS:$(printf '%s\n' "$ERR" | grep -o 'Operation not permitted' | head -n 1)"
	# A child that shares its parent's root gets a procfs of its own over it.
	run "$JEXEC" outer "$JAIL" -c name=shared path=/ ip4=inherit persist
	check "nested: a child with the parent's root is created" "0:" "$STATUS:$ERR"
	run "$JEXEC" outer "$JEXEC" shared /bin/sh -c 'tr "\0" " " < /proc/1/cmdline'
	check "nested: the child with the parent's root sees its own processes" "name=shared" \
		"$(printf '%s\n' "$OUT" | grep -o 'name=shared')"
	run "$JEXEC" outer "$JEXEC" shared "$ROOT/probe" --in-jail "$ROOT/tmp/probe-null"
	check "nested: the child's routes" "" "$(mismatches "$OUT" "reserved_port refused EACCES")"
	# The parent's root is capable in the child's user namespace, which owns
	# the child's mount namespace; the masks of the child's procfs are
	# locked against it all the same.
	run "$JEXEC" outer /bin/sh -c 'for p in /proc/[0-9]*; do
		tr "\0" " " < "$p/cmdline" | grep -q "name=[s]hared path=" && echo "${p#/proc/}"; done'
	run "$JEXEC" outer nsenter -t "$OUT" -U -m umount /proc/sys
	check "nested: the parent's root cannot unmask the child's /proc/sys" "refused" \
		"$([ "$STATUS" -ne 0 ] && echo refused)"
	# Opened for appending, never written.
	run "$JEXEC" outer "$JEXEC" shared /bin/sh -c ': >> /proc/sys/kernel/core_pattern'
	check "nested: the child's /proc/sys stays read-only" "Read-only file system" \
		"$(printf '%s\n' "$ERR" | grep -o 'Read-only file system')"
	"$JAIL" -r outer > /dev/null
}

if [ "${1:-}" = inner ]; then
	WORK=$2
	compat_programs "$WORK"
	passed=0 failed=0
	HOST_NAME=$(hostname)
	ROOT=$WORK/probe
	sh "$SOURCE_DIR/compat/make-busybox-root" "$ROOT" > /dev/null || exit 1
	mkdir -p "$ROOT/sys"
	cp "$BUILD_DIR/tests/jail_probe" "$ROOT/probe"
	cp "$BUILD_DIR/tests/jail_probe" "$ROOT/probe-suid"
	chmod 4755 "$ROOT/probe-suid"
	echo 'nobody:x:65534:65534:nobody:/:/bin/sh' >> "$ROOT/etc/passwd"
	# The null device, outside /dev: openable from the host, not from the jail.
	mknod "$ROOT/tmp/probe-null" c 1 3
	check "the node outside /dev opens on the host" "0" "$(: < "$ROOT/tmp/probe-null"; echo $?)"
	entry_paths
	allowances
	brokered
	nested
	check "no jail is left" "" "$(registered_jails)"
	finish
	exit
fi

compat_setup
command -v unshare > /dev/null && command -v nsenter > /dev/null || skip "no unshare or nsenter (util-linux)"
[ -x "$BUILD_DIR/tests/jail_probe" ] || skip "no jail_probe in $BUILD_DIR/tests"
: > "$WORK/signals"
unshare --pid --fork --mount-proc --net sh "$(dirname "$0")/signal-recording-init" "$WORK/signals" \
	sh "$0" inner "$WORK"
check "the restrictions hold in their own namespaces" "0" "$?"
check "its PID 1 got no signal" "" "$(cat "$WORK/signals")"
finish
