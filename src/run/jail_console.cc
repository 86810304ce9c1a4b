// The console program test.
#include "jail_console.h"

#include <unistd.h>

#include "jail_names.h"
#include "text_fields.h"

namespace rcjail {

std::string missingConsoleProgram(JailSystem& system, const Variables& vars, const std::string& name,
                                  const std::vector<std::string>& command) {
  if (command.empty() || command[0].empty() || command[0][0] != '/') return "";
  std::vector<std::string> argv = splitFields(vars.get("jail_jls"));
  if (argv.empty()) return "";
  argv.insert(argv.end(), {"-j", name, "path"});
  RunRequest request{argv};
  request.output = OutputMode::StdoutOnly;
  request.discardStderr = true;
  const RunResult r = system.run(request);
  std::vector<std::string> words = splitFields(r.output);
  if (!r.ok() || words.size() != 1 || words[0].empty() || words[0][0] != '/') return "";
  const std::string root = words[0] == "/" ? "" : words[0];
  if (access((root + command[0]).c_str(), X_OK) == 0) return "";
  const std::string own = jailVariable(variableName(name), "consolecmd");
  return "jail " + name + " has no " + command[0] + " (under " + words[0] + "): set jail_consolecmd, or " + own +
         ", to a command it has, such as \"/bin/sh\"";
}

}  // namespace rcjail
