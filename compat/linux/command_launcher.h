// Starting one command for jail(8): on the host, or inside a jail (its
// namespaces and root), as a given user, with a clean environment, its output
// in the console log. The same code serves jexec(8).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jail_identity.h"
#include "jail_privileges.h"
#include "shell_command.h"

namespace rcjail::compat {

struct LaunchSpec {
  CommandLine command;          // empty argv: the user's shell, interactive (jexec)
  bool inJail = false;
  const JailInit* jail = nullptr;  // inJail: the jail's proven init
  // inJail: what the jail's root may do. Required: a command without it is
  // not run (jail_restrictions.h applies it after entering, before exec).
  std::optional<JailPrivileges> privileges;
  std::string user;             // "" keeps the invoking user
  bool userFromHost = false;    // inJail: look the user up in the host's passwd
  bool clean = false;           // exec.clean / jexec -l
  bool chdirHome = false;       // to the user's home (exec.clean; jexec -l with a user)
  std::string directory;        // jexec -d: the working directory in the jail
  int outputFd = -1;            // exec.consolelog: stdout and stderr go here
  std::vector<std::pair<std::string, std::string>> environment;  // set last (JID, JNAME, JPATH)
  std::string errorPrefix;      // "jail: NAME: " for the child's own error lines
  std::string execErrorWord = "exec";  // "exec CMD: why" (jail) / "execvp: CMD: why" (jexec)
};

// Forks the command (an in-jail one straight into the jail's PID namespace)
// and returns its pid. -1 with errno when fork fails. Errors inside the
// child are printed with errorPrefix and make it exit 1.
pid_t launchCommand(const LaunchSpec& spec);

// Runs the command in this process's child and returns its wait status; for
// jexec, whose own exit status is the command's.
int runCommandAndWait(const LaunchSpec& spec);

// The exit status a wait status stands for when passed on (128+N on a signal).
int exitCodeOf(int waitStatus);

}  // namespace rcjail::compat
