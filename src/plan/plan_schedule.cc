// See plan_schedule.h. An event replay: at each step every waiting jail
// whose dependencies are done starts while a slot is free, then the running
// jail that ends first ends. Unbounded jails take a time so long that
// nothing bounded reaches it, and every time at or past it reads "unbounded".
#include "plan_schedule.h"

#include <algorithm>
#include <map>

namespace rcjail {

namespace {

using Seconds = std::chrono::seconds;

// Far beyond any sum of real deadlines, far below overflow.
constexpr Seconds kUnbounded{1'000'000'000'000LL};

std::optional<Seconds> bounded(Seconds s) {
  if (s >= kUnbounded) return std::nullopt;
  return s;
}

}  // namespace

std::optional<Seconds> worstCaseOf(const PlannedJail& j, bool start) {
  if (!j.skipReason.empty()) return Seconds(0);
  if (!j.deadline) return std::nullopt;
  // A start that ends just before its deadline can still wait the whole
  // readiness timeout; one that hits it is killed and jail -R is given
  // kForceRemoveTimeout.
  Seconds after = kForceRemoveTimeout;
  if (start && j.ready && j.readyTimeout) after = std::max(after, j.readyTimeout->value);
  return j.deadline->value + after;
}

Schedule worstCaseSchedule(const JailPlan& plan, bool start) {
  std::vector<std::optional<Seconds>> durations;
  for (const PlannedJail& j : plan.jails) durations.push_back(worstCaseOf(j, start));
  return scheduleOf(plan, durations);
}

Schedule scheduleOf(const JailPlan& plan, const std::vector<std::optional<Seconds>>& durations) {
  const size_t n = plan.jails.size();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < n; ++i) index.emplace(plan.jails[i].name, i);
  const size_t limit = plan.parallel ? static_cast<size_t>(std::max(plan.limit.value_or(0), 0)) : 1;
  std::vector<Seconds> duration(n), begin(n), end(n);
  std::vector<std::optional<size_t>> cause(n);
  std::vector<int> state(n, 0);  // 0 waiting, 1 running, 2 done
  for (size_t i = 0; i < n; ++i)
    duration[i] = !plan.jails[i].skipReason.empty() ? Seconds(0) : durations.at(i).value_or(kUnbounded);
  std::optional<size_t> lastEnded;
  Seconds now(0);
  size_t running = 0;
  for (;;) {
    for (size_t i = 0; i < n; ++i) {
      if (state[i] != 0 || (limit && running >= limit)) continue;
      bool ready = std::all_of(plan.jails[i].after.begin(), plan.jails[i].after.end(), [&](const std::string& a) {
        auto it = index.find(a);
        return it == index.end() || state[it->second] == 2;
      });
      if (!ready) continue;
      state[i] = 1;
      ++running;
      cause[i] = lastEnded;
      begin[i] = now;
      end[i] = std::min(now + duration[i], kUnbounded);
    }
    std::optional<size_t> next;
    for (size_t i = 0; i < n; ++i)
      if (state[i] == 1 && (!next || end[i] < end[*next])) next = i;
    if (!next) break;
    state[*next] = 2;
    --running;
    now = end[*next];
    lastEnded = next;
  }
  Schedule out;
  std::optional<size_t> last;
  for (size_t i = 0; i < n; ++i) {
    ScheduledJail s{plan.jails[i].name, {}, bounded(duration[i]), std::nullopt, std::nullopt, cause[i]};
    for (const std::string& a : plan.jails[i].after)
      if (index.count(a)) s.waitsFor.push_back(a);
    if (state[i] == 2) {  // a jail caught in a dependency cycle never starts
      s.start = bounded(begin[i]);
      s.done = bounded(end[i]);
      if (!last || end[i] > end[*last]) last = i;
    }
    out.jails.push_back(std::move(s));
  }
  out.total = last ? bounded(end[*last]) : Seconds(0);
  for (std::optional<size_t> i = last; i; i = cause[*i]) out.criticalPath.push_back(plan.jails[*i].name);
  std::reverse(out.criticalPath.begin(), out.criticalPath.end());
  return out;
}

}  // namespace rcjail
