// .include name resolution and glob expansion under an FsRoot. The glob is
// done one path component at a time on the mapped directories, so that the
// root prefix itself is never taken as a pattern.
#include "jail_conf_include.h"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rcjail {

namespace {

std::string joinPath(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  std::string path = dir;
  if (path.back() != '/') path += '/';
  path += name;
  return path;
}

std::string withoutBackslashes(std::string_view component) {
  std::string out;
  for (std::size_t i = 0; i < component.size(); ++i) {
    if (component[i] == '\\' && i + 1 < component.size()) ++i;
    out += component[i];
  }
  return out;
}

std::vector<std::string> matchingEntries(const FsRoot& root, const std::string& dir,
                                         const std::string& pattern) {
  std::vector<std::string> out;
  DIR* handle = opendir(root.map(dir.empty() ? "." : dir).c_str());
  if (!handle) return out;  // glob(3) without GLOB_ERR skips unreadable directories
  while (const dirent* entry = readdir(handle)) {
    if (fnmatch(pattern.c_str(), entry->d_name, FNM_PERIOD) == 0) out.push_back(joinPath(dir, entry->d_name));
  }
  closedir(handle);
  return out;
}

}  // namespace

std::string jailConfIncludeBase(std::string_view file) {
  std::size_t slash = file.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(file.substr(0, slash + 1));
}

std::string resolveJailConfInclude(std::string_view base, std::string_view name) {
  if (!name.empty() && name[0] == '/') return std::string(name);
  return std::string(base) + std::string(name);
}

bool hasJailConfGlobMagic(std::string_view pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '*' || c == '?') {
      return true;
    } else if (c == '[') {
      std::size_t first = i + 1;
      if (first < pattern.size() && pattern[first] == '!') ++first;
      // A bracket expression needs one member and a closing bracket after it.
      if (first < pattern.size() && pattern.find(']', first + 1) != std::string_view::npos) return true;
    }
  }
  return false;
}

std::vector<std::string> expandJailConfGlob(const FsRoot& root, std::string_view pattern) {
  std::vector<std::string> paths{pattern.starts_with('/') ? "/" : ""};
  std::size_t start = 0;
  while (start <= pattern.size() && !paths.empty()) {
    std::size_t end = std::min(pattern.find('/', start), pattern.size());
    std::string component(pattern.substr(start, end - start));
    start = end + 1;
    if (component.empty()) continue;
    std::vector<std::string> next;
    if (hasJailConfGlobMagic(component)) {
      for (const std::string& dir : paths) {
        std::vector<std::string> found = matchingEntries(root, dir, component);
        next.insert(next.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
      }
    } else {
      std::string literal = withoutBackslashes(component);
      for (const std::string& dir : paths) next.push_back(joinPath(dir, literal));
    }
    paths = std::move(next);
  }
  // Literal components were not looked up on the way; drop what is not there.
  std::erase_if(paths, [&](const std::string& path) {
    struct stat st;
    return lstat(root.map(path).c_str(), &st) != 0;
  });
  std::sort(paths.begin(), paths.end());
  return paths;
}

int readJailConfFile(const FsRoot& root, const std::string& path, std::string& out) {
  int fd = open(root.map(path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = n < 0 ? errno : 0;
      close(fd);
      return error;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace rcjail
