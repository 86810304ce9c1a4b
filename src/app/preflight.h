// What the default mode makes sure of before an rc.d/jail verb changes
// anything, where the stock script would go on and exit 0 having done
// nothing: that this process may create, stop and enter jails and write
// /var/run, and that every jail named on the command line is configured.
// jail_quirks="stock" skips both.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "console.h"
#include "fs_root.h"
#include "jail_system.h"
#include "privileges.h"
#include "variables.h"

namespace rcjail {

// The verb without its fast/force/one/quiet prefix.
std::string baseVerb(const std::string& word);

struct PreflightEnvironment {
  const Variables& vars;
  Console& console;
  JailSystem& system;
  const FsRoot& root;
  Credentials who;
};

// `rest`: the verb and its arguments. A status when the run must end here
// (the reason said on the console), nullopt to go on.
std::optional<int> preflight(const std::vector<std::string>& rest, const PreflightEnvironment& env);

}  // namespace rcjail
