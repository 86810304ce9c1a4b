// Whether stopping the jails fits rc.shutdown's watchdog (rcshutdown_timeout),
// counted with the same worst-case schedule `plan` shows, and what `check`
// asks of the planner in one call.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "start_plan.h"
#include "variables.h"

namespace rcjail {

// rcshutdown_timeout in seconds; 0 when empty, zero or not a number (no watchdog).
int rcshutdownTimeout(const Variables& vars);

// The longest a stop plan can take: the total of its worst-case schedule
// (plan_schedule.h: every jail at its deadline plus kForceRemoveTimeout, in
// the plan's order, with its limit). nullopt when a jail has no deadline
// (its stop is not bounded).
std::optional<std::chrono::seconds> worstCaseDuration(const StopPlan& plan);

// Why the stop plan cannot fit rcshutdown_timeout, naming the jails of the
// critical path of that schedule; empty when it fits, when the watchdog is off
// (rcshutdownTimeout <= 0), or when no stop deadline is set at all.
std::vector<std::string> shutdownBudgetProblems(const StopPlan& plan, int rcshutdownTimeout);

// For `check`, in one call: the problems of the start plan of jail_list (or
// _ALL) and the shutdown budget of the stop that follows it. Both empty
// when no ordering knob is set.
struct PlanCheck {
  std::vector<PlanProblem> problems;  // unknown names, cycles, bad values, with file and line
  std::vector<std::string> budget;    // shutdownBudgetProblems of the shutdown stop
};
PlanCheck checkPlans(const Variables& vars, const PlanEnvironment& env);

}  // namespace rcjail
