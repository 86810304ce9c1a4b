// The cgroup of a jail whose network is confined: one directory per jail
// below rcjail/ of the cgroup2 hierarchy, named after the jail's proven init
// (the caller's PID namespace, its pid there and its start time), so that
// a cgroup left by a jail that ended by itself can be told apart from one
// of a running jail. The text functions are pure; the rest works on the
// host's /proc and cgroup file system and returns error texts.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace rcjail::compat {

// The mount point of the cgroup2 hierarchy in a /proc/PID/mountinfo text:
// /sys/fs/cgroup on a cgroup2-only host, /sys/fs/cgroup/unified on the
// mixed layout. Only a mount of the hierarchy's root counts.
std::optional<std::string> cgroup2MountPoint(const std::string& mountinfo);

// The cgroup2 path ("0::PATH") of a /proc/PID/cgroup text.
std::optional<std::string> unifiedCgroupPath(const std::string& procCgroup);

// "/rcjail/NS-PID-START", and back: nullopt for any other path.
struct JailCgroupName {
  unsigned long long pidNamespace = 0;
  pid_t pid = 0;
  unsigned long long startTime = 0;
  bool operator==(const JailCgroupName&) const = default;
};
std::string jailCgroupPath(const JailCgroupName& name);
std::optional<JailCgroupName> parseJailCgroupPath(const std::string& path);

// The system side.
// Runs `action` with the mount point of the cgroup2 hierarchy: the one of
// this mount namespace, or, where none is visible (`ip netns exec` puts a
// /sys of its own over the host's), a mount of the hierarchy made for the
// action in a child with a private mount namespace. Its error text.
std::string withCgroupHierarchy(const std::function<std::string(const std::string& mount)>& action);
// The cgroup that holds every jail cgroup below `mount` (rcjail/).
std::string jailCgroupParent(const std::string& mount);
// The id of the cgroup at `directory` (its inode number, the id the kernel
// gives BPF programs); 0 with errno set when it cannot be read.
std::uint64_t cgroupId(const std::string& directory);
// Makes the jail's cgroup below `mount`, after removing those of jails
// that have ended (of this PID namespace: whose init is gone; of another:
// that are empty), each reported to `removed` by its id. The caller has
// made jailCgroupParent and holds its lock. Its directory, or "" with
// `error`.
std::string makeJailCgroup(const std::string& mount, const JailCgroupName& name,
                           const std::function<void(std::uint64_t id)>& removed, std::string& error);
// Moves process `pid` into the cgroup directory.
std::string moveIntoCgroup(const std::string& directory, pid_t pid);
// The path of the jail cgroup that the process `pid`, held by `pidfd`, is
// in; "" when it is in none. The pidfd is asked after reading, so that a
// pid reused meanwhile is not believed.
std::string jailCgroupOfProcess(pid_t pid, int pidfd);
// Removes a jail cgroup (a path jailCgroupOfProcess gave) below `mount`
// once it is empty. The id it had, 0 when it was not removed.
std::uint64_t removeJailCgroup(const std::string& mount, const std::string& path);

}  // namespace rcjail::compat
