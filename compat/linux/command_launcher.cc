// fork, enter, switch user, exec.
#include "command_launcher.h"

#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "jail_restrictions.h"
#include "linux_namespaces.h"
#include "jail_broker.h"
#include "child_procfs.h"
#include "network_confinement.h"
#include "user_database.h"

namespace rcjail::compat {
namespace {

// FreeBSD's default login class path: what exec.clean and jexec -l get there.
constexpr const char* kCleanPath = "/sbin:/bin:/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin";

[[noreturn]] void die(const LaunchSpec& spec, const std::string& what) {
  const std::string line = spec.errorPrefix + what + "\n";
  (void)!write(STDERR_FILENO, line.data(), line.size());
  _exit(1);
}

void resetSignals() {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int signal : {SIGCHLD, SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2})
    std::signal(signal, SIG_DFL);
}

bool needsUser(const LaunchSpec& spec) { return spec.clean || !spec.user.empty(); }

struct ResolvedUser {
  UserEntry entry;
  std::vector<gid_t> groups;
};

// The user from the passwd and group files under the current root.
ResolvedUser lookUpUser(const LaunchSpec& spec) {
  const std::string passwd = readTextFile("/etc/passwd");
  std::optional<UserEntry> entry =
      spec.user.empty() ? findUserById(passwd, getuid()) : findUser(passwd, spec.user);
  if (!entry)
    die(spec, spec.user.empty() ? "unknown uid " + std::to_string(getuid()) : spec.user + ": no such user");
  return {*entry, groupsOfUser(readTextFile("/etc/group"), entry->name, entry->gid)};
}

// The one place where a process that entered a jail gives up what the
// jail's root may not do, before it switches user or executes anything.
void restrictOrDie(const LaunchSpec& spec, int brokerChannel) {
  if (!spec.privileges) die(spec, "jail_attach: the jail's restrictions are unknown");
  // An init without a channel was started before jail -m asked for one.
  const JailPrivileges privileges = brokerChannel < 0 ? withoutBroker(*spec.privileges) : *spec.privileges;
  if (std::string error = restrictToJail(privileges, brokerChannel); !error.empty())
    die(spec, "jail_attach: " + error);
}

// `brokerChannel`: the jail init's, where it mounts for the jail's root.
[[noreturn]] void execute(const LaunchSpec& spec, std::optional<ResolvedUser> user, int brokerChannel) {
  if (spec.inJail) restrictOrDie(spec, brokerChannel);
  if (needsUser(spec)) {
    if (!user) user = lookUpUser(spec);
    if (spec.clean) {
      const char* term = std::getenv("TERM");
      const std::string keptTerm = term ? term : "";
      clearenv();
      setenv("PATH", kCleanPath, 1);
      if (term) setenv("TERM", keptTerm.c_str(), 1);
    }
    if (!spec.user.empty()) {
      if (setgroups(user->groups.size(), user->groups.data()) != 0)
        die(spec, "setgroups " + user->entry.name + ": " + std::strerror(errno));
      if (setgid(user->entry.gid) != 0)
        die(spec, "setgid " + std::to_string(user->entry.gid) + ": " + std::strerror(errno));
      if (setuid(user->entry.uid) != 0)
        die(spec, "setuid " + std::to_string(user->entry.uid) + ": " + std::strerror(errno));
    }
    setenv("USER", user->entry.name.c_str(), 1);
    setenv("HOME", user->entry.home.c_str(), 1);
    setenv("SHELL", user->entry.shell.empty() ? "/bin/sh" : user->entry.shell.c_str(), 1);
    if (spec.chdirHome && chdir(user->entry.home.c_str()) != 0)
      die(spec, "chdir " + user->entry.home + ": " + std::strerror(errno));
  }
  if (!spec.directory.empty() && chdir(spec.directory.c_str()) != 0)
    die(spec, "chdir " + spec.directory + ": " + std::strerror(errno));
  for (const auto& [name, value] : spec.environment) setenv(name.c_str(), value.c_str(), 1);
  if (spec.outputFd >= 0 && (dup2(spec.outputFd, STDOUT_FILENO) < 0 || dup2(spec.outputFd, STDERR_FILENO) < 0))
    die(spec, std::string("exec.consolelog: ") + std::strerror(errno));
  // A jail that makes jails: its processes keep the init's channel, over
  // which a child jail's holder asks for its procfs (child_procfs.h).
  const bool keepChannel = spec.inJail && spec.privileges && spec.privileges->childProcfs && brokerChannel >= 0;
  if (keepChannel && brokerChannel != kChildProcfsFd && dup2(brokerChannel, kChildProcfsFd) < 0)
    die(spec, std::string("dup2: ") + std::strerror(errno));
  if (keepChannel) fcntl(kChildProcfsFd, F_SETFD, 0);
  closeDescriptorsFrom(3, keepChannel ? kChildProcfsFd : -1);
  std::vector<std::string> words = spec.command.argv;
  if (words.empty()) {
    const char* shell = std::getenv("SHELL");
    words = {shell && *shell ? shell : "/bin/sh", "-i"};
  }
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  die(spec, spec.execErrorWord + " " + words[0] + ": " + std::strerror(errno));
}

// A user of the host's passwd must be looked up before the jail's root hides it.
std::optional<ResolvedUser> hostUserBeforeEntering(const LaunchSpec& spec) {
  if (spec.inJail && spec.userFromHost && needsUser(spec)) return lookUpUser(spec);
  return std::nullopt;
}

// `pidfd`: the jail init's, which may have been moved to a low descriptor.
// Returns the init's channel, or -1 where it does nothing for the jail's root.
int enterOrDie(const LaunchSpec& spec, int pidfd) {
  if (!spec.jail) die(spec, std::string("jail_attach: ") + std::strerror(ESRCH));
  // The jail's cgroup first, so that its network rules hold from the start.
  std::string error = joinJailConfinement(spec.jail->pid(), pidfd);
  if (error.empty()) error = enterJailOf(spec.jail->pid(), pidfd);
  if (!error.empty()) die(spec, "jail_attach(" + std::to_string(spec.jail->pid()) + "): " + error);
  return spec.privileges && spec.privileges->hasBroker() ? takeBrokerChannel(pidfd) : -1;
}

int waitFor(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) return W_EXITCODE(1, 0);
  return status;
}

// jail(8)'s next child is born in the jail's PID namespace: setns() into a
// PID namespace applies to the caller's children only, so an in-jail
// command needs no helper that enters and forks again. Back to jail(8)'s own
// namespace right after the fork: its later children (other jails' inits)
// must not be born inside this jail.
class ChildPidNamespace {
 public:
  explicit ChildPidNamespace(int jailPidfd) : own_(open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC)) {
    if (own_ < 0 || setns(jailPidfd, CLONE_NEWPID) != 0) error_ = std::string("setns pid: ") + std::strerror(errno);
  }
  ~ChildPidNamespace() {
    if (own_ >= 0) close(own_);
  }
  ChildPidNamespace(const ChildPidNamespace&) = delete;
  ChildPidNamespace& operator=(const ChildPidNamespace&) = delete;
  const std::string& error() const { return error_; }
  void restore() {
    if (error_.empty() && setns(own_, CLONE_NEWPID) != 0)
      throw std::runtime_error(std::string("setns back to jail(8)'s PID namespace: ") + std::strerror(errno));
  }

 private:
  int own_;
  std::string error_;
};

}  // namespace

int exitCodeOf(int waitStatus) {
  if (WIFEXITED(waitStatus)) return WEXITSTATUS(waitStatus);
  if (WIFSIGNALED(waitStatus)) return 128 + WTERMSIG(waitStatus);
  return 1;
}

pid_t launchCommand(const LaunchSpec& given) {
  std::optional<ChildPidNamespace> pidNamespace;
  // jail(8) inside a jail may not join its child jail's PID namespace
  // itself (it has no CAP_SYS_ADMIN, and could not come back from the child
  // jail's user namespace): its child enters, then forks the command.
  const bool forkInside = given.inJail && given.jail && !mayMakeNamespaces();
  if (given.inJail && given.jail && !forkInside) pidNamespace.emplace(given.jail->descriptor());
  const pid_t pid = fork();
  if (pid != 0) {
    if (pidNamespace) pidNamespace->restore();
    return pid;
  }
  resetSignals();
  // The child lives as long as its command: it must not keep jail(8)'s
  // other descriptors (other jails' init sockets, the -J file) open that long.
  LaunchSpec spec = given;
  // The console log and the jail's pidfd go to 3 and 4 by way of high
  // descriptors, so that neither overwrites the other, then the rest closes.
  const int outputHigh = spec.outputFd >= 0 ? fcntl(spec.outputFd, F_DUPFD_CLOEXEC, 64) : -1;
  const int pidfdHigh = spec.inJail && spec.jail ? fcntl(spec.jail->descriptor(), F_DUPFD_CLOEXEC, 64) : -1;
  int next = 3;
  if (spec.outputFd >= 0) {
    if (outputHigh < 0 || dup2(outputHigh, next) < 0) die(spec, std::string("dup2: ") + std::strerror(errno));
    spec.outputFd = next++;
  }
  int pidfd = -1;
  if (spec.inJail && spec.jail) {
    if (pidfdHigh < 0 || dup2(pidfdHigh, next) < 0) die(spec, std::string("dup2: ") + std::strerror(errno));
    fcntl(next, F_SETFD, FD_CLOEXEC);
    pidfd = next++;
  }
  closeDescriptorsFrom(next);
  if (spec.command.background) setsid();
  std::optional<ResolvedUser> hostUser = hostUserBeforeEntering(spec);
  if (pidNamespace && !pidNamespace->error().empty())
    die(spec, "jail_attach(" + std::to_string(spec.jail->pid()) + "): " + pidNamespace->error());
  const int brokerChannel = spec.inJail ? enterOrDie(spec, pidfd) : -1;
  if (forkInside) {
    const pid_t command = fork();
    if (command < 0) die(spec, std::string("fork: ") + std::strerror(errno));
    // Here until the command ends, with its status: jail(8) waits for this process.
    if (command > 0) {
      const int status = waitFor(command);
      if (WIFSIGNALED(status)) raise(WTERMSIG(status));
      _exit(exitCodeOf(status));
    }
  }
  execute(spec, hostUser, brokerChannel);
}

int runCommandAndWait(const LaunchSpec& spec) {
  std::optional<ResolvedUser> hostUser = hostUserBeforeEntering(spec);
  const int brokerChannel = spec.inJail ? enterOrDie(spec, spec.jail ? spec.jail->descriptor() : -1) : -1;
  const pid_t child = fork();
  if (child == 0) {
    resetSignals();
    execute(spec, hostUser, brokerChannel);
  }
  if (child < 0) die(spec, std::string("fork: ") + std::strerror(errno));
  // Like system(3): the terminal's signals are for the command.
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGQUIT, SIG_IGN);
  return waitFor(child);
}

}  // namespace rcjail::compat
