// jexec(8) for Linux: runs a command in every namespace of a jail and in its
// root; its exit status is the command's.
#include <csignal>
#include <cstdlib>
#include <iostream>

#include <sys/wait.h>
#include <unistd.h>

#include "command_launcher.h"
#include "jail_registry.h"
#include "jexec_options.h"
#include "jail_identity.h"
#include "jail_privileges.h"
#include "state_directory.h"

using namespace rcjail::compat;

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string stateError;
  const std::string stateDirectory = takeStateDirectory(args, stateError);
  if (!stateError.empty()) {
    std::cerr << "jexec: " << stateError << '\n';
    return 1;
  }
  auto parsed = parseJexecCommandLine(args);
  if (std::holds_alternative<JexecUsageError>(parsed)) {
    std::cerr << jexecUsageText();
    return 1;
  }
  const JexecOptions& options = std::get<JexecOptions>(parsed);
  const bool allDigits = options.jail.find_first_not_of("0123456789") == std::string::npos;
  if (allDigits && std::strtol(options.jail.c_str(), nullptr, 10) == 0) {
    // jid 0 is the host, which jail_attach refuses.
    std::cerr << "jexec: jail_attach(0): Invalid argument\n";
    return 1;
  }
  std::optional<JailRegistry> registry = openSystemRegistry(stateDirectory, stateError);
  if (!registry) {
    std::cerr << "jexec: " << stateError << '\n';
    return 1;
  }
  std::optional<JailRecord> jail = registry->find(options.jail);
  if (!jail) {
    std::cerr << "jexec: jail " << (allDigits ? options.jail : "\"" + options.jail + "\"") << " not found\n";
    return 1;
  }
  std::unique_ptr<JailInit> init = JailInit::open(*jail, stateError);
  if (!init) {
    std::cerr << "jexec: jail_attach(" << jail->jid << "): " << stateError << '\n';
    return 1;
  }
  LaunchSpec launch;
  launch.command = commandFromArgv(options.command);
  launch.inJail = true;
  launch.jail = init.get();
  launch.privileges = jailPrivileges(*jail);
  launch.user = options.user;
  launch.userFromHost = !options.userFromJail;
  launch.clean = options.clean;
  launch.chdirHome = options.clean && options.directory.empty();
  launch.directory = options.directory;
  launch.errorPrefix = "jexec: ";
  launch.execErrorWord = "execvp:";
  const int status = runCommandAndWait(launch);
  if (WIFSIGNALED(status)) {
    std::signal(WTERMSIG(status), SIG_DFL);
    raise(WTERMSIG(status));
  }
  // This process now sits in the jail's namespaces and root, where /proc is
  // the jail's: exit-time work (the leak checker of sanitizer builds) that
  // looks at /proc/self would not find itself there.
  _exit(exitCodeOf(status));
}
