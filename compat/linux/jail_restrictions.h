// Holding a jail's root user in: the boundary to the kernel for what
// jail_privileges.h computes. restrictToJail() is the one call every process
// that enters a jail (exec.start, command, exec.stop, jexec) makes after it
// has entered the jail's namespaces and root and before it executes
// anything there; restrictJailFileSystem() is run once by the jail's init in
// the jail's mount namespace. Both return an error text, empty on success.
#pragma once

#include <string>

#include "jail_privileges.h"

namespace rcjail::compat {

// Makes the jail's system-call filter in this process, so that the
// processes it forks afterwards (the jail's init, exec.start and the other
// commands) load it without making it again. Error text, empty on success.
std::string prepareJailFilter(const JailPrivileges& privileges);

// Cuts the bounding set to `privileges.capabilities`, clears the
// inheritable and ambient sets, and loads the system-call filter. no_new_privs
// stays off, so that setuid programs in the jail (su, passwd) work as on
// FreeBSD: what they gain is bounded by the cut set. Needs CAP_SETPCAP and
// CAP_SYS_ADMIN in the effective set, which the caller keeps until it execs
// (execve gives root the bounding set; a user switch clears them). Where the
// jail's init mounts for the jail's root, the filter's listener goes to it
// over `brokerChannel` (takeBrokerChannel of jail_broker.h).
std::string restrictToJail(const JailPrivileges& privileges, int brokerChannel);

// The same for the jail's init once its root is set up, which then keeps
// no more than the jail's root user has either (and CAP_SYS_ADMIN where it
// mounts for the jail's root, privileges.initCapabilities): a process of the jail is
// refused to trace a process with more capabilities than its own (and so to
// read its namespaces, as jail(8) and jls in a jail do with their jail's init).
std::string restrictJailInit(const JailPrivileges& privileges);

// In the jail's mount namespace, for every procfs at or below `root`: its
// kernel settings read-only, kernel memory and internals hidden (/proc/kmsg
// too when `hideKernelLog`) under the null device of the caller's /dev, or
// an empty tmpfs. Run by the jail's init before it moves into the jail's
// root, while the host's /dev/null is still there to lay over files.
std::string restrictJailProcfs(const std::string& root, bool hideKernelLog);

// The masks of restrictJailProcfs for the one procfs at `proc`, with
// `nullDevice` laid over the files it hides.
std::string restrictProcfs(const std::string& proc, bool hideKernelLog, const std::string& nullDevice);

// Once the init is in the jail's root: restrictJailProcfs for a /proc
// mounted since (a jail with path "/" uses the host's /dev/null), every /sys
// and what is mounted below it made read-only, and every mount outside /dev
// nodev, so that a device node anywhere but the jail's /dev cannot be opened.
std::string restrictJailFileSystem(bool hideKernelLog);

}  // namespace rcjail::compat
