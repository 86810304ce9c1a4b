// Namespaces and processes through /proc, unshare(2) and setns(2).
#include "linux_namespaces.h"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

namespace rcjail::compat {
namespace {

std::string errorText(const std::string& what) { return what + ": " + std::strerror(errno); }

std::string procPath(pid_t pid, const char* entry) {
  return "/proc/" + std::to_string(pid) + "/" + entry;
}

// An fd that closes itself.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  Descriptor(Descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  ~Descriptor() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

bool sameFile(int fd, const std::string& path) {
  struct stat a{};
  struct stat b{};
  return fstat(fd, &a) == 0 && stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev &&
         a.st_ino == b.st_ino;
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

}  // namespace

int jailNamespaceFlags(bool vnet) {
  return CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | (vnet ? CLONE_NEWNET : 0);
}

std::string unshareJailNamespaces(bool vnet) {
  if (unshare(jailNamespaceFlags(vnet)) != 0) return errorText("unshare");
  return {};
}

std::string enterJail(pid_t initPid) {
  // The mount namespace comes last: after it, /proc/PID of the host is gone.
  static constexpr std::array<const char*, 5> kKinds{"ipc", "uts", "net", "pid", "mnt"};
  std::vector<std::pair<const char*, Descriptor>> namespaces;
  for (const char* kind : kKinds) {
    const std::string path = procPath(initPid, "ns/") + kind;
    Descriptor fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return errorText(path);
    if (sameFile(fd.get(), std::string("/proc/self/ns/") + kind)) continue;
    namespaces.emplace_back(kind, std::move(fd));
  }
  Descriptor root(open(procPath(initPid, "root").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (root.get() < 0) return errorText(procPath(initPid, "root"));
  for (auto& [kind, fd] : namespaces)
    if (setns(fd.get(), 0) != 0) return errorText(std::string("setns ") + kind);
  // The init's root is the jail's root whether it got there by pivot_root or chroot.
  if (fchdir(root.get()) != 0 || chroot(".") != 0 || chdir("/") != 0) return errorText("chroot");
  return {};
}

std::string runInsideJail(pid_t initPid, const std::function<std::string()>& action) {
  std::array<int, 2> channel{};
  if (pipe2(channel.data(), O_CLOEXEC) != 0) return errorText("pipe");
  const pid_t child = fork();
  if (child == 0) {
    close(channel[0]);
    std::string error = enterJail(initPid);
    if (error.empty()) error = action();
    (void)!write(channel[1], error.data(), error.size());
    _exit(error.empty() ? 0 : 1);
  }
  close(channel[1]);
  std::string error;
  char buffer[512];
  ssize_t got;
  while ((got = read(channel[0], buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR))
    if (got > 0) error.append(buffer, static_cast<size_t>(got));
  close(channel[0]);
  if (child < 0) return errorText("fork");
  while (waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
  }
  return error;
}

std::string enterNetworkNamespace(pid_t initPid) {
  const std::string path = procPath(initPid, "ns/net");
  Descriptor fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return errorText(path);
  if (setns(fd.get(), CLONE_NEWNET) != 0) return errorText("setns net");
  return {};
}

std::optional<unsigned long long> processStartTime(pid_t pid) {
  std::optional<ProcStat> stat = readProcStat(pid);
  if (!stat || stat->state == 'Z' || stat->state == 'X') return std::nullopt;
  return stat->startTime;
}

bool processAlive(pid_t pid, unsigned long long startTime) {
  std::optional<unsigned long long> actual = processStartTime(pid);
  return actual && *actual == startTime;
}

std::vector<pid_t> processesOfJail(pid_t initPid) {
  std::vector<pid_t> pids;
  struct stat jailNs{};
  if (stat(procPath(initPid, "ns/pid").c_str(), &jailNs) != 0) return pids;
  DIR* proc = opendir("/proc");
  if (!proc) return pids;
  while (const dirent* entry = readdir(proc)) {
    char* end = nullptr;
    const long pid = std::strtol(entry->d_name, &end, 10);
    if (*end != '\0' || pid <= 0 || pid == initPid) continue;
    struct stat ns{};
    if (stat(procPath(static_cast<pid_t>(pid), "ns/pid").c_str(), &ns) != 0) continue;
    if (ns.st_dev != jailNs.st_dev || ns.st_ino != jailNs.st_ino) continue;
    if (processStartTime(static_cast<pid_t>(pid))) pids.push_back(static_cast<pid_t>(pid));
  }
  closedir(proc);
  std::sort(pids.begin(), pids.end());
  return pids;
}

bool waitUntilGone(pid_t pid, unsigned long long startTime, int timeoutMs) {
  using namespace std::chrono;
  const auto deadline = steady_clock::now() + milliseconds(timeoutMs);
  while (processAlive(pid, startTime)) {
    if (steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(5));
  }
  return true;
}

std::string findProgram(const std::string& program) {
  std::string dirs;
  if (const char* path = std::getenv("PATH")) dirs = std::string(path) + ":";
  dirs += "/usr/local/sbin:/usr/sbin:/sbin:/usr/bin:/bin";
  std::istringstream list(dirs);
  std::string dir;
  while (std::getline(list, dir, ':')) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

void closeDescriptorsFrom(int first) {
  if (close_range(static_cast<unsigned>(first), ~0U, 0) == 0) return;
  const long limit = sysconf(_SC_OPEN_MAX);
  for (long fd = first; fd < (limit > 0 ? limit : 1024); ++fd) close(static_cast<int>(fd));
}

}  // namespace rcjail::compat
