// The boundary to the system: running jail(8), jls(8), jexec(8) (whatever
// jail_program, jail_jls and jail_jexec name) and reading sysctls. Abstract
// so every stage above it is tested without jails; PosixJailSystem is the
// real one, tests use a fake.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rcjail {

enum class OutputMode {
  Combined,    // stdout and stderr into one captured stream, in order (`>> tmp 2>&1`)
  StdoutOnly,  // stdout captured, stderr to ours (`$(cmd)`)
  Discard,     // both to /dev/null (`> /dev/null 2>&1`)
  Inherit,     // both to ours
};

struct RunRequest {
  explicit RunRequest(std::vector<std::string> program) : argv(std::move(program)) {}
  std::vector<std::string> argv;
  OutputMode output = OutputMode::Combined;
  bool stdinFromDevNull = true;
  bool discardStderr = false;  // with StdoutOnly: `2>/dev/null`
  // Give up waiting at this point: the process (and its process group) is
  // killed and the result says timedOut.
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

struct RunResult {
  int status = 0;           // exit status; 128+N when killed by signal N; 127 not found
  std::string output;       // what was captured
  bool timedOut = false;
  bool ok() const { return status == 0 && !timedOut; }
};

class RunningProcess {
 public:
  virtual ~RunningProcess() = default;
  // Collects the output and waits for the exit (or the deadline).
  virtual RunResult wait() = 0;
};

class JailSystem {
 public:
  virtual ~JailSystem() = default;
  virtual std::unique_ptr<RunningProcess> start(const RunRequest& request) = 0;
  RunResult run(const RunRequest& request) { return start(request)->wait(); }
  // The value of a sysctl, or nullopt when it does not exist.
  virtual std::optional<std::string> sysctl(const std::string& name) = 0;
};

// Spawns programs with posix_spawn, never through a shell. A program that
// cannot be run gives status 127 (126 when not executable) and the message
// sh would print ("PREFIX: PROGRAM: not found") in its output.
class PosixJailSystem : public JailSystem {
 public:
  // environment: the child's environ ("NAME=value" strings). sysctlCommand:
  // what jail_sysctl names, the program that answers sysctl questions (empty:
  // /sbin/sysctl).
  PosixJailSystem(std::string messagePrefix, std::vector<std::string> environment,
                  std::vector<std::string> sysctlCommand = {});
  std::unique_ptr<RunningProcess> start(const RunRequest& request) override;
  // `SYSCTL -n NAME`, read as FreeBSD's sysctl(8) answers: status 0 and the
  // value on stdout, any other status when the oid does not exist. The same
  // rule everywhere; on Linux jail_sysctl names the compat sysctl, whose
  // answers describe what the compat jail(8) can do.
  std::optional<std::string> sysctl(const std::string& name) override;

 private:
  std::string messagePrefix_;
  std::vector<std::string> environment_;
  std::vector<std::string> sysctlCommand_;
};

}  // namespace rcjail
