// The rule sets of `rcjail check`, one function a file, all appending to the
// same list of findings. Shared inputs come in as CheckInputs.
#pragma once

#include <string>
#include <vector>

#include "check_finding.h"
#include "closest_names.h"
#include "jail_inventory.h"

namespace rcjail {

struct CheckInputs {
  const Variables& vars;
  const CheckEnvironment& env;
  const std::vector<ConfiguredJail>& jails;  // the jails to check
  const std::vector<ConfiguredJail>& all;    // every configured jail
};

// check_variables.cc: jail_* typos, variables of unlisted jails, name
// collisions, values stock would write wrongly, obsolete rc.conf-style jails.
void checkVariables(const CheckInputs& in, std::vector<Finding>& out);
// check_host.cc: addresses, interfaces, rootdirs, fstabs, devfs_ruleset.
void checkHost(const CheckInputs& in, std::vector<Finding>& out);
// check_jail_conf.cc: syntax and per-jail errors, depend targets and cycles,
// drop-in files nobody reads.
void checkJailConf(const CheckInputs& in, std::vector<Finding>& out);
// The ordering knobs, through start_plan's checkPlans: unknown depend
// names, cycles, bad values, and the shutdown budget (the stop deadlines,
// in dependency order, against rcshutdown_timeout).
void checkShutdownBudget(const CheckInputs& in, std::vector<Finding>& out);
// check_start.cc: jail_enable and the other yes/no knobs, jail_program and
// friends, jail_conf, names listed twice.
void checkStartMistakes(const CheckInputs& in, std::vector<Finding>& out);
// check_start.cc: unknown jail.conf parameters (with the nearest known
// ones) and second blocks of one jail, in one file as parsed.
void checkBlocks(const JailConf& conf, std::vector<Finding>& out);
// check_start.cc: a "TOKEN: syntax error" that jail(8) reports on the line
// after a statement without its `;` is moved to that statement's line.
void placeMissingSemicolon(const FsRoot& root, Finding& f);

}  // namespace rcjail
