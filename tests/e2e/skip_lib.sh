# Shared by the end-to-end tests (sourced by lib.sh and compat_lib.sh): how a
# test that cannot run here says so. Exit status 77 is ctest's
# SKIP_RETURN_CODE, so the run counts it as skipped, never as passed. Where
# every test must run (CI sets RCJAIL_REQUIRE_ALL_TESTS=1), a skip is a
# failure instead.

# skip REASON: ends the test as skipped (or failed, see above).
skip() {
	if [ "${RCJAIL_REQUIRE_ALL_TESTS:-}" = 1 ]; then
		echo "FAIL: cannot run here, and RCJAIL_REQUIRE_ALL_TESTS=1: $*"
		exit 1
	fi
	echo "skipped: $*"
	exit 77
}
