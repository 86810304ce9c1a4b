// Fixture trees for the rc.conf reader tests, written from the snippet format
// of tests/data/rcconf-snippets (see its README): the text of /etc/rc.conf,
// then `#@ file PATH [MODE]`, `#@ dir`, `#@ link`, `#@ nodefaults`,
// `#@ env NAME=VALUE` and `#@ error` directives.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "test_support.h"
#include "variables.h"

namespace rcjail::testing {

inline std::string readTestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

inline void replaceAllIn(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

struct RcConfFixture {
  struct File {
    std::string path;
    std::string content;
    int mode = -1;
  };
  std::vector<File> files;
  std::vector<std::string> dirs;
  std::vector<std::pair<std::string, std::string>> links;  // path, target
  std::vector<std::pair<std::string, std::string>> env;
  bool defaults = true;
  bool error = false;

  static RcConfFixture parse(const std::string& text) {
    RcConfFixture f;
    f.files.push_back({"/etc/rc.conf", "", -1});
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("#@ ", 0) != 0) {
        f.files.back().content += line + "\n";
        continue;
      }
      std::istringstream words(line.substr(3));
      std::string directive, a, b;
      words >> directive >> a;
      std::getline(words >> std::ws, b);
      if (directive == "file") {
        f.files.push_back({a, "", b.empty() ? -1 : std::stoi(b, nullptr, 8)});
      } else if (directive == "dir") {
        f.dirs.push_back(a);
      } else if (directive == "link") {
        f.links.emplace_back(a, b);
      } else if (directive == "nodefaults") {
        f.defaults = false;
      } else if (directive == "error") {
        f.error = true;
      } else if (directive == "env") {
        std::string assignment = line.substr(line.find("env ") + 4);
        std::size_t eq = assignment.find('=');
        f.env.emplace_back(assignment.substr(0, eq), assignment.substr(eq + 1));
      }
    }
    // A snippet with no text for /etc/rc.conf still gets the (empty) file.
    return f;
  }

  // Writes the tree under dir.path(), with @ROOT@ replaced by it, and the
  // link that makes dir.path() + dir.path() the same directory as dir.path().
  void write(const TempDir& dir) const {
    const std::string& root = dir.path();
    auto expand = [&](std::string text) {
      replaceAllIn(text, "@ROOT@", root);
      return text;
    };
    if (defaults) dir.write("etc/defaults/rc.conf", expand(readTestFile(RCJAIL_TEST_DATA "/rcconf-defaults.sh")));
    for (const File& file : files) {
      std::string host = dir.write(file.path.substr(1), expand(file.content));
      if (file.mode >= 0) chmod(host.c_str(), static_cast<mode_t>(file.mode));
    }
    for (const std::string& d : dirs) std::filesystem::create_directories(root + d);
    for (const auto& [path, target] : links) std::filesystem::create_symlink(target, root + path);
    std::filesystem::path self = std::filesystem::path(root + root);
    std::filesystem::create_directories(self.parent_path());
    std::filesystem::create_symlink(root, self);
  }

  Variables initial() const {
    Variables vars;
    auto add = [&](const std::string& name, const std::string& value) {
      vars.set(name, value);
      vars.slot(name).exported = true;
    };
    add("PATH", "/usr/bin:/bin");
    add("HOME", "/root");
    for (const auto& [name, value] : env) add(name, value);
    return vars;
  }
};

}  // namespace rcjail::testing
