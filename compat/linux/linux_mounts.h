// The boundary to the Linux kernel for a jail's file system view: mounts in
// the jail's own mount namespace, the /dev that stands in for devfs, moving
// into the jail root, and the UTS and loopback settings. Called by the
// namespace holder only; every call returns an error text, empty on success.
#pragma once

#include <string>
#include <vector>

#include "fstab_entry.h"

namespace rcjail::compat {

// Stops mounts of this namespace from propagating back to the host.
std::string makeMountsPrivate();

// jail(8)'s check of a mount point or console log: absolute, and no symlink
// in the components below the jail's path. The text is "PARAM: PATH: why".
std::string checkJailPathComponent(const std::string& paramName, const std::string& path,
                                   const std::string& jailPath, bool mayBeMissing);

// One line of /proc/PID/mountinfo: the mount point (unescaped), the file
// system's type and source, and whether the mount shows the whole file
// system rather than a bind of a part of it.
struct MountPoint {
  std::string path;
  std::string fstype;
  std::string source;
  bool wholeFileSystem = false;
};

// The mounts of a mountinfo file's text.
std::vector<MountPoint> parseMountInfo(const std::string& text);

// Performs one translated mount. The text is what mount(8) would say.
std::string performMount(const LinuxMount& mount);

// Makes `path` the root of the mount namespace (pivot_root, or chroot where
// the current root cannot be pivoted away, as on an initramfs).
std::string enterJailRoot(const std::string& path);

// Run by the jail's init once in its root: a procfs at /proc that belongs to
// another PID namespace (a jail with path "/" sees the host's) is covered by
// one of the jail's own, so that the jail sees and signals only its processes.
std::string ownProcfs();

// Whether /proc is a procfs of another PID namespace than the caller's.
bool foreignProcfs();

std::string setHostname(const std::string& hostname);
std::string setDomainname(const std::string& domainname);
std::string bringLoopbackUp();

}  // namespace rcjail::compat
