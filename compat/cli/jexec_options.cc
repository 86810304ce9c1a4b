// getopt "d:lnu:U:" without permutation, as jexec.c has it (-n is ignored).
#include "jexec_options.h"

#include "option_scan.h"

namespace rcjail::compat {

const char* jexecUsageText() {
  return "usage: jexec [-l] [-d working-directory] [-u username | -U username] jail [command ...]\n";
}

std::variant<JexecOptions, JexecUsageError> parseJexecCommandLine(const std::vector<std::string>& args) {
  auto scanned = scanOptions(args, "d:lnu:U:");
  if (std::holds_alternative<OptionError>(scanned)) return JexecUsageError{};
  const ScannedCommandLine& words = std::get<ScannedCommandLine>(scanned);
  JexecOptions options;
  bool hostUser = false;
  for (const ScannedOption& option : words.options) {
    switch (option.letter) {
      case 'd': options.directory = option.argument; break;
      case 'l': options.clean = true; break;
      case 'u': hostUser = true; options.user = option.argument; break;
      case 'U': options.userFromJail = true; options.user = option.argument; break;
      default: break;  // -n
    }
  }
  if (words.operands.empty() || (hostUser && options.userFromJail)) return JexecUsageError{};
  options.jail = words.operands.front();
  options.command.assign(words.operands.begin() + 1, words.operands.end());
  return options;
}

}  // namespace rcjail::compat
