// What the jail's init mounts for the jail's root (jail_broker.h): the
// decision on a mount(2) request, and the building and taking down of the
// file systems, each in a child that is in the caller's root, so that no
// path it follows leads out of it.
#pragma once

#include <sys/types.h>

#include <cerrno>
#include <functional>
#include <string>

#include "jail_privileges.h"

namespace rcjail::compat {

// What a mount(2) request asks, read from the caller; `target` is absolute
// inside the caller's root.
struct MountRequest {
  std::string source;
  std::string target;
  std::string type;
  unsigned long flags = 0;
  std::string data;
};

// How the init answers a mount(2): make a new file system of `type` (one of
// JailPrivileges::brokeredMounts) with `flags`, refuse with `error`, or
// leave it to the kernel (a bind, move or remount where the jail owns its
// mount namespace).
struct MountDecision {
  enum class Kind { Mount, Refuse, Kernel } kind = Kind::Refuse;
  std::string type;  // tmpfs, proc, sysfs, devfs
  unsigned long flags = 0;
  int error = EPERM;
};
MountDecision decideMount(const MountRequest& request, const JailPrivileges& privileges);

// The flags of a remount (mount -u) the jail's root asks for, with
// MS_REMOUNT and MS_BIND, of a mount of `type` the init made for it: the
// same as for a new one of that type, so that nosuid, nodev and a
// read-only sysfs stay. (FreeBSD lets a jail update what it mounted.)
unsigned long remountFlags(const std::string& type, unsigned long asked);

// The file system `decision` makes, built on `request.target` in a mount
// namespace of the child's own (a procfs gets its masks there) and returned
// detached (open_tree(2)) as `tree`, to attach whole; or an errno.
// `callerRoot` is an O_PATH descriptor of the caller's root, `proc` one of
// the init's own procfs.
struct BuiltMount {
  int error = EIO;
  int tree = -1;
};
BuiltMount buildMount(const MountDecision& decision, const MountRequest& request, int callerRoot, int proc,
                      bool hideKernelLog);

// Runs `build` in a forked child, which returns an errno or minus the
// descriptor of a detached tree (open_tree(2)); the tree comes back over a
// socket. A procfs or a sysfs may be built only where the kernel mounts one.
BuiltMount treeFromChild(const std::function<int()>& build);

// In such a child, with a procfs as its working directory (for the
// "self/fd/N" path): the masks of a jail's /proc laid over the procfs at
// `at`, the hidden files under the null device of the child's root. errno,
// or 0.
int maskProcfs(const std::string& at, bool hideKernelLog);

// Waits for `child`: its exit status, or EIO where it did not exit.
int waitForChild(pid_t child);

// Unmounts `target` (inside the caller's root) if it is still the mount
// `mountId`. errno, or 0.
int unmountMade(const std::string& target, const std::string& mountId, int flags, int callerRoot, int proc);

// "self/fd/N", seen from a procfs that is the working directory: a path to
// exactly what this process's descriptor N holds, whatever is mounted on top.
std::string descriptorPath(int fd);

// The mount id of what descriptor `fd` of this process holds, read through
// `proc`; "" if unknown.
std::string mountIdOf(int proc, int fd);

// The value after `key` in the file `path` of the procfs `proc` ("" if none).
std::string procField(int proc, const std::string& path, std::string_view key);

}  // namespace rcjail::compat
