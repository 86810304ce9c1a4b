// getopt "d:lnu:U:" without permutation, as jexec.c has it (-n is ignored).
#include "jexec_options.h"

namespace rcjail::compat {

const char* jexecUsageText() {
  return "usage: jexec [-l] [-d working-directory] [-u username | -U username] jail [command ...]\n";
}

std::variant<JexecOptions, JexecUsageError> parseJexecCommandLine(const std::vector<std::string>& args) {
  JexecOptions options;
  bool hostUser = false;
  size_t index = 0;
  for (; index < args.size(); ++index) {
    const std::string& word = args[index];
    if (word == "--") {
      ++index;
      break;
    }
    if (word.size() < 2 || word[0] != '-') break;
    for (size_t at = 1; at < word.size(); ++at) {
      const char letter = word[at];
      if (letter == 'l') {
        options.clean = true;
        continue;
      }
      if (letter == 'n') continue;
      if (letter != 'd' && letter != 'u' && letter != 'U') return JexecUsageError{};
      std::string argument;
      if (at + 1 < word.size())
        argument = word.substr(at + 1);
      else if (++index < args.size())
        argument = args[index];
      else
        return JexecUsageError{};
      at = word.size();
      if (letter == 'd') options.directory = argument;
      if (letter == 'u') hostUser = true;
      if (letter == 'U') options.userFromJail = true;
      if (letter != 'd') options.user = argument;
    }
  }
  if (index >= args.size() || (hostUser && options.userFromJail)) return JexecUsageError{};
  options.jail = args[index];
  options.command.assign(args.begin() + static_cast<long>(index) + 1, args.end());
  return options;
}

}  // namespace rcjail::compat
