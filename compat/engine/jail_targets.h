// Which jails one jail(8) invocation works on: the configured jails a target
// names or matches ('*', "foo.*"), running jails named by jid or name for
// -r and -R, the one jail of a command line, plus what dependencies pull in.
#pragma once

#include <vector>

#include "jail_conf.h"
#include "jail_dependencies.h"
#include "jail_options.h"
#include "jail_registry.h"
#include "jail_reporter.h"
#include "jail_task.h"

namespace rcjail::compat {

struct JailSelection {
  std::vector<JailTask> tasks;
  std::vector<DependencyEdge> edges;  // indices into tasks
  bool failed = false;  // a remove target was not found: exit 1 after the others
  bool fatal = false;   // a create/modify target is not in the file: exit 1 now
};

// `conf` is null when no configuration is in use. Messages about targets
// and about the configured jails (variable errors, undefined dependencies)
// are printed here.
JailSelection selectJails(const JailOptions& options, const JailConf* conf, const JailRegistry& registry,
                          JailReporter& reporter);

// The phases the options ask for: -c, -r, -rc, -m, -cm, -mr, -cmr.
std::vector<Phase> phasesFor(const JailOptions& options);

}  // namespace rcjail::compat
