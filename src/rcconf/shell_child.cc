#include "shell_child.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "location.h"

namespace rcjail {

namespace {

[[noreturn]] void cannotCreate() {
  throw ConfigError({}, std::string("cannot create a temporary file: ") + strerror(errno));
}

// An unlinked temporary file that the child writes one of its streams to,
// at fd 10 or above, so that it is never one of the fds the child gets it
// on (dup2 onto itself would keep FD_CLOEXEC).
class Capture {
 public:
  Capture() {
    char name[] = "/tmp/rcjail-sh.XXXXXX";
    int fd = mkostemp(name, O_CLOEXEC);
    if (fd < 0) cannotCreate();
    unlink(name);
    fd_ = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    close(fd);
    if (fd_ < 0) cannotCreate();
  }
  ~Capture() { close(fd_); }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  int fd() const { return fd_; }
  std::string read() const {
    std::string out;
    char buf[65536];
    lseek(fd_, 0, SEEK_SET);
    for (;;) {
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int fd_ = -1;
};

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

[[noreturn]] void childFailed(int report) {
  int e = errno;
  ssize_t ignored = write(report, &e, sizeof e);
  (void)ignored;
  _exit(127);
}

// In the child, between fork and exec: only async-signal-safe calls. An
// error is written to `report` (close-on-exec, so the parent reads nothing
// when the exec succeeded).
[[noreturn]] void becomeShell(char* const* argv, char* const* envp, const int fds[3], int report,
                              const ShellChildLimits& limits) {
  auto fail = [report] { childFailed(report); };
  if (setpgid(0, 0) != 0) fail();
  int null = open("/dev/null", O_RDONLY);
  if (null < 0 || dup2(null, 0) < 0 || dup2(fds[0], 1) < 0 || dup2(fds[1], 2) < 0 || dup2(fds[2], 9) < 0) fail();
  const struct rlimit as{limits.addressSpaceBytes, limits.addressSpaceBytes};
  const struct rlimit fsize{limits.fileBytes, limits.fileBytes};
  if (setrlimit(RLIMIT_AS, &as) != 0 || setrlimit(RLIMIT_FSIZE, &fsize) != 0) fail();
  execve(argv[0], argv, envp);
  childFailed(report);
}

// Waits for `pid` until `deadline`; true when it ended (status in `wstatus`).
bool waitUntil(pid_t pid, std::chrono::steady_clock::time_point deadline, int& wstatus) {
  long pauseNs = 100'000;
  for (;;) {
    pid_t r = waitpid(pid, &wstatus, WNOHANG);
    if (r == pid) return true;
    if (r < 0 && errno != EINTR) return true;  // not our child any more: nothing to wait for
    if (std::chrono::steady_clock::now() >= deadline) return false;
    struct timespec pause{0, pauseNs};
    nanosleep(&pause, nullptr);
    pauseNs = std::min(pauseNs * 2, 10'000'000L);
  }
}

}  // namespace

ShellRun runShellChild(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                       const ShellChildLimits& limits) {
  Capture out, err, dump;
  std::vector<std::string> argStrings = argv, envStrings = env;
  std::vector<char*> args = pointers(argStrings), envp = pointers(envStrings);
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) throw ConfigError({}, "cannot run " + argv.at(0) + ": " + strerror(errno));
  const int fds[3] = {out.fd(), err.fd(), dump.fd()};
  const auto deadline = std::chrono::steady_clock::now() + limits.time;
  pid_t pid = fork();
  if (pid == 0) becomeShell(args.data(), envp.data(), fds, report[1], limits);
  const int forkErrno = errno;
  close(report[1]);
  if (pid < 0) {
    close(report[0]);
    throw ConfigError({}, "cannot run " + argv.at(0) + ": " + strerror(forkErrno));
  }
  int childErrno = 0;
  ssize_t n;
  while ((n = read(report[0], &childErrno, sizeof childErrno)) < 0 && errno == EINTR) {
  }
  close(report[0]);

  ShellRun run;
  int wstatus = 0;
  if (n <= 0 && !waitUntil(pid, deadline, wstatus)) {
    // Still our unreaped child: its pid and its group are the ones started here.
    kill(-pid, SIGKILL);
    run.timedOut = true;
  }
  if (n > 0 || run.timedOut) {
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
  }
  if (n > 0) throw ConfigError({}, "cannot run " + argv.at(0) + ": " + strerror(childErrno));
  run.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  run.dump = dump.read();
  run.out = out.read();
  run.err = err.read();
  return run;
}

}  // namespace rcjail
