// The shutdown budget: the stop schedule's worst case against rcshutdown_timeout.
#include "shutdown_budget.h"

#include <algorithm>

#include "plan_schedule.h"
#include "text_fields.h"

namespace rcjail {

namespace {

using Seconds = std::chrono::seconds;

bool allDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string seconds(Seconds s) { return std::to_string(s.count()) + " s"; }

}  // namespace

int rcshutdownTimeout(const Variables& vars) {
  const std::string& v = vars.get("rcshutdown_timeout");
  return allDigits(v) && v.size() < 8 ? std::stoi(v) : 0;
}

std::optional<Seconds> worstCaseDuration(const StopPlan& plan) { return worstCaseSchedule(plan, false).total; }

std::vector<std::string> shutdownBudgetProblems(const StopPlan& plan, int rcshutdownTimeout) {
  std::vector<std::string> out;
  if (rcshutdownTimeout <= 0) return out;
  std::string unbounded;
  bool anyDeadline = false;
  for (const PlannedJail& j : plan.jails) {
    if (!j.skipReason.empty()) continue;
    if (j.deadline) anyDeadline = true;
    else unbounded += (unbounded.empty() ? "" : ", ") + j.name;
  }
  if (!anyDeadline) return out;
  const std::string budget = "rcshutdown_timeout (" + std::to_string(rcshutdownTimeout) + " s)";
  if (!unbounded.empty())
    out.push_back("no stop timeout for " + unbounded + ": stopping " + (unbounded.find(',') == std::string::npos ? "it" : "them") +
                  " can outlast " + budget + "; set jail_stop_timeout or jail_NAME_stop_timeout");
  // The unbounded stops are reported above; what the bounded ones take is
  // the least the shutdown needs, counted with the same schedule `plan` shows.
  std::vector<std::optional<Seconds>> durations;
  for (const PlannedJail& j : plan.jails) durations.push_back(worstCaseOf(j, false).value_or(Seconds(0)));
  Schedule s = scheduleOf(plan, durations);
  if (!s.total || s.total->count() <= rcshutdownTimeout) return out;
  std::string names;
  for (const std::string& name : s.criticalPath) {
    const ScheduledJail& j = *std::find_if(s.jails.begin(), s.jails.end(), [&](const ScheduledJail& x) { return x.name == name; });
    if (j.duration && j.duration->count() > 0)
      names += (names.empty() ? "" : ", then ") + name + " (" + seconds(*j.duration) + ")";
  }
  out.push_back("stopping the jails can take up to " + seconds(*s.total) + ", more than " + budget + ": " + names +
                " (each stop timeout plus " + seconds(kForceRemoveTimeout) + " for jail -R)");
  return out;
}

PlanCheck checkPlans(const Variables& vars, const PlanEnvironment& env) {
  PlanCheck out;
  std::vector<std::string> names = splitFields(vars.get("jail_list"));
  if (names.empty()) names.push_back("_ALL");
  StartPlan start = planStart(vars, names, env);
  if (!start.driver) return out;
  out.problems = start.problems;
  if (out.problems.empty()) out.budget = shutdownBudgetProblems(planShutdownStop(vars, start, env), rcshutdownTimeout(vars));
  return out;
}

}  // namespace rcjail
