// Atomic replacement of small state files.
#include "atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rcjail {

mode_t defaultFileMode() {
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

std::string writeFileAtomically(const std::string& path, const std::string& content, mode_t mode,
                                std::optional<FileOwner> owner, bool sync) {
  std::string dir = ".", base = path;
  if (auto slash = path.rfind('/'); slash != std::string::npos) {
    dir = slash == 0 ? "/" : path.substr(0, slash);
    base = path.substr(slash + 1);
  }
  std::string tmpl = (dir == "/" ? "" : dir) + "/." + base + ".XXXXXX";
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return strerror(errno);
  auto fail = [&](int error) {
    close(fd);
    unlink(tmpl.c_str());
    return std::string(strerror(error));
  };
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    done += static_cast<size_t>(n);
  }
  if (fchmod(fd, mode) != 0) return fail(errno);
  if (owner && fchown(fd, owner->uid, owner->gid) != 0) return fail(errno);
  if (sync && fsync(fd) != 0) return fail(errno);
  if (close(fd) != 0) {
    int e = errno;
    unlink(tmpl.c_str());
    return strerror(e);
  }
  if (rename(tmpl.c_str(), path.c_str()) != 0) {
    int e = errno;
    unlink(tmpl.c_str());
    return strerror(e);
  }
  return "";
}

}  // namespace rcjail
