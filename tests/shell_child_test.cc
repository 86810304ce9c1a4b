// Tests of the bounded /bin/sh child of the rc.conf fallback: what it is
// given and what is captured, the time limit (which must end what the shell
// started in the background too) and the resource limits.
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <fstream>
#include <thread>

#include "location.h"
#include "shell_child.h"

namespace rcjail {
namespace {

// True once `pid` has ended: gone, or a zombie waiting for whoever adopted it.
bool ended(pid_t pid) {
  for (int i = 0; i < 200; ++i) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!stat || !std::getline(stat, line)) {
      if (kill(pid, 0) != 0 && errno == ESRCH) return true;
    } else {
      std::size_t paren = line.rfind(')');
      if (paren != std::string::npos && paren + 2 < line.size() && line[paren + 2] == 'Z') return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shell_child)

BOOST_AUTO_TEST_CASE(streams_are_captured_and_the_status_returned) {
  ShellRun run = runShellChild({"/bin/sh", "-c", "echo out; echo err >&2; printf 'a\\0b' >&9; read x; exit 3"}, {}, {});
  BOOST_TEST(run.status == 3);
  BOOST_TEST(!run.timedOut);
  BOOST_TEST(run.out == "out\n");
  BOOST_TEST(run.err == "err\n");
  BOOST_TEST(run.dump == std::string("a\0b", 3));
}

BOOST_AUTO_TEST_CASE(the_environment_is_exactly_what_is_given) {
  ShellRun run = runShellChild({"/bin/sh", "-c", "printf '%s|%s' \"$RCJAIL_T\" \"${HOME-unset}\""}, {"RCJAIL_T=v w"}, {});
  BOOST_TEST(run.out == "v w|unset");
}

BOOST_AUTO_TEST_CASE(the_time_limit_kills_the_shell_and_its_background) {
  ShellChildLimits limits;
  limits.time = std::chrono::milliseconds(300);
  auto begin = std::chrono::steady_clock::now();
  ShellRun run = runShellChild(
      {"/bin/sh", "-c", "sleep 60 & echo $! >&9; echo started; while :; do sleep 1; done"}, {}, limits);
  auto took = std::chrono::steady_clock::now() - begin;
  BOOST_TEST(run.timedOut);
  BOOST_TEST(run.status == 128 + SIGKILL);
  BOOST_TEST(run.out == "started\n");
  // Well before the 60 s sleep or the loop could have ended on their own.
  BOOST_TEST(took < std::chrono::seconds(30));
  BOOST_REQUIRE(!run.dump.empty());
  pid_t background = static_cast<pid_t>(std::stol(run.dump));
  BOOST_REQUIRE(background > 1);
  BOOST_TEST(ended(background));
}

BOOST_AUTO_TEST_CASE(a_shell_that_ends_in_time_is_not_marked) {
  ShellChildLimits limits;
  limits.time = std::chrono::milliseconds(5000);
  ShellRun run = runShellChild({"/bin/sh", "-c", "exit 0"}, {}, limits);
  BOOST_TEST(!run.timedOut);
  BOOST_TEST(run.status == 0);
}

BOOST_AUTO_TEST_CASE(the_address_space_is_capped) {
  ShellChildLimits limits;
  limits.addressSpaceBytes = std::uint64_t{64} << 20;
  ShellRun run = runShellChild({"/bin/sh", "-c", "ulimit -v"}, {}, limits);
  BOOST_TEST(run.out == "65536\n");  // KiB
}

BOOST_AUTO_TEST_CASE(the_file_size_is_capped) {
  ShellChildLimits limits;
  limits.fileBytes = 1000;
  ShellRun run = runShellChild({"/bin/sh", "-c", "printf '%5000s' x; echo done >&2"}, {}, limits);
  BOOST_TEST(run.out.size() <= 1000u);
  BOOST_TEST(run.err.find("done") == std::string::npos);
  BOOST_TEST(run.status == 128 + SIGXFSZ);
}

BOOST_AUTO_TEST_CASE(a_program_that_cannot_run_is_a_config_error) {
  try {
    runShellChild({"/nonexistent/sh", "-c", ":"}, {}, {});
    BOOST_FAIL("no error");
  } catch (const ConfigError& e) {
    BOOST_TEST(std::string(e.what()) == "cannot run /nonexistent/sh: No such file or directory");
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
