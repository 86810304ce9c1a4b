// What a verb that changes jails needs of the process before it touches
// anything: the right to create, remove and enter jails (root; on Linux the
// CAP_SYS_ADMIN capability, which the compat jail(8) needs for its
// namespaces, will do) and the right to write /var/run. Without them the
// stock script writes nothing, starts nothing, and still exits 0.
#pragma once

#include <string>

#include "fs_root.h"

namespace rcjail {

struct Credentials {
  unsigned euid = 0;
  bool adminCapability = false;  // Linux: CAP_SYS_ADMIN in the effective set
};

// This process's.
Credentials processCredentials();

// errno of a write test of /var/run under `root` (as the effective user),
// 0 when it may be written. A read-only or missing /var/run is not a
// privilege: the verbs report those themselves, for each file.
int varRunWriteError(const FsRoot& root);

// Why `verb` cannot run with these credentials ("" when it can).
// needsVarRun: the verb writes /var/run (start, stop, config).
std::string privilegeProblem(const std::string& verb, const Credentials& who, bool needsVarRun, int varRunError);

}  // namespace rcjail
