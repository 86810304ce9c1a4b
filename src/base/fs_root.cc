// Path mapping under a configurable root.
#include "fs_root.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "location.h"

namespace rcjail {

FsRoot::FsRoot(std::string prefix) : prefix_(std::move(prefix)) {
  while (!prefix_.empty() && prefix_.back() == '/') prefix_.pop_back();
}

std::string FsRoot::map(const std::string& path) const {
  if (prefix_.empty() || path.empty() || path[0] != '/') return path;
  return prefix_ + path;
}

bool FsRoot::readable(const std::string& path) const {
  return access(map(path).c_str(), R_OK) == 0;
}

bool FsRoot::regularFile(const std::string& path) const {
  struct stat st;
  return stat(map(path).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool FsRoot::nonEmptyRegularFile(const std::string& path) const {
  struct stat st;
  return stat(map(path).c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

bool FsRoot::directory(const std::string& path) const {
  struct stat st;
  return stat(map(path).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string FsRoot::readFile(const std::string& path) const {
  int fd = open(map(path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ConfigError({path, 0}, std::string("cannot read: ") + strerror(errno));
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      close(fd);
      throw ConfigError({path, 0}, std::string("cannot read: ") + strerror(e));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

}  // namespace rcjail
