// The worst-case schedule of a start or stop plan: when each jail can start
// and be done at the latest, what it waits for, the critical path and the
// total. It replays the plan the way the scheduler runs it (each jail as soon
// as the jails it waits for are done and a slot of jail_parallel_limit is
// free, in plan order), with every jail taking its longest possible time.
// Pure: `plan` and `worstCaseOf` in, numbers out.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "start_plan.h"

namespace rcjail {

// The longest one jail can take, or nullopt when nothing bounds it (no
// deadline). Start: deadline, then the longer of the readiness timeout and
// the jail -R after a deadline; stop: deadline plus the jail -R.
std::optional<std::chrono::seconds> worstCaseOf(const PlannedJail& j, bool start);

struct ScheduledJail {
  std::string name;
  std::vector<std::string> waitsFor;  // the plan's jails it must wait for
  // nullopt: unbounded (it, or a jail before it, has no deadline).
  std::optional<std::chrono::seconds> duration, start, done;
  // The jail whose end let it start at `start` at the latest: one it waits
  // for, or one that freed a slot of the parallel limit. nullopt at time 0.
  std::optional<size_t> startedAfter;
};

struct Schedule {
  std::vector<ScheduledJail> jails;            // in plan order
  std::vector<std::string> criticalPath;       // first to last
  std::optional<std::chrono::seconds> total;   // nullopt: unbounded
};

// `durations[i]` for plan.jails[i]; nullopt is unbounded. Skipped jails
// take no time.
Schedule scheduleOf(const JailPlan& plan, const std::vector<std::optional<std::chrono::seconds>>& durations);
// The same with worstCaseOf for every jail.
Schedule worstCaseSchedule(const JailPlan& plan, bool start);

}  // namespace rcjail
