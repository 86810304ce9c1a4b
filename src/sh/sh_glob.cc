// Globbing one path component at a time: components without meta characters
// are taken as they are, the others are matched against directory entries.
#include "sh_glob.h"

#include <algorithm>
#include <dirent.h>
#include <sys/stat.h>

#include "sh_pattern.h"

namespace rcjail {

namespace {

// Splits at unescaped slashes, keeping escapes inside the components.
std::vector<std::string> components(std::string_view pattern) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out.back() += c;
      out.back() += pattern[++i];
    } else if (c == '/') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

bool exists(const FsRoot& root, const std::string& path) {
  struct stat st;
  return lstat(root.map(path).c_str(), &st) == 0;
}

struct Walk {
  const FsRoot& root;
  const std::vector<std::string>& parts;
  std::size_t budget;  // paths still allowed to match
  std::vector<std::string> out;

  // Whether one more path may match.
  bool take() {
    if (budget == 0) return false;
    --budget;
    return true;
  }
};

void expand(Walk& walk, std::size_t index, const std::string& prefix, bool usedMeta) {
  const FsRoot& root = walk.root;
  const std::vector<std::string>& parts = walk.parts;
  std::vector<std::string>& out = walk.out;
  if (index == parts.size()) {
    if (usedMeta && (prefix.empty() || exists(root, prefix))) out.push_back(prefix);
    return;
  }
  const std::string& part = parts[index];
  const bool last = index + 1 == parts.size();
  auto join = [&](const std::string& name) {
    if (index == 0) return name;
    return prefix + "/" + name;
  };
  if (!shPatternHasMeta(part)) {
    if (last && part.empty() && index > 0) {  // a trailing slash: only directories
      if (root.directory(prefix)) out.push_back(prefix + "/");
      return;
    }
    expand(walk, index + 1, join(shPatternLiteral(part)), usedMeta);
    return;
  }
  std::string dir = index == 0 ? "." : (prefix.empty() ? "/" : prefix);
  DIR* d = opendir(root.map(dir).c_str());
  if (d == nullptr) return;
  const bool dotExplicit = !part.empty() && part[0] == '.';
  std::vector<std::string> names;
  while (dirent* entry = readdir(d)) {
    std::string name = entry->d_name;
    if (name[0] == '.' && !dotExplicit) continue;
    if (!shPatternMatch(part, name)) continue;
    if (!walk.take()) {
      closedir(d);
      throw ShGlobTooMany();
    }
    names.push_back(std::move(name));
  }
  closedir(d);
  for (const std::string& name : names) {
    std::string path = join(name);
    if (last) {
      out.push_back(path);
    } else if (root.directory(path)) {
      expand(walk, index + 1, path, true);
    }
  }
}

}  // namespace

std::vector<std::string> shGlob(const FsRoot& root, std::string_view pattern, std::size_t maxPaths) {
  const std::vector<std::string> parts = components(pattern);
  Walk walk{root, parts, maxPaths, {}};
  expand(walk, 0, "", false);
  std::sort(walk.out.begin(), walk.out.end());
  return std::move(walk.out);
}

}  // namespace rcjail
