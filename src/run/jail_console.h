// What `console` says in the default mode when jexec(8) failed to run
// jail_consolecmd in a jail that does not have its program: a root without
// /usr/bin/login gets a message naming the variable to set, after jexec's
// execvp error.
#pragma once

#include <string>
#include <vector>

#include "jail_system.h"
#include "variables.h"

namespace rcjail {

// Why `command` (jail_consolecmd's words) cannot run in jail `name` ("" when
// it can, or when jls cannot say where the jail's root is): the jail's root
// comes from `jls -j NAME path`.
std::string missingConsoleProgram(JailSystem& system, const Variables& vars, const std::string& name,
                                  const std::vector<std::string>& command);

}  // namespace rcjail
