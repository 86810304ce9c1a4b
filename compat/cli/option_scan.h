// The option letters of the compat programs, read by getopt(3) as FreeBSD's
// jail(8), jls(8) and jexec(8) read theirs: clustered flags (-qr), an
// option's argument in the same word or the next (-fFILE, -f FILE), and
// options ending at "--" or at the first word that is not one (no
// reordering of the words).
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace rcjail::compat {

struct ScannedOption {
  char letter = 0;
  std::string argument;  // empty for a flag
};

struct ScannedCommandLine {
  std::vector<ScannedOption> options;  // in command-line order
  std::vector<std::string> operands;   // the words after the options
};

// A letter that is not an option, or an option without its argument.
struct OptionError {
  bool missingArgument = false;
  char letter = 0;
  // FreeBSD getopt's text: "illegal option -- x" or
  // "option requires an argument -- x".
  std::string message() const;
};

// `letters` is a getopt(3) option string such as "d:lnu:U:" (a letter
// followed by ':' takes an argument), without leading modifiers. Prints
// nothing; the caller reports an OptionError in its own words.
std::variant<ScannedCommandLine, OptionError> scanOptions(const std::vector<std::string>& args, const char* letters);

}  // namespace rcjail::compat
