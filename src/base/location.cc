// Formatting of locations and errors.
#include "location.h"

namespace rcjail {

std::string Location::str() const {
  if (file.empty()) return "(built-in)";
  if (line <= 0) return file;
  return file + ":" + std::to_string(line);
}

std::string ConfigError::describe() const {
  if (where_.file.empty()) return what();
  return where_.str() + ": " + what();
}

}  // namespace rcjail
