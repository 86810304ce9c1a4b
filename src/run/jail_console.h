// What `console` makes sure of in the default mode before it runs jexec(8)
// with jail_consolecmd: that the running jail has the program, so that a
// root without /usr/bin/login gets a message naming the variable to set
// instead of jexec's execvp error.
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
