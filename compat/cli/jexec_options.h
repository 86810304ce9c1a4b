// jexec(8)'s command line: [-l] [-d dir] [-u user | -U user] jail [command ...]
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace rcjail::compat {

struct JexecOptions {
  bool clean = false;           // -l
  std::string user;             // -u or -U
  bool userFromJail = false;    // -U: the jail's passwd; -u: the host's
  std::string directory;        // -d
  std::string jail;             // jid or name
  std::vector<std::string> command;  // empty: the user's shell
};

struct JexecUsageError {};

std::variant<JexecOptions, JexecUsageError> parseJexecCommandLine(const std::vector<std::string>& args);

const char* jexecUsageText();

}  // namespace rcjail::compat
