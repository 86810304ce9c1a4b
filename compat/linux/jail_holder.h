// The jail's init: a small process that owns the jail's namespaces. jail(8)
// forks it at the start of a creation and then asks it, over a socket, to
// mount (inside the new mount namespace), to move into the jail root and to
// set the hostname. After that it is PID 1 of the jail: it reaps orphans and
// exits when no other process is left, unless the jail persists. Killing it
// kills every process of the jail and takes its mounts along.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "fstab_entry.h"
#include "jail_identity.h"
#include "jail_registry.h"

namespace rcjail::compat {

// The answer of the holder to one mount request.
struct MountReply {
  enum class Outcome { Mounted, Refused, Failed } outcome = Outcome::Mounted;
  std::string message;  // Refused: jail(8)'s path check text; Failed: what mount(8) would print
};

class JailHolder {
 public:
  // Forks the holder into new namespaces (unshareJailNamespaces: `ownedUts`
  // when the jail's root may set its host name). `persistAfterCreate` is
  // what it falls back to if jail(8) goes away without saying. nullptr with
  // `error` set when the namespaces cannot be made.
  static std::unique_ptr<JailHolder> spawn(bool vnet, bool ownedUts, bool persistAfterCreate, std::string& error);
  ~JailHolder();
  JailHolder(const JailHolder&) = delete;
  JailHolder& operator=(const JailHolder&) = delete;

  pid_t pid() const { return init_->pid(); }
  unsigned long long startTime() const { return init_->startTime(); }
  const JailInit& init() const { return *init_; }

  MountReply mount(const std::string& param, const MountEntry& entry, const std::string& jailPath);
  // Moves into `path` (pivot_root), sets the host and domain names, brings
  // up the loopback of a vnet jail, and restricts the jail's file system and
  // then itself as `record`'s parameters say (jail_restrictions.h).
  // `interfaces` (vnet.interface) go back to the host's network namespace
  // when the jail ends by itself. Error text, empty on success.
  std::string enterRoot(const std::string& path, const std::string& hostname, const std::string& domainname,
                        bool vnet, const JailRecord& record, const std::vector<std::string>& interfaces);
  // The end of jail(8)'s part: the persist flag from now on, then hang up.
  void release(bool persist);

 private:
  JailHolder(std::unique_ptr<JailInit> init, int socket);
  std::string request(const std::string& message);

  std::unique_ptr<JailInit> init_;
  int socket_;
};

// For a running jail: change its persist flag (`jail -m persist`).
std::string signalPersist(const JailInit& init, bool persist);

// Asks the init to send SIGTERM to every other process of the jail.
std::string requestStop(const JailInit& init);

// SIGKILL the init and wait until it and with it every process of the jail
// are gone. Error text ("Operation not permitted"), empty on success.
std::string killJail(const JailInit& init);

// FreeBSD removes a jail's children with it: here the deepest first, each
// through its own proven init, and their records go too.
void removeDescendantJails(const JailRegistry& registry, int jid);

}  // namespace rcjail::compat
