// Namespaces and processes through /proc, unshare(2) and setns(2).
#include "linux_namespaces.h"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

namespace rcjail::compat {
namespace {

std::string errorText(const std::string& what) { return what + ": " + std::strerror(errno); }

std::string procPath(pid_t pid, const char* entry) {
  return "/proc/" + std::to_string(pid) + "/" + entry;
}

struct ProcStat {
  char state = '?';
  unsigned long long startTime = 0;
};

std::optional<ProcStat> readProcStat(pid_t pid) {
  std::ifstream in(procPath(pid, "stat"));
  std::string text;
  if (!in || !std::getline(in, text)) return std::nullopt;
  const size_t paren = text.rfind(')');
  if (paren == std::string::npos) return std::nullopt;
  std::istringstream fields(text.substr(paren + 1));
  ProcStat stat;
  std::string field;
  fields >> stat.state;
  // starttime is field 22; the state was field 3.
  for (int index = 4; index <= 22 && fields >> field; ++index)
    if (index == 22) stat.startTime = std::strtoull(field.c_str(), nullptr, 10);
  return stat;
}

// A helper child unshares a user namespace (and, with `type`, a namespace
// owned by it: unshare makes the user namespace first); `join` then works on
// it from the caller, by the helper's pid. The helper waits for that, so
// that its namespaces are there to join.
std::string withNamespaceHelper(int type, const std::function<std::string(pid_t)>& join) {
  std::array<int, 2> ready{-1, -1};
  std::array<int, 2> hold{-1, -1};
  if (pipe2(ready.data(), O_CLOEXEC) != 0) return errorText("pipe");
  if (pipe2(hold.data(), O_CLOEXEC) != 0) {
    close(ready[0]);
    close(ready[1]);
    return errorText("pipe");
  }
  const pid_t helper = fork();
  if (helper == 0) {
    close(ready[0]);
    close(hold[1]);
    const int status = unshare(CLONE_NEWUSER | type) == 0 ? 0 : errno;
    (void)!write(ready[1], &status, sizeof status);
    char byte = 0;
    (void)!read(hold[0], &byte, 1);  // until the caller has joined, or is gone
    _exit(0);
  }
  close(ready[1]);
  close(hold[0]);
  int status = 0;
  std::string error;
  if (helper < 0)
    error = errorText("fork");
  else if (read(ready[0], &status, sizeof status) != sizeof status)
    error = "the namespace helper exited";
  else if (status != 0)
    error = std::string("unshare: ") + std::strerror(status);
  else
    error = join(helper);
  close(ready[0]);
  close(hold[1]);
  if (helper > 0) waitpid(helper, nullptr, 0);
  return error;
}

// By a pidfd, not /proc: a jail's root may have no procfs of its own yet.
std::string joinNamespaceOf(pid_t pid, const char* name, int type) {
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  std::string error;
  if (pidfd < 0 || setns(pidfd, type) != 0) error = errorText(std::string("setns ") + name);
  if (pidfd >= 0) close(pidfd);
  return error;
}

// The caller joins only the namespace of `type`, which its capabilities in
// the parent user namespace allow.
std::string joinOwnedNamespace(int type) {
  return withNamespaceHelper(type, [type](pid_t helper) {
    return joinNamespaceOf(helper, type == CLONE_NEWNS ? "mnt" : "uts", type);
  });
}

std::string writeFile(const std::string& path, const std::string& text) {
  const int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  const bool written = fd >= 0 && write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  std::string error = written ? std::string() : errorText("write " + path);
  if (fd >= 0) close(fd);
  return error;
}

}  // namespace

int jailNamespaceFlags(bool vnet) {
  return CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | (vnet ? CLONE_NEWNET : 0);
}

bool mayMakeNamespaces() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  std::array<__user_cap_data_struct, 2> data{};
  if (syscall(SYS_capget, &header, data.data()) != 0) return false;
  return (data[CAP_SYS_ADMIN / 32].effective >> (CAP_SYS_ADMIN % 32)) & 1U;
}

std::string enterMappedUserNamespace() {
  return withNamespaceHelper(0, [](pid_t helper) {
    // Every id is itself: the host's root is the namespace's root.
    constexpr const char* kIdentity = "0 0 4294967295\n";
    std::string error = writeFile(procPath(helper, "uid_map"), kIdentity);
    if (error.empty()) error = writeFile(procPath(helper, "gid_map"), kIdentity);
    if (error.empty()) error = joinNamespaceOf(helper, "user", CLONE_NEWUSER);
    return error;
  });
}

std::string unshareJailNamespaces(bool vnet, bool ownedUts) {
  if (ownedUts)
    if (std::string error = joinOwnedNamespace(CLONE_NEWUTS); !error.empty())
      return "allow.set_hostname: " + error;
  if (unshare(jailNamespaceFlags(vnet) & ~(ownedUts ? CLONE_NEWUTS : 0)) != 0) return errorText("unshare");
  return {};
}

std::string lockMountNamespace() {
  if (std::string error = joinOwnedNamespace(CLONE_NEWNS); !error.empty()) return "allow.mount.nullfs: " + error;
  return chdir("/") == 0 ? std::string() : errorText("chdir /");
}

std::optional<unsigned long long> processStartTime(pid_t pid) {
  std::optional<ProcStat> stat = readProcStat(pid);
  if (!stat || stat->state == 'Z' || stat->state == 'X') return std::nullopt;
  return stat->startTime;
}

namespace {

void closeRange(unsigned first, unsigned last) {
  if (close_range(first, last, 0) == 0) return;
  const long limit = sysconf(_SC_OPEN_MAX);
  for (unsigned long fd = first; fd <= last && fd < static_cast<unsigned long>(limit > 0 ? limit : 1024); ++fd)
    close(static_cast<int>(fd));
}

}  // namespace

void closeDescriptorsFrom(int first, int keep) {
  if (keep < first) return closeRange(static_cast<unsigned>(first), ~0U);
  if (keep > first) closeRange(static_cast<unsigned>(first), static_cast<unsigned>(keep - 1));
  closeRange(static_cast<unsigned>(keep + 1), ~0U);
}

std::string readUntilClosed(int fd) {
  std::string text;
  char buffer[512];
  ssize_t got;
  while ((got = read(fd, buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR))
    if (got > 0) text.append(buffer, static_cast<size_t>(got));
  close(fd);
  return text;
}

std::string inChildProcess(const std::function<std::string()>& work) {
  int channel[2];
  if (pipe2(channel, O_CLOEXEC) != 0) return std::string("pipe: ") + std::strerror(errno);
  const pid_t child = fork();
  if (child == 0) {
    close(channel[0]);
    const std::string error = work();
    (void)!write(channel[1], error.data(), error.size());
    _exit(error.empty() ? 0 : 1);
  }
  close(channel[1]);
  std::string error = readUntilClosed(channel[0]);
  if (child < 0) return std::string("fork: ") + std::strerror(errno);
  while (waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
  }
  return error;
}

}  // namespace rcjail::compat
