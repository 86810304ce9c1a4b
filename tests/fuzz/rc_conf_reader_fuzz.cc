// libFuzzer target for the rc.conf reader: arbitrary bytes run as the text of
// /etc/rc.conf by the native sh interpreter (which never starts a process),
// under an empty root. Only ConfigError (a user error with file and line) and
// ShUnsupported (hand the load to /bin/sh) may come out; anything else, a
// crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fs_root.h"
#include "location.h"
#include "sh_interpreter.h"
#include "sh_state.h"

namespace {

// The interpreter runs `while :; do :; done` forever, as sh does; such an
// input is a hang of the configuration, not of rcjail, so loops that could
// spin are left out instead of timing the fuzzer out.
bool mayLoopForever(std::string_view text) {
  return text.find("while") != std::string_view::npos || text.find("until") != std::string_view::npos;
}

const rcjail::FsRoot& emptyRoot() {
  // A directory that does not exist: `.` and globs find nothing under it.
  static const rcjail::FsRoot root("/nonexistent/rcjail-fuzz-root");
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (mayLoopForever(text)) return -1;  // not added to the corpus
  rcjail::ShInterpreter sh(emptyRoot(), {});
  try {
    sh.run(text, "/etc/rc.conf");
  } catch (const rcjail::ConfigError& e) {
    if (e.where().file.empty()) std::abort();  // every error must say where
    (void)e.describe();
  } catch (const rcjail::ShUnsupported& e) {
    (void)e.where().str();
  }
  return 0;
}
