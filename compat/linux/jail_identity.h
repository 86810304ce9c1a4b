// Proving that a process is the init of the jail a record names, and acting
// on it only through a pidfd taken after that proof: a pid alone can be
// reused, and a pid read through a /proc of another PID namespace means
// another process. Nothing here signals or enters a process in the
// caller's own PID namespace, PID 1 or the caller itself.
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jail_record.h"
#include "jail_visibility.h"

namespace rcjail::compat {

// What /proc says about one process.
struct ProcessFacts {
  unsigned long long startTime = 0;
  NamespaceId pidNamespace;     // the PID namespace it is in
  pid_t pidInOwnNamespace = 0;  // the last NSpid field: 1 for a namespace's init
};

// Why process `pid` (seen by the caller `self` in the caller's namespace
// `caller`) is not the init of the recorded jail; empty when it is.
std::string judgeJailInit(const JailRecord& record, pid_t pid, const ProcessFacts& facts,
                          const NamespaceId& caller, pid_t self);
// Whether it runs at all: the same test without the rules about the caller.
bool matchesRecordedInit(const JailRecord& record, const ProcessFacts& facts);

// The system side. nullopt when the process is gone or cannot be read.
std::optional<ProcessFacts> readProcessFacts(pid_t pid);
std::optional<NamespaceId> pidNamespaceOf(pid_t pid);
// The caller's PID namespace; unknown when /proc cannot tell.
NamespaceId callerPidNamespace();
// Empty when the /proc mounted here belongs to the caller's PID namespace.
std::string checkProcBelongsToCaller();
// A running record's init as a pid of the caller's /proc, if any.
std::optional<pid_t> findJailInit(const JailRecord& record, const NamespaceId& caller);
InitState probeJailInit(const JailRecord& record, const NamespaceId& caller);

// A proven jail init, held by a pidfd.
class JailInit {
 public:
  // The init of a recorded jail: nullptr with `error` set when no running
  // process can be proven to be it.
  static std::unique_ptr<JailInit> open(const JailRecord& record, std::string& error);
  // A holder just forked: it must be the init of a PID namespace other than the caller's.
  static std::unique_ptr<JailInit> adopt(pid_t pid, std::string& error);
  ~JailInit();
  JailInit(const JailInit&) = delete;
  JailInit& operator=(const JailInit&) = delete;

  pid_t pid() const { return pid_; }
  int descriptor() const { return pidfd_; }
  unsigned long long startTime() const { return startTime_; }
  const NamespaceId& pidNamespace() const { return namespace_; }

  // Error text, empty on success.
  std::string signal(int signal) const;
  bool alive() const;
  // Waits for the init, and with it every process of the jail, to end.
  bool waitGone(int timeoutMs) const;
  // Live processes of the jail's PID namespace (nested jails' included), init excluded.
  std::vector<pid_t> processes() const;

 private:
  JailInit(pid_t pid, int pidfd, unsigned long long startTime, NamespaceId ns);
  pid_t pid_;
  int pidfd_;
  unsigned long long startTime_;
  NamespaceId namespace_;
};

// Moves the calling process into the namespaces and root of the jail whose
// init `pid` is held by `pidfd`.
// Children forked afterwards are inside the jail. Error text, empty on success.
std::string enterJailOf(pid_t pid, int pidfd);

// Runs `action` in a child that entered the jail; its error text, empty on success.
std::string runInsideJail(const JailInit& init, const std::function<std::string()>& action);

// The host and domain names the jail has now, read in its UTS namespace
// (its root may have set them, allow.set_hostname); nullopt when the
// namespace cannot be joined. The caller must be single-threaded.
struct JailNames {
  std::string hostname;
  std::string domainname;
};
std::optional<JailNames> currentJailNames(const JailInit& init);

// pidfd_open(2): a descriptor that holds process `pid` itself, -1 on failure.
int pidfdOpen(pid_t pid);

// The signal a jail's init takes as "stop": it sends SIGTERM to every other
// process of its namespace (kill(-1) there reaches nothing outside).
int stopRequestSignal();

}  // namespace rcjail::compat
