// Local timestamps.
#include "timestamp.h"

namespace rcjail {

std::string localTimestamp(std::time_t when) {
  std::tm tm{};
  localtime_r(&when, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
  return text;
}

}  // namespace rcjail
