// Mounts, the devfs stand-in, pivot_root and UTS settings through syscalls.
#include "linux_mounts.h"

#include <fcntl.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/vfs.h>
#include <linux/magic.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <sstream>

namespace rcjail::compat {
namespace {

std::string mountError(const std::string& target) {
  return "mount: " + target + ": " + std::strerror(errno);
}

struct DeviceNode {
  const char* name;
  unsigned major;
  unsigned minor;
};

// What a FreeBSD jail sees under devfs ruleset 4, as far as Linux has it.
constexpr std::array kDeviceNodes{
    DeviceNode{"null", 1, 3},   DeviceNode{"zero", 1, 5},    DeviceNode{"full", 1, 7},
    DeviceNode{"random", 1, 8}, DeviceNode{"urandom", 1, 9}, DeviceNode{"tty", 5, 0},
};

// mknod, or where that is not allowed, a bind of the host's node.
std::string makeDeviceNode(const std::string& dir, const DeviceNode& node) {
  const std::string path = dir + "/" + node.name;
  if (mknod(path.c_str(), S_IFCHR | 0666, makedev(node.major, node.minor)) == 0) {
    chmod(path.c_str(), 0666);  // mknod is subject to the umask
    return {};
  }
  const int fd = open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) return mountError(path);
  close(fd);
  const std::string host = std::string("/dev/") + node.name;
  if (mount(host.c_str(), path.c_str(), nullptr, MS_BIND, nullptr) != 0) return mountError(path);
  return {};
}

std::string makeDevfs(const std::string& target) {
  if (mount("devfs", target.c_str(), "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=755,size=1024k") != 0)
    return mountError(target);
  for (const DeviceNode& node : kDeviceNodes)
    if (std::string error = makeDeviceNode(target, node); !error.empty()) return error;
  const std::string pts = target + "/pts";
  mkdir(pts.c_str(), 0755);
  if (mount("devpts", pts.c_str(), "devpts", MS_NOSUID | MS_NOEXEC,
            "newinstance,ptmxmode=0666,mode=0620,gid=5") != 0)
    return mountError(pts);
  const std::string shm = target + "/shm";
  mkdir(shm.c_str(), 01777);
  if (mount("shm", shm.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777") != 0)
    return mountError(shm);
  static constexpr std::array<std::array<const char*, 2>, 4> kLinks{{
      {"pts/ptmx", "ptmx"},
      {"/proc/self/fd/0", "stdin"},
      {"/proc/self/fd/1", "stdout"},
      {"/proc/self/fd/2", "stderr"},
  }};
  for (const auto& [to, name] : kLinks)
    if (symlink(to, (target + "/" + name).c_str()) != 0) return mountError(target + "/" + name);
  return {};
}

// Linux has no fdescfs; /proc/self/fd shows the same descriptors.
std::string makeFdescfs(const std::string& target) {
  struct stat st{};
  if (lstat(target.c_str(), &st) == 0) {
    errno = EEXIST;
    return mountError(target);
  }
  if (symlink("/proc/self/fd", target.c_str()) != 0) return mountError(target);
  return {};
}

// mountinfo escapes blanks, tabs, newlines and backslashes as \\ooo.
std::string unescapeMountPath(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 3 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 3), nullptr, 8));
      i += 3;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::string makeMountsPrivate() {
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return mountError("/");
  return {};
}

std::string checkJailPathComponent(const std::string& paramName, const std::string& path,
                                   const std::string& jailPath, bool mayBeMissing) {
  if (path.empty() || path[0] != '/') return paramName + ": " + path + ": not an absolute pathname";
  if (path.compare(0, jailPath.size(), jailPath) != 0 || path.size() <= jailPath.size() ||
      path[jailPath.size()] != '/')
    return {};
  // Only the components below the jail's path: a link there could point
  // anywhere on the host.
  size_t end = jailPath.size();
  while (end != std::string::npos) {
    end = path.find('/', end + 1);
    const std::string prefix = path.substr(0, end);
    struct stat st{};
    if (lstat(prefix.c_str(), &st) != 0) {
      if (errno == ENOENT && mayBeMissing && end == std::string::npos) break;
      return paramName + ": " + prefix + ": " + std::strerror(errno);
    }
    if (S_ISLNK(st.st_mode)) return paramName + ": " + prefix + " is a symbolic link";
  }
  return {};
}

std::vector<MountPoint> parseMountInfo(const std::string& text) {
  std::vector<MountPoint> mounts;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::string id, parent, device, root, point, word, fstype, source;
    fields >> id >> parent >> device >> root >> point;
    while (fields >> word && word != "-") {
    }
    fields >> fstype >> source;
    mounts.push_back({unescapeMountPath(point), fstype, unescapeMountPath(source), root == "/"});
  }
  return mounts;
}

std::string performMount(const LinuxMount& m) {
  switch (m.kind) {
    case MountKind::Devfs:
      return makeDevfs(m.target);
    case MountKind::Fdescfs:
      return makeFdescfs(m.target);
    case MountKind::Bind:
      if (mount(m.source.c_str(), m.target.c_str(), nullptr, MS_BIND, nullptr) != 0)
        return mountError(m.target);
      // Bind mounts take their flags only from a remount.
      if (m.flags != 0 &&
          mount(nullptr, m.target.c_str(), nullptr, MS_REMOUNT | MS_BIND | m.flags, nullptr) != 0)
        return mountError(m.target);
      return {};
    case MountKind::Syscall:
      if (mount(m.source.c_str(), m.target.c_str(), m.fstype.c_str(), m.flags,
                m.data.empty() ? nullptr : m.data.c_str()) != 0)
        return mountError(m.target);
      return {};
  }
  return {};
}

std::string enterJailRoot(const std::string& path) {
  if (path == "/") return {};
  if (mount(path.c_str(), path.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0)
    return mountError(path);
  if (chdir(path.c_str()) != 0) return "chdir " + path + ": " + std::strerror(errno);
  if (syscall(SYS_pivot_root, ".", ".") == 0) {
    // The old root now lies under the new one; detach it so the jail cannot reach it.
    if (umount2(".", MNT_DETACH) != 0) return "umount old root: " + std::string(std::strerror(errno));
  } else if (chroot(".") != 0) {
    return "chroot " + path + ": " + std::strerror(errno);
  }
  if (chdir("/") != 0) return "chdir /: " + std::string(std::strerror(errno));
  return {};
}

bool foreignProcfs() {
  struct statfs info{};
  if (statfs("/proc", &info) != 0 || info.f_type != PROC_SUPER_MAGIC) return false;
  char link[32] = {};
  return readlink("/proc/self", link, sizeof link - 1) <= 0 || std::string(link) != std::to_string(getpid());
}

std::string ownProcfs() {
  if (!foreignProcfs()) return {};
  if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0) return mountError("/proc");
  return {};
}

std::string setHostname(const std::string& hostname) {
  if (sethostname(hostname.data(), hostname.size()) != 0)
    return "sethostname: " + std::string(std::strerror(errno));
  return {};
}

std::string setDomainname(const std::string& domainname) {
  if (setdomainname(domainname.data(), domainname.size()) != 0)
    return "setdomainname: " + std::string(std::strerror(errno));
  return {};
}

std::string bringLoopbackUp() {
  const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return "socket: " + std::string(std::strerror(errno));
  ifreq request{};
  std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
  std::string error;
  if (ioctl(fd, SIOCGIFFLAGS, &request) != 0) {
    error = "lo: " + std::string(std::strerror(errno));
  } else {
    request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP);
    if (ioctl(fd, SIOCSIFFLAGS, &request) != 0) error = "lo: " + std::string(std::strerror(errno));
  }
  close(fd);
  return error;
}

}  // namespace rcjail::compat
