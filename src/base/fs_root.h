// The filesystem root every absolute path of the configuration is read under.
// "/" in production; tests point it at a fixture tree.
#pragma once

#include <string>

namespace rcjail {

class FsRoot {
 public:
  explicit FsRoot(std::string prefix = "/");
  // The host path of an absolute configuration path ("/etc/rc.conf" ->
  // "<prefix>/etc/rc.conf"); relative paths are returned unchanged.
  std::string map(const std::string& path) const;
  const std::string& prefix() const { return prefix_; }
  bool isSystemRoot() const { return prefix_.empty(); }

  // access(2)-style tests on mapped paths.
  bool readable(const std::string& path) const;
  bool regularFile(const std::string& path) const;
  bool nonEmptyRegularFile(const std::string& path) const;
  bool directory(const std::string& path) const;
  // Whole file; throws ConfigError naming the path when it cannot be read.
  std::string readFile(const std::string& path) const;

 private:
  std::string prefix_;  // without trailing slash; empty for "/"
};

}  // namespace rcjail
