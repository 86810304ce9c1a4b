#!/bin/sh
# The documentation and the program agree: the options of --help's synopsis,
# of the option parser (the "options:" part of --help, printed from the
# parser's own table) and of rcjail.8's SYNOPSIS are the same; so are the
# verbs of rcjail and each verb's options, which the verb must accept.
# Usage errors exit 1, as the man page says.
. "$(dirname "$0")/lib.sh"

MAN=$SOURCE_DIR/man/rcjail.8
"$RCJAIL" --help > "$WORK/help"
check "--help: exit 0" 0 $?
options() { grep -o -e '--[a-z][a-z-]*' | sort -u | tr '\n' ' '; }
synopsis=$(sed -n '/^usage:/,/^  rc.d/p' "$WORK/help" | options)
parser=$(sed -n '/^options:/,$p' "$WORK/help" | grep '^  --' | options)
# The man page's global options: the two first .Nm entries of the SYNOPSIS.
man_global=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$MAN" | awk '/^\.Nm$/ { n++ } n <= 2' |
	sed -n 's/.*Fl \(.*\)/\1/p' | tr ' |' '\n\n' | grep '^-' | sed 's/^/-/' | options)
check "help's synopsis and the parser" "$parser" "$synopsis"
check "the man page and the parser" "$parser" "$man_global"
for o in $parser; do
	check "rcjail.8 describes $o" 1 "$(grep -c "^\.It Fl ${o#-}\( \|$\)" "$MAN")"
done

# rcjail's own verbs: "VERB [opts]" lines of --help and .Cm VERB entries of
# the SYNOPSIS, with their options.
# A verb's line starts in the column after "rcjail verbs:"; continuations are
# indented further.
verb_lines() { sed -n '/rcjail verbs:/,/^options:/p' "$WORK/help" | sed 's/rcjail verbs:/             /' |
	grep '^                   [a-z]' | sed 's/^ *//'; }
help_verbs() { verb_lines | awk '{ print $1 }' | sort -u | tr '\n' ' '; }
man_verbs() { sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$MAN" | awk 'prev == ".Nm" && /^\.Cm / { print $2 } { prev = $0 }' |
	sort -u | tr '\n' ' '; }
check "the same verbs" "$(help_verbs)" "$(man_verbs)"
for verb in $(help_verbs); do
	help_opts=$(verb_lines | awk -v v="$verb" '$1 == v' | sed 's/   .*//' | options)
	man_opts=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$MAN" |
		awk -v v="$verb" 'prev == ".Nm" { on = ($0 == ".Cm " v) } on { print } { prev = $0 }' |
		sed -n 's/.*Fl \(.*\)/\1/p' | sed 's/ Ns.*//' | tr ' |' '\n\n' | grep '^-' | sed 's/^/-/' | options)
	check "$verb: the same options in --help and rcjail.8" "$help_opts" "$man_opts"
done

# Each documented verb option is one the verb takes; an unknown one is a
# usage error, exit 1.
write_rc_conf <<'EOF_RC'
jail_enable="YES"
EOF_RC
printf 'ducky { path = /; }\n' > "$ROOT/etc/jail.conf"
for call in "vars --env" "check --json" "check --severity=error" "migrate --dry-run" "status -a --json" \
	"list --json" "plan start --json"; do
	run $call
	check "$call is taken" "" "$(printf '%s\n' "$ERR" | grep -i usage)"
done
for call in "vars --bogus" "check --bogus" "migrate --bogus" "status -a --bogus" "list --bogus" "plan start --bogus"; do
	run $call
	check "$call: a usage error, exit 1" 1 "$STATUS"
	check "$call: the usage" 1 "$(printf '%s\n' "$ERR" | grep -c '^usage: rcjail ')"
done
capture "$WORK/out" "$WORK/err" "$RCJAIL" --bogus
check "unknown option: exit 1" 1 "$STATUS"
check "the man page says usage errors exit 1" 1 "$(grep -c '^0 on success; 1 for a usage error' "$MAN")"
finish
