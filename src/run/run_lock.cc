// flock(2)-based run lock. The file is unlinked while still locked before it
// is released, so that no file is left in /var/run (the stock script leaves
// none either); a waiter that then gets the lock on the unlinked file notices
// (the path no longer names its file) and opens the path again.
#include "run_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace rcjail {

namespace {

std::string readHolder(int fd) {
  std::string text;
  char buf[512];
  off_t offset = 0;
  for (;;) {
    ssize_t n = pread(fd, buf, sizeof buf, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || text.size() > 4096) break;
    text.append(buf, static_cast<size_t>(n));
    offset += n;
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Whether `fd` is still the file that `path` names.
bool stillLinked(int fd, const std::string& path) {
  struct stat byFd, byPath;
  if (fstat(fd, &byFd) != 0 || stat(path.c_str(), &byPath) != 0) return false;
  return byFd.st_dev == byPath.st_dev && byFd.st_ino == byPath.st_ino;
}

void writeHolder(int fd, const std::string& description) {
  // Best effort: a full /var/run must not stop the run; the lock itself
  // needs no content.
  if (ftruncate(fd, 0) != 0) return;
  std::string line = description + "\n";
  ssize_t ignored = pwrite(fd, line.data(), line.size(), 0);
  (void)ignored;
}

}  // namespace

RunLock::RunLock(RunLock&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), leftBy_(std::move(other.leftBy_)) {
  other.fd_ = -1;
}

RunLock::~RunLock() {
  if (fd_ < 0) return;
  unlink(path_.c_str());
  close(fd_);
}

RunLockAttempt RunLockAttempt::acquire(const FsRoot& root, const RunLockOptions& options) {
  const std::string path = root.map(kRunLockPath);
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  for (;;) {
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
      if (errno == EINTR) continue;
      return {Outcome::Unavailable, std::nullopt, "", strerror(errno)};
    }
    for (;;) {
      if (flock(fd, LOCK_EX | LOCK_NB) == 0) break;
      if (errno == EINTR) continue;
      if (errno != EWOULDBLOCK) {
        std::string reason = strerror(errno);
        close(fd);
        return {Outcome::Unavailable, std::nullopt, "", reason};
      }
      bool stop = (options.interrupted && options.interrupted()) || std::chrono::steady_clock::now() >= deadline;
      if (stop) {
        std::string holder = readHolder(fd);
        close(fd);
        return {Outcome::Busy, std::nullopt, holder, ""};
      }
      std::this_thread::sleep_for(options.pollInterval);
    }
    if (!stillLinked(fd, path)) {  // the previous holder removed it as we waited
      close(fd);
      continue;
    }
    std::string leftBy = readHolder(fd);
    writeHolder(fd, options.holderDescription);
    return {Outcome::Acquired, RunLock(path, fd, std::move(leftBy)), "", ""};
  }
}

std::string describeBusyLock(const RunLockAttempt& attempt, std::chrono::milliseconds timeout) {
  std::string who = attempt.holder.empty() ? "another rcjail (it did not say which)" : attempt.holder;
  long seconds = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(timeout).count());
  return std::string(kRunLockPath) + " is held by " + who + "; gave up after " + std::to_string(seconds) +
         " seconds (jail_lock_timeout).";
}

std::chrono::milliseconds lockTimeoutFrom(const std::string& value) {
  if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos)
    return std::chrono::seconds(60);
  return std::chrono::seconds(std::stol(value));
}

}  // namespace rcjail
