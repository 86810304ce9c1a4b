// `rcjail plan start|stop [--json] [NAME...]`: what a start or a stop would
// do (the worst-case schedule with its critical path, exact commands,
// generated configurations, deadlines, readiness checks, the shutdown budget), without starting, stopping or writing
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
// shutdownBudgetProblems; `worstStop` and `stopPath`: the total and the
// critical path of the shutdown stop's worst-case schedule.
struct PlanReport {
  std::string verb;  // "start" or "stop"
  const JailPlan& plan;
  std::vector<std::string> budget;
  std::optional<std::chrono::seconds> worstStop;
  std::vector<std::string> stopPath;
  int rcshutdownTimeout = 0;
};
std::string planText(const PlanReport& report);
std::string planJson(const PlanReport& report);

}  // namespace rcjail
