// `rcjail migrate`: rewrites rc.conf-style jails (jail_NAME_* variables) as
// /etc/jail.conf.d/NAME.conf files with the same parameters, properly quoted,
// verified by parsing them back before anything is written, and prints the
// sysrc(8) commands that remove the old variables. The plan of each file is
// settings' planMigration; this verb chooses the jails and writes the files.
#pragma once

#include <string>
#include <vector>

#include "verb_context.h"

namespace rcjail {

// migrate [--dry-run] [--force] [NAME...]
int runMigrate(const VerbContext& ctx, const std::vector<std::string>& args);

}  // namespace rcjail
