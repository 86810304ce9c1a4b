// libFuzzer target for the jail.conf parser: arbitrary bytes parsed as
// /etc/jail.conf (lexer, grammar, merge, variable substitution) under an
// empty root. Only JailConfError with at least one message may come out.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fs_root.h"
#include "jail_conf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const rcjail::FsRoot root("/nonexistent/rcjail-fuzz-root");
  try {
    rcjail::JailConf conf = rcjail::parseJailConfText(root, text, "/etc/jail.conf", "/etc");
    for (const rcjail::JailConfJail& jail : conf.jails) {
      (void)rcjail::checkJailConfInternalValues(jail);
      (void)jail.flag("persist");
      (void)jail.integer("stop.timeout");
    }
  } catch (const rcjail::JailConfError& e) {
    if (e.messages().empty()) std::abort();
  }
  return 0;
}
