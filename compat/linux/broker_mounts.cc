// mount(2), umount2(2) and open_tree(2) in forked children; paths of
// exactly what a descriptor holds through the "self/fd/N" magic links of the
// init's own procfs.
#include "broker_mounts.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "descriptor_passing.h"
#include "jail_restrictions.h"
#include "linux_mounts.h"
#include "linux_namespaces.h"

namespace rcjail::compat {
namespace {

std::string canonicalType(const std::string& type) {
  if (type == "proc" || type == "procfs" || type == "linprocfs") return "proc";
  if (type == "sysfs" || type == "linsysfs") return "sysfs";
  if (type == "tmpfs" || type == "devfs") return type;
  return {};
}

// In the child: into the caller's root, then a mount namespace of its own;
// its working directory is the init's procfs, for the "self/fd/N" paths.
int enterCallerRoot(int callerRoot, int proc, bool ownNamespace) {
  if (fchdir(callerRoot) != 0 || chroot(".") != 0) return errno;
  if (ownNamespace && (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0))
    return errno;
  return fchdir(proc) == 0 ? 0 : errno;
}

// errno, or minus the descriptor of the detached tree.
int buildInChild(const MountDecision& d, const MountRequest& request, int callerRoot, int proc, bool hideKernelLog) {
  if (int error = enterCallerRoot(callerRoot, proc, true)) return error;
  const std::string& at = request.target;
  if (d.type == "devfs") {
    if (!performMount(LinuxMount{MountKind::Devfs, "devfs", at, "", 0, ""}).empty()) return errno ? errno : EIO;
  } else {
    const std::string source = request.source.empty() ? d.type : request.source;
    const char* data = d.type == "sysfs" || request.data.empty() ? nullptr : request.data.c_str();
    if (mount(source.c_str(), at.c_str(), d.type.c_str(), d.flags, data) != 0) return errno;
  }
  if (d.type == "proc")
    if (int error = maskProcfs(at, hideKernelLog)) return error;
  const int tree = open_tree(AT_FDCWD, at.c_str(), OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
  return tree < 0 ? errno : -tree;
}

}  // namespace

int maskProcfs(const std::string& at, bool hideKernelLog) {
  // The jail's null device, laid over what is hidden: no process of the
  // jail can make a device node, so a 1,3 there is the null device.
  const int null = open("/dev/null", O_PATH | O_CLOEXEC);
  struct stat st{};
  if (null < 0 || fstat(null, &st) != 0 || !S_ISCHR(st.st_mode) || st.st_rdev != makedev(1, 3)) return ENODEV;
  if (!restrictProcfs(at, hideKernelLog, descriptorPath(null)).empty()) return errno ? errno : EIO;
  return 0;
}

int waitForChild(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) return EIO;
  return WIFEXITED(status) ? WEXITSTATUS(status) : EIO;
}

BuiltMount treeFromChild(const std::function<int()>& build) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, pair) != 0) return {errno, -1};
  const pid_t child = fork();
  if (child == 0) {
    close(pair[0]);
    const int result = build();
    sendDescriptor(pair[1], result < 0 ? -result : -1, result < 0 ? 0 : result);
    _exit(0);
  }
  close(pair[1]);
  BuiltMount built;
  if (child > 0) {
    if (!receiveDescriptor(pair[0], built.tree, built.error, true)) built.error = EIO;
    waitForChild(child);
  } else {
    built.error = errno;
  }
  close(pair[0]);
  if (built.tree >= 0) built.error = 0;
  return built;
}

namespace {

constexpr unsigned long kMagicMask = 0xffff0000UL, kMagic = 0xc0ed0000UL;

unsigned long withoutMagic(unsigned long flags) { return (flags & kMagicMask) == kMagic ? flags & ~kMagicMask : flags; }

// The flags a mount of `type` made for the jail keeps of those asked for,
// and those it always has. FreeBSD mounts what a jail mounts nosuid
// (vfs_domount, PRIV_VFS_MOUNT_NONUSER).
unsigned long flagsFor(const std::string& type, unsigned long asked) {
  constexpr unsigned long kKept = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_SYNCHRONOUS | MS_DIRSYNC |
                                  MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME | MS_LAZYTIME | MS_SILENT;
  unsigned long flags = (asked & kKept) | MS_NOSUID;
  if (type != "devfs") flags |= MS_NODEV;
  if (type == "proc" || type == "sysfs") flags |= MS_NOEXEC;
  if (type == "sysfs") flags |= MS_RDONLY;
  return flags;
}

}  // namespace

MountDecision decideMount(const MountRequest& request, const JailPrivileges& privileges) {
  const unsigned long flags = withoutMagic(request.flags);
  constexpr unsigned long kOnExisting = MS_BIND | MS_MOVE | MS_REMOUNT | MS_SHARED | MS_PRIVATE | MS_SLAVE |
                                        MS_UNBINDABLE;
  MountDecision d;
  if (flags & kOnExisting) {
    if (privileges.lockedMounts) d.kind = MountDecision::Kind::Kernel;
    return d;
  }
  d.type = canonicalType(request.type);
  if (d.type.empty() || std::ranges::find(privileges.brokeredMounts, d.type) == privileges.brokeredMounts.end()) {
    d.error = d.type.empty() && !request.type.empty() && privileges.lockedMounts ? ENODEV : EPERM;
    return d;
  }
  d.flags = flagsFor(d.type, flags);
  d.kind = MountDecision::Kind::Mount;
  return d;
}

unsigned long remountFlags(const std::string& type, unsigned long asked) {
  asked = withoutMagic(asked);
  return MS_REMOUNT | (asked & MS_BIND) | flagsFor(type, asked);
}

BuiltMount buildMount(const MountDecision& decision, const MountRequest& request, int callerRoot, int proc,
                      bool hideKernelLog) {
  return treeFromChild([&] { return buildInChild(decision, request, callerRoot, proc, hideKernelLog); });
}

int unmountMade(const std::string& target, const std::string& mountId, int flags, int callerRoot, int proc) {
  // From the mount point's parent directory, whose entry for it cannot be
  // renamed or replaced while it is a mount point.
  std::string path = target;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  const size_t slash = path.rfind('/');
  const std::string parent = path.substr(0, slash + 1), name = path.substr(slash + 1);
  if (name.empty() || name == "." || name == "..") return EINVAL;
  const pid_t child = fork();
  if (child == 0) {
    if (int error = enterCallerRoot(callerRoot, proc, false)) _exit(error);
    const int dir = open(("/" + parent).c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0 || fchdir(dir) != 0) _exit(errno);
    const int point = open(name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (point < 0) _exit(errno);
    const bool same = mountIdOf(proc, point) == mountId;
    close(point);
    if (!same) _exit(EPERM);
    _exit(umount2(name.c_str(), flags | UMOUNT_NOFOLLOW) == 0 ? 0 : errno);
  }
  return child < 0 ? errno : waitForChild(child);
}

std::string procField(int proc, const std::string& path, std::string_view key) {
  const int fd = openat(proc, path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::istringstream lines(readUntilClosed(fd));
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with(key)) return line.substr(key.size());
  return {};
}

std::string descriptorPath(int fd) { return "self/fd/" + std::to_string(fd); }

std::string mountIdOf(int proc, int fd) { return procField(proc, "self/fdinfo/" + std::to_string(fd), "mnt_id:"); }

}  // namespace rcjail::compat
