// Small helpers shared by the unit tests: temporary directories and a
// Console whose output the test can read back.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "console.h"

namespace rcjail::testing {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/rcjail-test.XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  // Writes `content` to path()/relative, creating the directories.
  std::string write(const std::string& relative, const std::string& content) const {
    std::filesystem::path p = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << content;
    return p.string();
  }
  std::string read(const std::string& relative) const {
    std::ifstream in(std::filesystem::path(path_) / relative);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  bool exists(const std::string& relative) const {
    return std::filesystem::exists(std::filesystem::path(path_) / relative);
  }

 private:
  std::string path_;
};

class RecordingSyslog : public SyslogSink {
 public:
  std::vector<std::string> lines;
  void notice(const std::string& message) override { lines.push_back(message); }
};

// A Console writing to memory.
class CapturedConsole {
 public:
  explicit CapturedConsole(const std::string& prefix = "/etc/rc.d/jail")
      : out_(open_memstream(&outBuf_, &outLen_)), err_(open_memstream(&errBuf_, &errLen_)),
        console(prefix, &syslog, out_, err_) {}
  ~CapturedConsole() {
    fclose(out_);
    fclose(err_);
    free(outBuf_);
    free(errBuf_);
  }
  std::string out() {
    fflush(out_);
    return std::string(outBuf_, outLen_);
  }
  std::string err() {
    fflush(err_);
    return std::string(errBuf_, errLen_);
  }

 private:
  char* outBuf_ = nullptr;
  size_t outLen_ = 0;
  char* errBuf_ = nullptr;
  size_t errLen_ = 0;
  FILE* out_;
  FILE* err_;

 public:
  RecordingSyslog syslog;
  Console console;
};

}  // namespace rcjail::testing
