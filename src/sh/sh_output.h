// What sh files write to stdout and stderr while the native interpreter runs
// them. The bytes are kept, not written, until the load is known to finish
// natively: a load that falls back to /bin/sh starts again, and the shell
// writes them itself. Only the redirections that move output between the
// two streams (`>&2`, `2>&1`) are understood; the rest is for /bin/sh.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sh_parser.h"

namespace rcjail {

class ShOutput {
 public:
  enum Stream { Out = 0, Err = 1 };
  // Where fds 1 and 2 point: saved before a redirected command, put back after.
  struct Mapping {
    Stream fd1 = Out;
    Stream fd2 = Err;
  };

  // Appends `bytes` to the stream that fd 1 or 2 points at now.
  void write(int fd, std::string_view bytes);
  // Applies `redirects` (in order) when all are `N>&M` with N and M in {1, 2};
  // otherwise applies nothing and returns what it does not understand.
  std::optional<std::string> redirect(const std::vector<ShRedirect>& redirects);
  Mapping mapping() const { return mapping_; }
  void restore(Mapping mapping) { mapping_ = mapping; }

  const std::string& text(Stream stream) const { return text_[stream]; }

 private:
  Mapping mapping_;
  std::string text_[2];
};

// The bytes `echo ARGS...` writes, or nothing when shells disagree on them:
// an option-like first argument (-n, -e) or a backslash anywhere.
std::optional<std::string> shEchoText(const std::vector<std::string>& args);

}  // namespace rcjail
