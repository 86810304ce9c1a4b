// The /bin/sh of the rc.conf fallback as a child process with bounds: the
// native reader stops a runaway configuration at its limits (sh_limits.h),
// and the shell it hands a configuration to must not run away instead. The
// child gets the reader's time limit (wall clock: a `sleep` counts), a cap on
// its address space and one on the size of the files it writes (its captured
// output among them), and runs in a process group of its own, so that what
// it started in the background ends with it when the time is up.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace rcjail {

struct ShellChildLimits {
  std::chrono::milliseconds time{10'000};
  std::uint64_t addressSpaceBytes = std::uint64_t{1} << 30;  // RLIMIT_AS
  std::uint64_t fileBytes = std::uint64_t{256} << 20;        // RLIMIT_FSIZE
};

struct ShellRun {
  int status = 0;          // exit status, or 128 + signal
  bool timedOut = false;   // killed at the time limit (status is then 128 + SIGKILL)
  std::string dump, out, err;  // what it wrote to fd 9, 1 and 2
};

// Runs `argv` (argv[0] is the program's path) with exactly `env`, stdin from
// /dev/null, stdout, stderr and fd 9 captured. At the time limit the child's
// process group is killed (the child is not reaped before that, so its pid
// and group id cannot belong to anything else yet). Throws ConfigError when
// the program cannot be started.
ShellRun runShellChild(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                       const ShellChildLimits& limits);

}  // namespace rcjail
