// `rcjail plan start|stop [--json] [NAME...]`: what a start or a stop would
// do (waves, exact commands, generated configurations, deadlines, readiness
// checks, the shutdown budget), without starting, stopping or writing
// anything. It asks the system only sysctls and, for a stop, `jls name`.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "start_plan.h"
#include "verb_context.h"

namespace rcjail {

int runPlanVerb(const VerbContext& ctx, const std::vector<std::string>& args);

// What `plan` prints, for a plan already made. `budget`: the problems of
// shutdownBudgetProblems; `worstStop`: the shutdown stop's worst case.
struct PlanReport {
  std::string verb;  // "start" or "stop"
  const JailPlan& plan;
  std::vector<std::string> budget;
  std::optional<std::chrono::seconds> worstStop;
  int rcshutdownTimeout = 0;
};
std::string planText(const PlanReport& report);
std::string planJson(const PlanReport& report);

}  // namespace rcjail
