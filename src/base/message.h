// A line for the console: a warning the user sees, or a debug line that only
// rc_debug shows. The units that decide (legacy settings, planning) return
// these as values; the console prints them.
#pragma once

#include <string>

namespace rcjail {

enum class MessageLevel { Debug, Warning };

struct Message {
  MessageLevel level;
  std::string text;
};

}  // namespace rcjail
