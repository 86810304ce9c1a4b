// What `status -a` and `list` know of the jails: the configured ones (the
// inventory), the running ones as jls shows them to this process, the
// running ones nothing configures, and why the configuration or the running
// state cannot be known; the lines of `rcjail list`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "jail_inventory.h"
#include "jail_system.h"
#include "privileges.h"
#include "variables.h"
#include "verb_context.h"

namespace rcjail {

struct RunningJails {
  std::map<std::string, std::string> jids;  // name -> jid, as `jls jid name` shows them
  // Why a jail jls does not show may still be running ("" when jls shows
  // every jail): jls failed or is missing, or this process may not see all.
  std::string unknown;
};
RunningJails runningJails(JailSystem& system, const Variables& vars, const Credentials& who);

// The jail.conf files the configuration names that cannot be read, each
// as "FILE:LINE: message" (jail(8)'s words): jail_conf when it is used or
// set, the files of /etc/jail.conf.d.
std::vector<std::string> configurationErrors(const Variables& vars, const FsRoot& root);

// The configured jails, then one entry per running jail nothing configures
// (no settings, problem "not configured", no location).
std::vector<ConfiguredJail> jailsToReport(const Variables& vars, const VerbContext& ctx, const RunningJails& running);

// "running", "stopped" or "unknown".
std::string jailState(const std::string& name, const RunningJails& running);

// The lines of `list`: a header, then NAME STATE JID ADDRESSES PATH CONFIGURED.
std::string formatList(const std::vector<ConfiguredJail>& jails, const RunningJails& running);

}  // namespace rcjail
