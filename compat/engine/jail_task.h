// The state of one jail while jail(8) works on it: its phases (remove,
// create, modify), the step list of the current phase, the command it waits
// for, and the milestones other jails' dependencies wait on.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jail_holder.h"
#include "jail_record.h"
#include "jail_spec.h"
#include "jail_steps.h"

namespace rcjail::compat {

// CreateOrModify (-cm) becomes Create or Modify once it is known whether
// the jail runs.
enum class Phase { Remove, Create, Modify, CreateOrModify };

using Clock = std::chrono::steady_clock;

struct RunningCommand {
  pid_t pid = 0;
  std::string text;  // the command line, for "failed" / "timed out"
  std::optional<Clock::time_point> deadline;  // exec.timeout
};

struct JailTask {
  JailSpec spec;
  bool wildcard = false;   // selected by "*" or a pattern: quiet about "already exists"/"not found"
  bool pulledIn = false;   // selected only as a dependency
  bool restartOnChange = false;  // -mr: a create-only change restarts the jail

  std::vector<Phase> phases;
  size_t phase = 0;
  bool phaseStarted = false;
  std::vector<Step> steps;
  size_t nextStep = 0;
  std::vector<Step> doneSteps;  // of the create phase, for the rollback
  bool rollingBack = false;

  bool failed = false;
  bool finished = false;
  bool jailCreated = false;  // light dependants of a creation may go
  bool jailRemoved = false;  // light dependencies of a removal may go
  bool removePhaseDone = false;

  std::optional<JailRecord> running;     // the jail, once found or created
  int jid = 0;                           // kept after removal for exec.poststop's JID
  std::unique_ptr<JailHolder> holder;    // while this run creates it
  std::unique_ptr<JailInit> init;        // the running jail's init, once proven
  bool forcedPersist = false;
  std::optional<RunningCommand> command;
  std::optional<Clock::time_point> terminateDeadline;  // stop.timeout running

  Phase currentPhase() const { return phases[phase]; }
};

}  // namespace rcjail::compat
