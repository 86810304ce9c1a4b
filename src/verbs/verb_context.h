// What rcjail's own verbs (vars, check, plan, migrate, status -a, ...) get
// from the command line: the loaded configuration, the console, the system
// boundary and the root the configuration is read under.
#pragma once

#include "console.h"
#include "fs_root.h"
#include "jail_system.h"
#include "variables.h"

namespace rcjail {

struct VerbContext {
  Variables& vars;
  Console& console;
  JailSystem& system;
  const FsRoot& root;
};

}  // namespace rcjail
