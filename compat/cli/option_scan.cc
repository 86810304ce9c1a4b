// getopt(3) over a vector of words.
#include "option_scan.h"

#include <unistd.h>

namespace rcjail::compat {

std::string OptionError::message() const {
  return std::string(missingArgument ? "option requires an argument -- " : "illegal option -- ") + letter;
}

std::variant<ScannedCommandLine, OptionError> scanOptions(const std::vector<std::string>& args, const char* letters) {
  // getopt wants a writable, null-terminated argv whose first word is the
  // program's name.
  std::vector<std::string> words{"compat"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  // '+': stop at the first operand, as POSIX getopt does (glibc would
  // otherwise move operands behind the options); ':': report a missing
  // argument as ':' rather than '?', and print no message.
  const std::string optstring = std::string("+:") + letters;
  const int argc = static_cast<int>(words.size());
  // optind 0 makes glibc (and musl) start over, forgetting any earlier scan
  // and its position inside a cluster of flags.
  optind = 0;
  opterr = 0;
  ScannedCommandLine scanned;
  for (int letter; (letter = getopt(argc, argv.data(), optstring.c_str())) != -1;) {
    if (letter == '?' || letter == ':') return OptionError{letter == ':', static_cast<char>(optopt)};
    scanned.options.push_back({static_cast<char>(letter), optarg ? optarg : ""});
  }
  scanned.operands.assign(args.begin() + (optind - 1), args.end());
  return scanned;
}

}  // namespace rcjail::compat
