// Tests of the reader's limits: each one stops a runaway configuration with
// a file:line error that names it, lets a load just under it through, and the
// rc.conf that once exhausted memory (tests/fuzz/corpus) now ends in such an
// error. Limits are set small here so that hitting them is quick; the
// expected counts and lines are worked out by hand from each text.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>
#include <memory>

#include "sh_interpreter.h"
#include "sh_limits.h"
#include "test_support.h"

namespace rcjail {
namespace {

// Runs `text` as test.conf under `limits`, inside a function as rc.subr does;
// keeps the interpreter so a test can look at what ran before the error.
struct LimitedRun {
  LimitedRun(const std::string& text, ShLimits limits, const std::string& root = "/")
      : fsRoot(root), sh(std::make_unique<ShInterpreter>(fsRoot, Variables{})) {
    sh->setLimits(std::move(limits));
    try {
      sh->runInFunction({}, [&] { sh->run(text, "test.conf"); });
    } catch (const ConfigError& e) {
      error = e.describe();
    }
  }
  std::string get(const std::string& name) const { return sh->state().variables().get(name); }

  FsRoot fsRoot;
  std::unique_ptr<ShInterpreter> sh;
  std::string error;  // "" when the text ran to its end
};

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// A clock that moves one second at each read.
std::function<ShLimits::Clock::time_point()> tickingClock(std::shared_ptr<int> seconds) {
  return [seconds] { return ShLimits::Clock::time_point(std::chrono::seconds((*seconds)++)); };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_limits)

BOOST_AUTO_TEST_CASE(a_value_longer_than_the_limit_is_an_error_at_its_line) {
  ShLimits limits;
  limits.valueBytes = 16;
  BOOST_TEST(LimitedRun("x=0123456789abcdef", limits).error == "");  // 16 bytes: at the limit
  BOOST_TEST(LimitedRun("\nx=0123456789abcdefg", limits).error ==
             "test.conf:2: value size limit of the rc.conf reader exceeded (16 bytes, this one has 17 bytes): "
             "look for a value that grows without end");
}

BOOST_AUTO_TEST_CASE(a_doubling_value_stops_at_the_default_limit) {
  // a, then 2, 4, ... 2^20 bytes (the 1 MiB limit, allowed); the 21st doubling
  // stops while "$x$x" is expanded, at 2 MiB.
  LimitedRun run("x=a\nwhile :; do\n  x=$x$x\ndone", ShLimits{});
  BOOST_TEST(startsWith(run.error, "test.conf:3: value size limit of the rc.conf reader exceeded (1 MiB"),
             run.error);
  BOOST_TEST(run.get("x").size() == std::size_t{1} << 20);
}

BOOST_AUTO_TEST_CASE(an_expanded_word_and_a_command_line_count_as_one_value) {
  ShLimits limits;
  limits.valueBytes = 10;
  // Each $x is 6 bytes: one word of 12, or two fields of 6 that make 12.
  BOOST_TEST(startsWith(LimitedRun("x=abcdef\nfor w in $x$x; do :; done", limits).error,
                        "test.conf:2: value size limit"));
  BOOST_TEST(startsWith(LimitedRun("x=abcdef\nset -- $x $x", limits).error, "test.conf:2: value size limit"));
  BOOST_TEST(LimitedRun("x=abcdef\nset -- $x abcd", limits).error == "");
}

BOOST_AUTO_TEST_CASE(all_variables_together_are_bounded) {
  ShLimits limits;
  limits.totalBytes = 1000;
  // i counts 1 + 1 + 64 = 66 bytes (67 from i=10 on), v0..v9 2 + 10 + 64 = 76
  // each, v10 on 77: 66 + 760 + 1 = 827 after v9, 981 after v11, and v12
  // would make 1058.
  LimitedRun run("i=0\nwhile :; do\n  eval \"v$i=0123456789\"\n  i=$((i+1))\ndone", limits);
  BOOST_TEST(run.error ==
             "test.conf:3: total variable size limit of the rc.conf reader exceeded (1000 bytes for all variables): "
             "look for variables created or grown in a loop");
  BOOST_TEST(run.get("v10") == "0123456789");
  BOOST_TEST(run.get("v12") == "");
}

BOOST_AUTO_TEST_CASE(unset_and_the_end_of_a_function_give_bytes_back) {
  ShLimits limits;
  limits.totalBytes = 1000;
  const std::string v600(600, 'v');
  // 600 + 600 fit only if the first value is gone before the second comes.
  BOOST_TEST(LimitedRun("a=" + v600 + "\nunset a\nb=" + v600, limits).error == "");
  BOOST_TEST(startsWith(LimitedRun("a=" + v600 + "\nb=" + v600, limits).error, "test.conf:2: total variable size"));
  // A local and its saved copy both count while the function runs, and the
  // function's value is gone after it.
  BOOST_TEST(startsWith(LimitedRun("a=" + v600 + "\nf() { local a; a=" + v600 + "; }\nf", limits).error,
                        "test.conf:2: total variable size"));
  BOOST_TEST(LimitedRun("f() { local a; a=" + v600 + "; }\nf\nf\nb=" + std::string(300, 'b'), limits).error == "");
}

BOOST_AUTO_TEST_CASE(positional_parameters_of_waiting_callers_count) {
  ShLimits limits;
  limits.totalBytes = 1000;
  // n counts 1 + 1 + 64 = 66 bytes. The first call has no arguments; every
  // later one passes two 10-byte arguments, 2 * (10 + 64) = 148 bytes, that
  // wait while the call after it runs. Entering call k (k >= 2) makes
  // 66 + 148 * (k - 2): 954 at k = 8, 1102 at k = 9, refused at line 4 after
  // eight calls counted n, long before calls nest too deeply (200).
  LimitedRun run("n=0\nf() {\n  n=$((n+1))\n  f 0123456789 0123456789\n}\nf", limits);
  BOOST_TEST(startsWith(run.error, "test.conf:4: total variable size limit"), run.error);
  BOOST_TEST(run.get("n") == "8");
}

BOOST_AUTO_TEST_CASE(loop_iterations_of_all_loops_are_counted_together) {
  ShLimits limits;
  limits.loopIterations = 12;
  // 3 outer + 3 * 3 inner iterations = 12: at the limit.
  const std::string nested = "for a in 1 2 3; do\n  for b in 1 2 3; do :; done\ndone\n";
  BOOST_TEST(LimitedRun(nested, limits).error == "");
  BOOST_TEST(LimitedRun(nested + "for c in 1; do :; done", limits).error ==
             "test.conf:4: loop iteration limit of the rc.conf reader exceeded (12 iterations of all loops): "
             "look for a loop that does not end");
  // A while loop without end: twelve iterations run, the thirteenth is refused.
  LimitedRun spin("n=0\nwhile :; do n=$((n+1)); done", limits);
  BOOST_TEST(startsWith(spin.error, "test.conf:2: loop iteration limit"));
  BOOST_TEST(spin.get("n") == "12");
  BOOST_TEST(startsWith(LimitedRun("until false; do :; done", limits).error, "test.conf:1: loop iteration limit"));
}

BOOST_AUTO_TEST_CASE(a_glob_may_match_only_so_many_paths) {
  testing::TempDir dir;
  for (const char* f : {"d/1", "d/2", "d/3", "d/4", "d/5", "j/a/x", "j/b/x", "j/c/x"}) dir.write(f, "");
  ShLimits limits;
  limits.globPaths = 5;
  LimitedRun five("set -- /d/*\nn=$#", limits, dir.path());
  BOOST_TEST(five.error == "");
  BOOST_TEST(five.get("n") == "5");
  limits.globPaths = 4;
  BOOST_TEST(LimitedRun("\nset -- /d/*", limits, dir.path()).error ==
             "test.conf:2: glob match limit of the rc.conf reader exceeded (4 paths for one pattern): "
             "use a narrower pattern");
  // The directories a glob goes through count: /j/*/none matches nothing
  // but reads a, b and c.
  limits.globPaths = 2;
  BOOST_TEST(startsWith(LimitedRun("set -- /j/*/none", limits, dir.path()).error, "test.conf:1: glob match limit"));
  limits.globPaths = 3;
  BOOST_TEST(LimitedRun("set -- /j/*/none", limits, dir.path()).error == "");
}

BOOST_AUTO_TEST_CASE(a_load_that_runs_past_its_time_stops) {
  // A clock that moves one second each time it is read: setLimits reads it
  // once (the deadline is 5 s later), then every 1024th command reads it; the
  // sixth read is 6 s in, past the deadline.
  auto seconds = std::make_shared<int>(0);
  ShLimits limits;
  limits.time = std::chrono::seconds(5);
  limits.now = tickingClock(seconds);
  LimitedRun run("\nwhile :; do :; done", limits);
  BOOST_TEST(run.error ==
             "test.conf:2: time limit of the rc.conf reader exceeded (5 s): "
             "look for a loop or a recursion that does not end");
  BOOST_TEST(*seconds == 7);  // the first read and six checks
}

BOOST_AUTO_TEST_CASE(long_pattern_matches_look_at_the_clock) {
  ShLimits limits;
  limits.time = std::chrono::seconds(5);
  // ${x#*b} on 200,000 a's tries every prefix: 2e10 steps, hours without a
  // check; the clock is read every 65536 steps and the sixth read is too late.
  limits.now = tickingClock(std::make_shared<int>(0));
  BOOST_TEST(startsWith(LimitedRun("x=" + std::string(200000, 'a') + "\ny=${x#*b}", limits).error,
                        "test.conf:2: time limit of the rc.conf reader exceeded (5 s)"));
  // The case pattern `*${x}b` against $x$x: 2000 starts, each matching
  // 2000 a's before the b fails, 4e6 steps.
  limits.now = tickingClock(std::make_shared<int>(0));
  const std::string text = "x=" + std::string(2000, 'a') + "\ny=$x$x\ncase $y in\n  *${x}b) z=1 ;;\nesac";
  BOOST_TEST(startsWith(LimitedRun(text, limits).error, "test.conf:4: time limit of the rc.conf reader exceeded (5 s)"));
}

BOOST_AUTO_TEST_CASE(a_frozen_clock_never_runs_out) {
  ShLimits limits;
  limits.now = [] { return ShLimits::Clock::time_point(); };
  LimitedRun run("i=0\nwhile [ $i -lt 5000 ]; do i=$((i+1)); done", limits);
  BOOST_TEST(run.error == "");
  BOOST_TEST(run.get("i") == "5000");
}

BOOST_AUTO_TEST_CASE(the_fuzzed_rc_conf_that_exhausted_memory_is_an_error) {
  // Found by a long fuzz run: a `for` over a huge ${unset:-...} word whose
  // body keeps appending to $out (it took more than 2 GiB before the limits).
  std::ifstream in(RCJAIL_TEST_DATA "/../fuzz/corpus/rc_conf/oom-for-append.rc", std::ios::binary);
  BOOST_TEST_REQUIRE(in.good(), "the corpus file is missing");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LimitedRun run(text, ShLimits{});
  // Line 10 holds the loop body's out="$out..." that grows at each word.
  BOOST_TEST(startsWith(run.error, "test.conf:10: value size limit of the rc.conf reader exceeded (1 MiB, "),
             run.error);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
