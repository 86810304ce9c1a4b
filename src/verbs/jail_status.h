// `rcjail status -a` and `rcjail list`: the inventory of configured jails (settings'
// jail_inventory) with what is running and the history of each.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "boot_history.h"
#include "jail_inventory.h"
#include "jail_system.h"
#include "variables.h"
#include "verb_context.h"

namespace rcjail {

// `rcjail status -a [--json]`: jails with jid (from jls), hostname, addresses,
// path, configuration and the last start/stop of the history.
struct StatusOptions {
  bool json = false;
  // Why a jail jls does not show may be running after all (RunningJails):
  // such jails are "unknown", not "not running".
  std::string unknown;
};
// `notes`: per jail, what does not fit between jls and /var/run
// (running_jail.h's describeRunState), shown with the jid.
std::string formatStatus(const std::vector<ConfiguredJail>& jails, const std::map<std::string, std::string>& jids,
                         const std::vector<HistoryRecord>& history, const StatusOptions& options,
                         const std::map<std::string, std::string>& notes = {});

// status -a [--json] / status --json.
int runStatusAll(const VerbContext& ctx, const std::vector<std::string>& args);

// list [--json]: exit 0, or 1 when the configuration cannot be read (what
// can be is still listed), also 1 for a usage error (as rc.subr and service(8) exit).
int runList(const VerbContext& ctx, const std::vector<std::string>& args);

}  // namespace rcjail
