// The boundary to the Linux kernel for processes and namespaces: which
// namespaces make a jail and the start time of a process (entering a jail
// and its processes go through a proven init, jail_identity.h). Every call that can fail returns
// an error text (strerror-style, empty on success) rather than throwing,
// because several of them run in a forked child that may only report.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rcjail::compat {

// The namespaces every jail gets (mount, UTS, IPC, PID), plus network with vnet.
int jailNamespaceFlags(bool vnet);

// Whether this process may make namespaces (CAP_SYS_ADMIN in its user
// namespace): jail(8) on the host may, jail(8) inside a children.max jail
// may not.
bool mayMakeNamespaces();

// Moves the caller into a user namespace made for it, where every uid and
// gid is itself (written by the caller, with CAP_SETUID and CAP_SETGID of
// its own user namespace). The caller gets every capability there, which
// reaches only what that namespace owns: the namespaces it makes next.
// This is how jail(8) inside a jail (children.max) makes a child jail
// without CAP_SYS_ADMIN on the host. The caller must be single-threaded.
std::string enterMappedUserNamespace();

// unshare(2) of jailNamespaceFlags(vnet). The caller's next child is PID 1
// of the new PID namespace. With `ownedUts`, the new UTS namespace belongs
// to a user namespace made for it, which the caller does not enter: the
// owner of that user namespace (the caller's uid, 0) is capable in it from
// the caller's user namespace, so that root of the jail may set the host
// name without CAP_SYS_ADMIN (allow.set_hostname), and nobody else may.
std::string unshareJailNamespaces(bool vnet, bool ownedUts);

// Moves the caller into a copy of its mount namespace that belongs to a
// user namespace made for it, which the caller does not enter. The copy
// locks every mount in it (mount_namespaces(7), "Restrictions on mount
// namespaces"): none can be unmounted or moved alone, nor its read-only,
// nodev, nosuid or noexec flag cleared, nor a mount with locked mounts
// below it bound without them. The owner of the user namespace (uid 0) may
// then mount and unmount in the copy without CAP_SYS_ADMIN. The caller's
// root and working directory become the copy's root.
std::string lockMountNamespace();

// The start time of a process (field 22 of /proc/PID/stat); nullopt when the
// process does not exist or is a zombie.
std::optional<unsigned long long> processStartTime(pid_t pid);

// Closes every descriptor from `first` up (close_range, or a loop), but
// `keep` where it is one of them.
void closeDescriptorsFrom(int first, int keep = -1);

// Everything a child writes to the pipe `fd` until it closes its end (reads
// interrupted by a signal are retried); then closes `fd`.
std::string readUntilClosed(int fd);

// Runs `work` in a forked child (for a namespace or root change that must
// not touch this process) and returns its error text, "" on success; the
// child's own fork or pipe failure is the text too.
std::string inChildProcess(const std::function<std::string()>& work);

}  // namespace rcjail::compat
