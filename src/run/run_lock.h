// The lock that serialises runs of rcjail which change state (a boot's
// faststart and an administrator's `service jail start x`): flock(2) on
// /var/run/rcjail.lock under the root, with the holder's pid and command line
// in the file so that a run which gives up can say who holds it.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "fs_root.h"

namespace rcjail {

struct RunLockOptions {
  std::chrono::milliseconds timeout{60000};  // jail_lock_timeout
  std::chrono::milliseconds pollInterval{100};
  std::string holderDescription;             // "pid 123: /etc/rc faststart", written into the file
  std::function<bool()> interrupted;         // stop waiting early (SIGTERM); may be empty
};

class RunLock {
 public:
  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&&) = delete;
  RunLock(const RunLock&) = delete;
  ~RunLock();  // removes the file, then releases the lock

  const std::string& path() const { return path_; }
  // What the file said when this run took the lock: a run that ends removes
  // the file, so anything there was written by a run that was killed (its
  // pid and command line). "" after a run that ended.
  const std::string& leftByKilledRun() const { return leftBy_; }

 private:
  friend struct RunLockAttempt;
  RunLock(std::string path, int fd, std::string leftBy)
      : path_(std::move(path)), fd_(fd), leftBy_(std::move(leftBy)) {}
  std::string path_;  // host path
  int fd_;
  std::string leftBy_;
};

struct RunLockAttempt {
  enum class Outcome {
    Acquired,
    Busy,         // another run held it for the whole timeout (or we were interrupted)
    Unavailable,  // the file cannot be created (no /var/run, read-only, ...): run unlocked
  } outcome;
  std::optional<RunLock> lock;
  std::string holder;  // Busy: what the holder wrote into the file ("" when unknown)
  std::string reason;  // Unavailable: strerror text

  static RunLockAttempt acquire(const FsRoot& root, const RunLockOptions& options);
};

// The configuration path of the lock file ("/var/run/rcjail.lock").
inline constexpr const char* kRunLockPath = "/var/run/rcjail.lock";

// The user-facing text for a Busy attempt.
std::string describeBusyLock(const RunLockAttempt& attempt, std::chrono::milliseconds timeout);

// jail_lock_timeout as a duration: seconds, default 60 on empty or bad values.
std::chrono::milliseconds lockTimeoutFrom(const std::string& value);

}  // namespace rcjail
