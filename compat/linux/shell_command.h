// How jail(8) turns an exec.* string into a process: through /bin/sh -c when
// it holds a shell special character, else split on blanks and run directly;
// a lone trailing '&' runs it in the background.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rcjail::compat {

struct CommandLine {
  std::vector<std::string> argv;  // empty: nothing to run
  bool background = false;
  // The argv joined by single spaces, as messages show it.
  std::string text() const;
};

CommandLine commandFromString(std::string_view command);

// The argv of a command-line style `command` as it is (no shell).
CommandLine commandFromArgv(std::vector<std::string> argv);

}  // namespace rcjail::compat
