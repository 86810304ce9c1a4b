// The registry of running jails: one file per jail in a state directory
// (/var/run/jail, or $RCJAIL_JAIL_STATE), written atomically. A jail whose
// init process is gone is not running, whatever its file says; such stale
// files are ignored by readers and deleted by jail(8) under the lock.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jail_record.h"

namespace rcjail::compat {

// The state directory: the environment's override, else /var/run/jail.
std::string registryDirectory(const char* environmentOverride);

class JailRegistry {
 public:
  explicit JailRegistry(std::string directory);

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

  // Running jails in ascending jid order.
  std::vector<JailRecord> list() const;
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
  void removeStale(const Lock& held) const;

  const std::string& directory() const { return directory_; }

 private:
  std::string fileOf(int jid) const;
  std::vector<JailRecord> readAll(bool includeStale) const;

  std::string directory_;
};

}  // namespace rcjail::compat
