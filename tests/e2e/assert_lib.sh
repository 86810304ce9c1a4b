# Shared by lib.sh and compat_lib.sh: a command run with its output
# captured, and assertions that count (each test sets passed=0 failed=0).
# Sourced. Run on its own (ctest runs every e2e/*.sh), it only defines.

# capture OUTFILE ERRFILE CMD ARGS...: runs the command with its standard
# output and error in the two files; sets OUT, ERR and STATUS.
capture() {
	_capture_out=$1 _capture_err=$2
	shift 2
	"$@" > "$_capture_out" 2> "$_capture_err"
	STATUS=$?
	OUT=$(cat "$_capture_out")
	ERR=$(cat "$_capture_err")
}

check() {	# check DESCRIPTION EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL: %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3"
	fi
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
