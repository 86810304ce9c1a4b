// Jail cgroups: their names, finding the hierarchy, making and removing them.
#include "jail_cgroup.h"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>
#include <vector>

#include "jail_identity.h"
#include "linux_namespaces.h"
#include "text_fields.h"
#include "user_database.h"

namespace rcjail::compat {
namespace {

constexpr std::string_view kJailCgroupDirectory = "/rcjail/";

// mountinfo escapes blanks, tabs, newlines and backslashes as \ooo.
std::string unescapeMountField(std::string_view field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size()) {
      const std::string digits(field.substr(i + 1, 3));
      if (digits.find_first_not_of("01234567") == std::string::npos) {
        out += static_cast<char>(std::stoi(digits, nullptr, 8));
        i += 3;
        continue;
      }
    }
    out += field[i];
  }
  return out;
}

std::optional<unsigned long long> number(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 19)
    return std::nullopt;
  return std::stoull(text);
}

std::string errorText(const std::string& what) { return what + ": " + std::strerror(errno); }

// Removes the cgroup at `directory` if it is empty: its id, or 0.
std::uint64_t removeCgroup(const std::string& directory) {
  const std::uint64_t id = cgroupId(directory);
  return id != 0 && rmdir(directory.c_str()) == 0 ? id : 0;
}

// The jail cgroups whose jail has ended: a jail that ended by itself
// leaves its (empty) cgroup behind. For one of this PID namespace, that
// its init is gone is proof enough; one of another PID namespace (a test's,
// which may be gone with all its jails) goes only if it is empty, and rmdir
// fails on a cgroup that still has a process, so nothing running is
// touched. The caller keeps other jail(8)s from making cgroups meanwhile.
void removeStaleJailCgroups(const std::string& parent, unsigned long long pidNamespace,
                            const std::function<void(std::uint64_t id)>& removed) {
  DIR* dir = opendir(parent.c_str());
  if (!dir) return;
  while (const dirent* entry = readdir(dir)) {
    std::optional<JailCgroupName> name = parseJailCgroupPath(std::string(kJailCgroupDirectory) + entry->d_name);
    if (!name || (name->pidNamespace == pidNamespace && processStartTime(name->pid) == name->startTime)) continue;
    if (const std::uint64_t id = removeCgroup(parent + "/" + entry->d_name)) removed(id);
  }
  closedir(dir);
}

}  // namespace

std::optional<std::string> cgroup2MountPoint(const std::string& mountinfo) {
  for (std::string_view line : splitAt(mountinfo, '\n')) {
    const size_t dash = line.find(" - ");
    if (dash == std::string_view::npos) continue;
    std::istringstream after{std::string(line.substr(dash + 3))};
    std::string type;
    after >> type;
    if (type != "cgroup2") continue;
    std::istringstream before{std::string(line.substr(0, dash))};
    std::string id, parent, device, root, mountPoint;
    before >> id >> parent >> device >> root >> mountPoint;
    if (root == "/" && !mountPoint.empty()) return unescapeMountField(mountPoint);
  }
  return std::nullopt;
}

std::optional<std::string> unifiedCgroupPath(const std::string& procCgroup) {
  for (std::string_view line : splitAt(procCgroup, '\n'))
    if (line.starts_with("0::")) return std::string(line.substr(3));
  return std::nullopt;
}

std::string jailCgroupPath(const JailCgroupName& name) {
  return std::string(kJailCgroupDirectory) + std::to_string(name.pidNamespace) + "-" + std::to_string(name.pid) +
         "-" + std::to_string(name.startTime);
}

std::optional<JailCgroupName> parseJailCgroupPath(const std::string& path) {
  if (!path.starts_with(kJailCgroupDirectory)) return std::nullopt;
  const std::vector<std::string_view> parts = splitAt(std::string_view(path).substr(kJailCgroupDirectory.size()), '-');
  if (parts.size() != 3) return std::nullopt;
  std::optional<unsigned long long> ns = number(std::string(parts[0]));
  std::optional<unsigned long long> pid = number(std::string(parts[1]));
  std::optional<unsigned long long> start = number(std::string(parts[2]));
  if (!ns || !pid || !start || *pid == 0 || *pid > 4194304) return std::nullopt;
  JailCgroupName name{*ns, static_cast<pid_t>(*pid), *start};
  // Only the canonical spelling: "007" is not the name of any jail's cgroup.
  if (jailCgroupPath(name) != path) return std::nullopt;
  return name;
}

std::string withCgroupHierarchy(const std::function<std::string(const std::string& mount)>& action) {
  if (std::optional<std::string> mount = cgroup2MountPoint(readTextFile("/proc/self/mountinfo"))) return action(*mount);
  return inChildProcess([&] {
    // sysfs always has the directory; the mount dies with the namespace.
    const char* privateMount = "/sys/fs/cgroup";
    if (unshare(CLONE_NEWNS) != 0) return errorText("unshare");
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return errorText("mount --make-rprivate /");
    if (mount("cgroup2", privateMount, "cgroup2", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
      return errorText("mount cgroup2");
    return action(privateMount);
  });
}

std::string jailCgroupParent(const std::string& mount) {
  return mount + std::string(kJailCgroupDirectory.substr(0, kJailCgroupDirectory.size() - 1));
}

std::uint64_t cgroupId(const std::string& directory) {
  struct stat status {};
  return stat(directory.c_str(), &status) == 0 ? status.st_ino : 0;
}

std::string makeJailCgroup(const std::string& mount, const JailCgroupName& name,
                           const std::function<void(std::uint64_t id)>& removed, std::string& error) {
  removeStaleJailCgroups(jailCgroupParent(mount), name.pidNamespace, removed);
  const std::string directory = mount + jailCgroupPath(name);
  if (mkdir(directory.c_str(), 0755) != 0) {
    error = errorText("mkdir " + directory);
    return {};
  }
  return directory;
}

std::string moveIntoCgroup(const std::string& directory, pid_t pid) {
  const std::string file = directory + "/cgroup.procs";
  const int fd = open(file.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return errorText("open " + file);
  const std::string text = std::to_string(pid);
  const bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const std::string error = written ? std::string() : errorText("write " + file);
  close(fd);
  return error;
}

std::string jailCgroupOfProcess(pid_t pid, int pidfd) {
  std::optional<std::string> path = unifiedCgroupPath(readTextFile("/proc/" + std::to_string(pid) + "/cgroup"));
  if (!path || !parseJailCgroupPath(*path)) return {};
  if (syscall(SYS_pidfd_send_signal, pidfd, 0, nullptr, 0) != 0) return {};
  return *path;
}

std::uint64_t removeJailCgroup(const std::string& mount, const std::string& path) {
  return path.empty() ? 0 : removeCgroup(mount + path);
}

}  // namespace rcjail::compat
