// jail(8)'s messages: notes on stdout ("NAME: created"), warnings on stderr
// ("jail: NAME: ..."), each line flushed at once so that it keeps its place
// among the output of the commands jail(8) runs.
#pragma once

#include <ostream>
#include <string>

#include "jail_spec.h"

namespace rcjail::compat {

class JailReporter {
 public:
  JailReporter(std::ostream& out, std::ostream& err, int verbose);

  int verbose() const { return verbose_; }
  bool quiet() const { return verbose_ < 0; }

  // "NAME: text" (or "text" for a jail without a config name) on stdout.
  void note(const JailSpec& spec, const std::string& text);
  // "jail: NAME: text" on stderr.
  void warn(const JailSpec& spec, const std::string& text);
  // "jail: text" on stderr.
  void warn(const std::string& text);
  // A line as it is, on stdout (-i jids) or stderr (mount(8)-style errors).
  void line(const std::string& text);
  void errorLine(const std::string& text);

 private:
  std::ostream& out_;
  std::ostream& err_;
  int verbose_;
};

}  // namespace rcjail::compat
