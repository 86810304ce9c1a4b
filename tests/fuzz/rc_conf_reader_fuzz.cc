// libFuzzer target for the rc.conf reader: arbitrary bytes run as the text of
// /etc/rc.conf by the native sh interpreter (which never starts a process),
// under an empty root. Only ConfigError (a user error with file and line, the
// reader's limits included) and ShUnsupported (hand the load to /bin/sh) may
// come out; anything else, a crash, a sanitizer report or running out of
// memory (-rss_limit_mb) is a bug.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fs_root.h"
#include "location.h"
#include "sh_interpreter.h"
#include "sh_limits.h"
#include "sh_state.h"

namespace {

// The reader's limits (sh_limits.h) stop loops that never end, so while and
// until are fuzzed too. Memory limits stay as rcjail has them; loops and time
// are cut shorter, so that a spinning input costs a fraction of a second
// under the sanitizers rather than seconds.
rcjail::ShLimits fuzzLimits() {
  rcjail::ShLimits limits;
  limits.loopIterations = 20'000;
  limits.time = std::chrono::seconds(2);
  return limits;
}

const rcjail::FsRoot& emptyRoot() {
  // A directory that does not exist: `.` and globs find nothing under it.
  static const rcjail::FsRoot root("/nonexistent/rcjail-fuzz-root");
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  rcjail::ShInterpreter sh(emptyRoot(), {});
  sh.setLimits(fuzzLimits());
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
