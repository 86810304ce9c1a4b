# Shared by faults.sh and faults_var_run.sh (sourced after lib.sh): three
# rc.conf-style jails a, b and c, and what to compare after each fault: the
# jails the fake jail(8) runs, the id files, and leftovers in /var/run.
JAILS="a b c"
# rc.conf for three rc.conf-style jails; $1 overrides jail_program etc.
configure() {
	write_rc_conf <<EOF_RC
jail_enable="YES"
jail_list="$JAILS"
jail_a_rootdir="/j/a"
jail_a_hostname="a.example.org"
jail_a_ip="192.0.2.1"
jail_b_rootdir="/j/b"
jail_b_hostname="b.example.org"
jail_b_ip="192.0.2.2"
jail_c_rootdir="/j/c"
jail_c_hostname="c.example.org"
jail_c_ip="192.0.2.3"
${1:-}
EOF_RC
}
reset_state() {
	rm -rf "$FAKE_JAILS" && mkdir -p "$FAKE_JAILS"
	find "$ROOT/var/run" -mindepth 1 -delete 2>/dev/null
}

# The id files against the fake jails: "name=jid ..." of both, sorted.
running_jails() {
	for f in "$FAKE_JAILS"/*; do [ -e "$f" ] && printf '%s=%s ' "${f##*/}" "$(cat "$f")"; done
}
id_files() {
	for f in "$ROOT"/var/run/jail_*.id; do
		[ -e "$f" ] || continue
		n=${f##*/jail_}
		printf '%s=%s ' "${n%.id}" "$(cat "$f")"
	done
}
no_temporaries() {	# anything in /var/run but jail_*.id and jail.*.conf is a leftover
	find "$ROOT/var/run" -mindepth 1 ! -name 'jail_*.id' ! -name 'jail.*.conf' -printf '%f ' | sed 's/ $//'
}
# A stand-in for one fake tool: `wrap NAME SCRIPT` makes $WORK/NAME/jail etc.
# run SCRIPT (sh) before the fake tool.
wrap() {
	mkdir -p "$WORK/$1"
	for t in jail jls jexec; do
		printf '#!/bin/sh\n%s\nexec "%s" "$@"\n' "$2" "$TOOLS/$t" > "$WORK/$1/$t"
		chmod +x "$WORK/$1/$t"
	done
}
