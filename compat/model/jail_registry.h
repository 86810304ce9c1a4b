// The registry of running jails: one file per jail in a state directory
// (/var/run/jail), written atomically. Readers see the jails of their own
// subtree only (jail_visibility.h); a jail whose init is gone is not running,
// whatever its file says, and jail(8) deletes such files under the lock, but
// never a file it cannot prove stale (a jail made from another namespace).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jail_record.h"
#include "jail_visibility.h"

namespace rcjail::compat {

class JailRegistry {
 public:
  // `caller`: the reader's PID namespace; `probe` tells whether a record's init runs.
  JailRegistry(std::string directory, NamespaceId caller, InitProbe probe);

  // An exclusive flock on the directory's lock file while it lives; jid
  // allocation and name checks of concurrent jail(8) runs go through it.
  class Lock {
   public:
    explicit Lock(int fd) : fd_(fd) {}
    Lock(Lock&& other) noexcept;
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;
    Lock& operator=(Lock&&) = delete;
    ~Lock();

   private:
    int fd_;
  };
  // Throws std::runtime_error when the directory cannot be made or locked.
  Lock lock() const;

  // Running jails the caller may see, in ascending jid order.
  std::vector<JailRecord> list() const;
  RegistryView view() const;
  std::optional<JailRecord> findByJid(int jid) const;
  std::optional<JailRecord> findByName(std::string_view name) const;
  // As jail_getid(3): all digits is a jid, anything else a name.
  std::optional<JailRecord> find(std::string_view jidOrName) const;

  // The kernel's rule: the jid after the last one handed out that is not in
  // use, wrapping below 999999. Needs the lock.
  int allocateJid(const Lock& held) const;
  // Throw std::runtime_error on I/O failure.
  void write(const JailRecord& record) const;
  void remove(int jid) const;
  // Deletes the records of jails known to have ended; returns the view
  // they were judged by (its `gone` already deleted).
  RegistryView removeStale(const Lock& held) const;
  // The jail the caller runs in, if any (cheaper than view().current).
  std::optional<JailRecord> current() const;
  // A record file for `jid` exists that is not known stale (any namespace's).
  bool jidTaken(int jid) const;

  const std::string& directory() const { return directory_; }
  const NamespaceId& caller() const { return caller_; }

 private:
  std::string fileOf(int jid) const;
  std::vector<std::string> recordFileNames() const;  // N.jail, unread
  std::vector<JailRecord> readAll() const;

  std::string directory_;
  NamespaceId caller_;
  InitProbe probe_;
};

}  // namespace rcjail::compat
