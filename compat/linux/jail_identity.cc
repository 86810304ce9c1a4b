// Jail inits proven through /proc, held and acted on through pidfds.
#include "jail_identity.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "linux_namespaces.h"

namespace rcjail::compat {
namespace {

std::string errorText(const std::string& what) { return what + ": " + std::strerror(errno); }

std::string procPath(pid_t pid, const char* entry) { return "/proc/" + std::to_string(pid) + "/" + entry; }

std::optional<NamespaceId> namespaceAt(const std::string& path) {
  struct stat st{};
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  return NamespaceId{static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
}

// The pid a process has in its own (innermost) PID namespace.
std::optional<pid_t> innermostPid(pid_t pid) {
  std::ifstream in(procPath(pid, "status"));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("NSpid:")) continue;
    std::istringstream fields(line.substr(6));
    long value = 0;
    long last = 0;
    while (fields >> value) last = value;
    if (last <= 0) return std::nullopt;
    return static_cast<pid_t>(last);
  }
  return std::nullopt;
}

std::vector<pid_t> procPids() {
  std::vector<pid_t> pids;
  DIR* proc = opendir("/proc");
  if (!proc) return pids;
  while (const dirent* entry = readdir(proc)) {
    char* end = nullptr;
    const long pid = std::strtol(entry->d_name, &end, 10);
    if (*end == '\0' && pid > 0) pids.push_back(static_cast<pid_t>(pid));
  }
  closedir(proc);
  std::sort(pids.begin(), pids.end());
  return pids;
}

// A pidfd turns readable once its process has ended.
bool pidfdEnded(int pidfd, int timeoutMs) {
  pollfd fd{pidfd, POLLIN, 0};
  int ready;
  while ((ready = poll(&fd, 1, timeoutMs)) < 0 && errno == EINTR) {
  }
  return ready > 0;
}

// Inside a jail, a child jail's names are read where its processes are: by
// a child process that joins its user namespace too, which jails inside a
// jail live in (enterMappedUserNamespace), and so cannot come back. It
// writes "=" and the two names with a NUL between them, or an error text.
std::optional<JailNames> namesFromChildProcess(const JailInit& init) {
  const std::string text = inChildProcess([&] {
    if (setns(init.descriptor(), CLONE_NEWUSER | CLONE_NEWUTS) != 0) return errorText("setns");
    utsname now{};
    if (uname(&now) != 0) return errorText("uname");
    return "=" + std::string(now.nodename) + '\0' + now.domainname;
  });
  const size_t split = text.find('\0');
  if (!text.starts_with("=") || split == std::string::npos) return std::nullopt;
  return JailNames{text.substr(1, split - 1), text.substr(split + 1)};
}

}  // namespace

int pidfdOpen(pid_t pid) { return static_cast<int>(syscall(SYS_pidfd_open, pid, 0)); }

bool matchesRecordedInit(const JailRecord& record, const ProcessFacts& facts) {
  return record.jailNamespace.known() && facts.pidNamespace == record.jailNamespace &&
         facts.pidInOwnNamespace == 1 && facts.startTime == record.initStartTime;
}

std::string judgeJailInit(const JailRecord& record, pid_t pid, const ProcessFacts& facts,
                          const NamespaceId& caller, pid_t self) {
  const std::string jail = "jail " + std::to_string(record.jid) + ": ";
  if (!record.jailNamespace.known()) return jail + "its record names no PID namespace";
  if (!caller.known()) return jail + "this process's PID namespace is unknown";
  if (record.jailNamespace == caller) return jail + "its recorded PID namespace is this process's own";
  if (pid <= 1 || pid == self) return jail + "its init would be PID 1 or this process";
  if (facts.pidNamespace == caller) return jail + "process " + std::to_string(pid) + " is not inside a jail";
  if (!matchesRecordedInit(record, facts))
    return jail + "process " + std::to_string(pid) + " does not match the record";
  return {};
}

std::optional<NamespaceId> pidNamespaceOf(pid_t pid) { return namespaceAt(procPath(pid, "ns/pid")); }

std::optional<ProcessFacts> readProcessFacts(pid_t pid) {
  std::optional<unsigned long long> start = processStartTime(pid);
  std::optional<NamespaceId> ns = pidNamespaceOf(pid);
  std::optional<pid_t> inner = innermostPid(pid);
  if (!start || !ns || !inner) return std::nullopt;
  return ProcessFacts{*start, *ns, *inner};
}

NamespaceId callerPidNamespace() { return namespaceAt("/proc/self/ns/pid").value_or(NamespaceId{}); }

std::string checkProcBelongsToCaller() {
  // NSpid lists a process's pids from the namespace of the /proc it is read
  // through down to its own: one field, this pid, when that /proc is ours.
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("NSpid:")) continue;
    std::istringstream fields(line.substr(6));
    std::vector<long> pids;
    long value = 0;
    while (fields >> value) pids.push_back(value);
    if (pids.size() == 1 && pids.front() == getpid() && callerPidNamespace().known()) return {};
    break;
  }
  return "/proc does not belong to this process's PID namespace; refusing to act on jails "
         "(mount a procfs of this namespace on /proc)";
}

std::optional<pid_t> findJailInit(const JailRecord& record, const NamespaceId& caller) {
  if (!record.jailNamespace.known()) return std::nullopt;
  // Made from here, its init's pid is one of this namespace's: if that
  // process is not the init, the init is gone. Only a record made from
  // another namespace (inside a jail) needs a search of /proc.
  if (record.ownerNamespace == caller && record.initPid > 0) {
    if (std::optional<ProcessFacts> facts = readProcessFacts(record.initPid))
      if (matchesRecordedInit(record, *facts)) return record.initPid;
    return std::nullopt;
  }
  // The caller's own jail: its init is PID 1 here, whose namespace links the
  // caller may not read (an init that mounts for its jail keeps capabilities
  // that its jail's processes lack, ptrace(2)); its start time it may.
  if (record.jailNamespace == caller) {
    const std::optional<unsigned long long> start = processStartTime(1);
    if (start && matchesRecordedInit(record, ProcessFacts{*start, caller, 1})) return 1;
    return std::nullopt;
  }
  for (pid_t pid : procPids()) {
    if (pidNamespaceOf(pid) != std::optional<NamespaceId>(record.jailNamespace)) continue;
    if (std::optional<ProcessFacts> facts = readProcessFacts(pid))
      if (matchesRecordedInit(record, *facts)) return pid;
  }
  return std::nullopt;
}

InitState probeJailInit(const JailRecord& record, const NamespaceId& caller) {
  if (!record.jailNamespace.known()) return InitState::Unknown;
  return findJailInit(record, caller) ? InitState::Live : InitState::Gone;
}

JailInit::JailInit(pid_t pid, int pidfd, unsigned long long startTime, NamespaceId ns)
    : pid_(pid), pidfd_(pidfd), startTime_(startTime), namespace_(ns) {}

JailInit::~JailInit() {
  if (pidfd_ >= 0) close(pidfd_);
}

std::unique_ptr<JailInit> JailInit::open(const JailRecord& record, std::string& error) {
  error = checkProcBelongsToCaller();
  if (!error.empty()) return nullptr;
  const NamespaceId caller = callerPidNamespace();
  const std::optional<pid_t> pid = findJailInit(record, caller);
  if (!pid) {
    error = "jail " + std::to_string(record.jid) + ": no running process matches its record";
    return nullptr;
  }
  // Proven before the pidfd is taken and again after: the pidfd then holds
  // the very process that was judged, whatever happens to the pid later.
  std::optional<ProcessFacts> facts = readProcessFacts(*pid);
  error = facts ? judgeJailInit(record, *pid, *facts, caller, getpid()) : "jail: its init ended";
  if (!error.empty()) return nullptr;
  const int pidfd = pidfdOpen(*pid);
  if (pidfd < 0) {
    error = errorText("pidfd_open");
    return nullptr;
  }
  facts = readProcessFacts(*pid);
  error = facts ? judgeJailInit(record, *pid, *facts, caller, getpid()) : "jail: its init ended";
  if (!error.empty() || pidfdEnded(pidfd, 0)) {
    if (error.empty()) error = "jail " + std::to_string(record.jid) + ": its init ended";
    close(pidfd);
    return nullptr;
  }
  return std::unique_ptr<JailInit>(new JailInit(*pid, pidfd, facts->startTime, facts->pidNamespace));
}

std::unique_ptr<JailInit> JailInit::adopt(pid_t pid, std::string& error) {
  const int pidfd = pidfdOpen(pid);
  if (pidfd < 0) {
    error = errorText("pidfd_open");
    return nullptr;
  }
  std::optional<ProcessFacts> facts = readProcessFacts(pid);
  const NamespaceId caller = callerPidNamespace();
  if (!facts || !caller.known() || facts->pidNamespace == caller || facts->pidInOwnNamespace != 1 || pid <= 1 ||
      pid == getpid() || pidfdEnded(pidfd, 0)) {
    error = "the jail's init " + std::to_string(pid) + " is not the init of a new PID namespace";
    close(pidfd);
    return nullptr;
  }
  return std::unique_ptr<JailInit>(new JailInit(pid, pidfd, facts->startTime, facts->pidNamespace));
}

std::string JailInit::signal(int signal) const {
  if (pid_ <= 1 || pid_ == getpid()) return "refusing to signal PID 1 or this process";
  if (syscall(SYS_pidfd_send_signal, pidfd_, signal, nullptr, 0) != 0 && errno != ESRCH)
    return std::strerror(errno);
  return {};
}

bool JailInit::alive() const { return !pidfdEnded(pidfd_, 0); }

bool JailInit::waitGone(int timeoutMs) const { return pidfdEnded(pidfd_, timeoutMs); }

std::vector<pid_t> JailInit::processes() const {
  std::vector<pid_t> pids;
  if (!alive()) return pids;  // the namespace number is only ours while its init lives
  for (pid_t pid : procPids()) {
    if (pid == pid_ || pidNamespaceOf(pid) != std::optional<NamespaceId>(namespace_)) continue;
    if (processStartTime(pid)) pids.push_back(pid);
  }
  return pids;
}

std::string enterJailOf(pid_t pid, int pidfd) {
  const int root = ::open(procPath(pid, "root").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) return errorText(procPath(pid, "root"));
  // Only the namespaces that differ from ours are joined. A child of a jail
  // inside a jail lives in a user namespace of its own
  // (enterMappedUserNamespace), which its processes join too; there the
  // host's network namespace, which a jail without vnet shares, is not
  // theirs to join again.
  int types = 0;
  for (const auto& [name, type] : {std::pair{"user", CLONE_NEWUSER}, std::pair{"ipc", CLONE_NEWIPC},
                                   std::pair{"uts", CLONE_NEWUTS}, std::pair{"net", CLONE_NEWNET},
                                   std::pair{"pid", CLONE_NEWPID}, std::pair{"mnt", CLONE_NEWNS}})
    if (namespaceAt(procPath(pid, "ns/").append(name)) != namespaceAt(std::string("/proc/self/ns/") + name))
      types |= type;
  // Still alive after the open: the pid was not reused, the root is the jail's.
  if (pidfdEnded(pidfd, 0)) {
    close(root);
    return std::strerror(ESRCH);
  }
  std::string error;
  if (types != 0 && setns(pidfd, types) != 0)
    error = errorText("setns");
  // The init's root is the jail's root whether it got there by pivot_root or chroot.
  else if (fchdir(root) != 0 || chroot(".") != 0 || chdir("/") != 0)
    error = errorText("chroot");
  close(root);
  return error;
}

std::string runInsideJail(const JailInit& init, const std::function<std::string()>& action) {
  return inChildProcess([&] {
    std::string error = enterJailOf(init.pid(), init.descriptor());
    return error.empty() ? action() : error;
  });
}

std::optional<JailNames> currentJailNames(const JailInit& init) {
  if (!mayMakeNamespaces()) return namesFromChildProcess(init);
  const int own = ::open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
  if (own < 0) return std::nullopt;
  std::optional<JailNames> names;
  if (setns(init.descriptor(), CLONE_NEWUTS) == 0) {
    utsname now{};
    if (uname(&now) == 0) names = JailNames{now.nodename, now.domainname};
    // Back home; whoever could join the jail's may (jls uses no name of its own).
    (void)setns(own, CLONE_NEWUTS);
  }
  close(own);
  return names;
}

int stopRequestSignal() { return SIGRTMIN; }

}  // namespace rcjail::compat
