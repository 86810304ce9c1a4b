// What rcjail's own verbs (vars, check, plan, migrate, status -a, ...) get
// from the command line: the loaded configuration, the console, the system
// boundary, the root the configuration is read under and what reading
// rc.conf met.
#pragma once

#include "console.h"
#include "fs_root.h"
#include "jail_system.h"
#include "rc_conf_reader.h"
#include "variables.h"

namespace rcjail {

struct VerbContext {
  Variables& vars;
  Console& console;
  JailSystem& system;
  const FsRoot& root;
  const RcConfResult& load;  // how rc.conf was read: sh's errors, an early stop
};

}  // namespace rcjail
