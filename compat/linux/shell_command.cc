// The shell-or-split rule of jail(8)'s run_command.
#include "shell_command.h"

#include "text_fields.h"

namespace rcjail::compat {
namespace {

constexpr std::string_view kShellSpecials = "!\"$&'()*;<>?[\\]`{|}~";
constexpr std::string_view kBlanks = " \t\f\v\r\n";

}  // namespace

std::string CommandLine::text() const {
  std::string joined;
  for (const std::string& word : argv) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

CommandLine commandFromString(std::string_view command) {
  CommandLine out;
  const size_t special = command.find_first_of(kShellSpecials);
  // Only the first special character counts: "a & b" still needs the shell.
  const bool trailingAmpersand = special != std::string_view::npos && command[special] == '&' &&
                                 special + 1 == command.size();
  if (special != std::string_view::npos && !trailingAmpersand) {
    out.argv = {"/bin/sh", "-c", std::string(command)};
    return out;
  }
  if (trailingAmpersand) {
    out.background = true;
    command = command.substr(0, special);
  }
  out.argv = splitFields(command, kBlanks);
  return out;
}

CommandLine commandFromArgv(std::vector<std::string> argv) {
  CommandLine out;
  out.argv = std::move(argv);
  return out;
}

}  // namespace rcjail::compat
