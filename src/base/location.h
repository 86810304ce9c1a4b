// Where a value or a problem comes from, and the error type that carries it.
// Errors a user can cause are ConfigError values caught at one place (main).
#pragma once

#include <stdexcept>
#include <string>

namespace rcjail {

struct Location {
  std::string file;  // empty: not from a file (built-in default, environment)
  int line = 0;      // 1-based; 0: the whole file or unknown

  // "file:line", "file", or "(built-in)" when there is no file.
  std::string str() const;
  bool operator==(const Location&) const = default;
};

class ConfigError : public std::runtime_error {
 public:
  ConfigError(Location where, const std::string& message)
      : std::runtime_error(message), where_(std::move(where)) {}
  const Location& where() const { return where_; }
  // "file:line: message", as printed to the user.
  std::string describe() const;

 private:
  Location where_;
};

}  // namespace rcjail
