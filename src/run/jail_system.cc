// posix_spawn-based process running with captured output and deadlines.
#include "jail_system.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rcjail {

namespace {

class Pipe {
 public:
  Pipe() {
    if (pipe2(fds_, O_CLOEXEC) != 0) fds_[0] = fds_[1] = -1;
  }
  ~Pipe() {
    closeRead();
    closeWrite();
  }
  bool valid() const { return fds_[0] >= 0; }
  int read() const { return fds_[0]; }
  int write() const { return fds_[1]; }
  int releaseRead() {
    int fd = fds_[0];
    fds_[0] = -1;
    return fd;
  }
  void closeRead() {
    if (fds_[0] >= 0) close(fds_[0]);
    fds_[0] = -1;
  }
  void closeWrite() {
    if (fds_[1] >= 0) close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fds_[2];
};

class SpawnedProcess : public RunningProcess {
 public:
  SpawnedProcess(pid_t pid, int outputFd, std::optional<std::chrono::steady_clock::time_point> deadline)
      : pid_(pid), fd_(outputFd), deadline_(deadline) {}
  explicit SpawnedProcess(RunResult immediate) : pid_(-1), fd_(-1), result_(std::move(immediate)) {}
  ~SpawnedProcess() override {
    if (pid_ > 0) wait();
  }

  RunResult wait() override {
    if (pid_ <= 0) return result_;
    if (fd_ >= 0) drain();
    if (!result_.timedOut && deadline_) waitUntilDeadline();
    if (!reaped_) {
      int st = 0;
      while (waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
      }
      result_.status = decodeStatus(st);
    }
    pid_ = -1;
    return result_;
  }

 private:
  static int decodeStatus(int st) {
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return 1;
  }

  int remainingMs() const {
    if (!deadline_) return -1;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - std::chrono::steady_clock::now());
    return left.count() < 0 ? 0 : static_cast<int>(left.count());
  }

  void kill() {
    ::kill(-pid_, SIGKILL);
    ::kill(pid_, SIGKILL);
    result_.timedOut = true;
  }

  void drain() {
    char buf[8192];
    for (;;) {
      struct pollfd p = {fd_, POLLIN, 0};
      int r = poll(&p, 1, remainingMs());
      if (r < 0 && errno == EINTR) continue;
      if (r == 0) {
        kill();
        break;
      }
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      result_.output.append(buf, static_cast<size_t>(n));
    }
    close(fd_);
    fd_ = -1;
  }

  // The output is closed (or was never captured) but the process may live on.
  void waitUntilDeadline() {
    for (;;) {
      int st = 0;
      pid_t r = waitpid(pid_, &st, WNOHANG);
      if (r == pid_) {
        result_.status = decodeStatus(st);
        reaped_ = true;
        return;
      }
      if (r < 0 && errno != EINTR) return;
      if (remainingMs() == 0) {
        kill();
        return;
      }
      usleep(10000);
    }
  }

  pid_t pid_;
  int fd_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  RunResult result_;
  bool reaped_ = false;
};

RunResult spawnFailure(const std::string& prefix, const std::string& program, int error) {
  RunResult r;
  r.status = error == ENOENT ? 127 : 126;
  r.output = prefix + ": " + program + ": " + (error == ENOENT ? "not found" : strerror(error)) + "\n";
  return r;
}

// The child's standard input and output as `request` asks; `pipeWrite` is
// the write end of the capture pipe.
void addRedirections(posix_spawn_file_actions_t& actions, const RunRequest& request, int pipeWrite) {
  if (request.stdinFromDevNull) posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  switch (request.output) {
    case OutputMode::Combined:
      posix_spawn_file_actions_adddup2(&actions, pipeWrite, 1);
      posix_spawn_file_actions_adddup2(&actions, pipeWrite, 2);
      break;
    case OutputMode::StdoutOnly:
      posix_spawn_file_actions_adddup2(&actions, pipeWrite, 1);
      if (request.discardStderr) posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
      break;
    case OutputMode::Discard:
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
      posix_spawn_file_actions_adddup2(&actions, 1, 2);
      break;
    case OutputMode::Inherit:
      break;
  }
}

// No blocked and no ignored signals in the child. With a deadline the child
// leads its own process group, so that everything it started can be killed
// with it.
void setSpawnAttributes(posix_spawnattr_t& attr, bool ownGroup) {
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
  if (ownGroup) {
    flags |= POSIX_SPAWN_SETPGROUP;
    posix_spawnattr_setpgroup(&attr, 0);
  }
  posix_spawnattr_setflags(&attr, flags);
}

}  // namespace

PosixJailSystem::PosixJailSystem(std::string messagePrefix, std::vector<std::string> environment,
                                 std::vector<std::string> sysctlCommand)
    : messagePrefix_(std::move(messagePrefix)),
      environment_(std::move(environment)),
      sysctlCommand_(std::move(sysctlCommand)) {
  if (sysctlCommand_.empty()) sysctlCommand_ = {"/sbin/sysctl"};
}

std::unique_ptr<RunningProcess> PosixJailSystem::start(const RunRequest& request) {
  if (request.argv.empty()) return std::make_unique<SpawnedProcess>(spawnFailure(messagePrefix_, "", ENOENT));
  Pipe pipe;
  bool capture = request.output == OutputMode::Combined || request.output == OutputMode::StdoutOnly;
  if (capture && !pipe.valid())
    return std::make_unique<SpawnedProcess>(spawnFailure(messagePrefix_, request.argv[0], errno));

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  addRedirections(actions, request, pipe.write());
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  setSpawnAttributes(attr, request.deadline.has_value());

  std::vector<char*> argv, envp;
  for (const std::string& a : request.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const std::string& e : environment_) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    RunResult failed = spawnFailure(messagePrefix_, request.argv[0], rc);
    // sh prints "not found" on its own stderr: it is captured only where
    // stderr is (`2>&1`), never into `$(cmd)` (a missing jls must not
    // become the content of an id file).
    if (request.output != OutputMode::Combined) {
      bool toStderr = request.output == OutputMode::Inherit ||
                      (request.output == OutputMode::StdoutOnly && !request.discardStderr);
      if (toStderr) fputs(failed.output.c_str(), stderr);
      failed.output.clear();
    }
    return std::make_unique<SpawnedProcess>(std::move(failed));
  }
  pipe.closeWrite();
  return std::make_unique<SpawnedProcess>(pid, capture ? pipe.releaseRead() : -1, request.deadline);
}

std::optional<std::string> PosixJailSystem::sysctl(const std::string& name) {
  RunRequest request{sysctlCommand_};
  request.argv.push_back("-n");
  request.argv.push_back(name);
  request.output = OutputMode::StdoutOnly;
  request.discardStderr = true;  // "unknown oid": the status says it
  RunResult r = run(request);
  if (!r.ok()) return std::nullopt;
  while (!r.output.empty() && (r.output.back() == '\n' || r.output.back() == ' ')) r.output.pop_back();
  return r.output;
}

}  // namespace rcjail
