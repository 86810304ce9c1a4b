// The boundary to the Linux kernel for processes and namespaces: which
// namespaces make a jail, entering them, the processes inside one, and the
// identity of a process across pid reuse. Every call that can fail returns
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

// unshare(2) of jailNamespaceFlags(vnet). The caller's next child is PID 1
// of the new PID namespace.
std::string unshareJailNamespaces(bool vnet);

// Moves the calling process into every namespace of the jail whose init is
// `initPid` and into its root directory (cwd "/"). Children forked afterwards
// are inside the jail's PID namespace; the caller itself stays outside it.
std::string enterJail(pid_t initPid);

// Runs `action` in a child that entered the jail; its error text, empty on success.
std::string runInsideJail(pid_t initPid, const std::function<std::string()>& action);

// Network namespace only (to hand a vnet interface back to the host).
std::string enterNetworkNamespace(pid_t initPid);

// The start time of a process (field 22 of /proc/PID/stat); nullopt when the
// process does not exist or is a zombie.
std::optional<unsigned long long> processStartTime(pid_t pid);
bool processAlive(pid_t pid, unsigned long long startTime);

// Host pids of every live process in the PID namespace whose init is
// `initPid`, the init excluded, in ascending order.
std::vector<pid_t> processesOfJail(pid_t initPid);

// Waits (polling) until `pid` with `startTime` is gone; false on timeout.
bool waitUntilGone(pid_t pid, unsigned long long startTime, int timeoutMs);

// The file name of `program` in $PATH or the sbin directories; "" if absent.
std::string findProgram(const std::string& program);

// Closes every descriptor from `first` up (close_range, or a loop).
void closeDescriptorsFrom(int first);

}  // namespace rcjail::compat
