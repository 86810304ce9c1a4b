// The worst-case schedule: start and done times, critical path and total on
// a diamond (a; b and c after a; d after b and c) with an independent jail
// `slow` that hangs until its deadline. Every expected number is worked out
// by hand in the comments from the deadlines, the readiness timeouts and
// kForceRemoveTimeout (15 s).
#include <boost/test/unit_test.hpp>

#include "plan_schedule.h"
#include "shutdown_budget.h"

// Times are optional (none for an unbounded jail): printed as the number or "none".
namespace boost::test_tools::tt_detail {
template <>
struct print_log_value<std::optional<long>> {
  void operator()(std::ostream& os, const std::optional<long>& v) {
    if (v) os << *v;
    else os << "none";
  }
};
}  // namespace boost::test_tools::tt_detail

using namespace rcjail;
using std::chrono::seconds;

namespace {

PlannedJail jail(const std::string& name, std::vector<std::string> after, std::optional<int> deadline,
                 std::optional<int> ready = std::nullopt) {
  PlannedJail j;
  j.name = name;
  j.after = std::move(after);
  if (deadline) j.deadline = TimeLimit{seconds(*deadline), "jail_" + name + "_start_timeout", {}};
  if (ready) {
    j.ready = ReadinessCheck{};
    j.readyTimeout = TimeLimit{seconds(*ready), "jail_" + name + "_ready_timeout", {}};
  }
  return j;
}

// Start: a 10 s; slow 40 s; b 5 s after a; c 20 s with a 30 s readiness
// timeout after a; d 5 s with a 10 s readiness timeout after b and c.
// Worst cases: a 10+15 = 25, slow 40+15 = 55, b 5+15 = 20,
// c 20+max(30,15) = 50, d 5+max(10,15) = 20.
JailPlan diamondStart(bool parallel, std::optional<int> limit) {
  JailPlan plan;
  plan.driver = true;
  plan.parallel = parallel;
  plan.limit = limit;
  plan.jails = {jail("a", {}, 10), jail("slow", {}, 40), jail("b", {"a"}, 5), jail("c", {"a"}, 20, 30),
                jail("d", {"b", "c"}, 5, 10)};
  return plan;
}

std::optional<long> startOf(const Schedule& s, const std::string& name) {
  for (const ScheduledJail& j : s.jails)
    if (j.name == name) return j.start ? std::optional<long>(j.start->count()) : std::nullopt;
  BOOST_FAIL("no jail " + name);
  return std::nullopt;
}

std::optional<long> doneOf(const Schedule& s, const std::string& name) {
  for (const ScheduledJail& j : s.jails)
    if (j.name == name) return j.done ? std::optional<long>(j.done->count()) : std::nullopt;
  BOOST_FAIL("no jail " + name);
  return std::nullopt;
}

using Path = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_schedule)

BOOST_AUTO_TEST_CASE(worst_case_of_one_jail) {
  BOOST_TEST(worstCaseOf(jail("a", {}, 10), true)->count() == 25);        // 10 + jail -R 15
  BOOST_TEST(worstCaseOf(jail("a", {}, 10, 30), true)->count() == 40);    // 10 + readiness 30
  BOOST_TEST(worstCaseOf(jail("a", {}, 10, 30), false)->count() == 25);   // a stop waits for no readiness
  BOOST_TEST(!worstCaseOf(jail("a", {}, std::nullopt), true));
  PlannedJail skipped = jail("a", {}, std::nullopt);
  skipped.skipReason = "no configuration";
  BOOST_TEST(worstCaseOf(skipped, true)->count() == 0);
}

BOOST_AUTO_TEST_CASE(diamond_in_parallel_without_limit) {
  // a [0,25] and slow [0,55] at once; b [25,45] and c [25,75] when a is done,
  // whatever slow does; d [75,95] after c, the later of b and c.
  Schedule s = worstCaseSchedule(diamondStart(true, std::nullopt), true);
  BOOST_TEST(startOf(s, "slow") == 0);
  BOOST_TEST(doneOf(s, "slow") == 55);
  BOOST_TEST(startOf(s, "b") == 25);
  BOOST_TEST(doneOf(s, "b") == 45);
  BOOST_TEST(startOf(s, "c") == 25);
  BOOST_TEST(doneOf(s, "c") == 75);
  BOOST_TEST(startOf(s, "d") == 75);
  BOOST_TEST(doneOf(s, "d") == 95);
  BOOST_TEST(s.total->count() == 95);
  BOOST_TEST(s.criticalPath == (Path{"a", "c", "d"}));
  BOOST_TEST(s.jails[4].waitsFor == (Path{"b", "c"}));
}

BOOST_AUTO_TEST_CASE(diamond_with_a_parallel_limit_of_two) {
  // a [0,25] and slow [0,55] fill both slots; at 25 b takes a's slot
  // [25,45]; c waits for b's slot [45,95]; d after c [95,115].
  Schedule s = worstCaseSchedule(diamondStart(true, 2), true);
  BOOST_TEST(startOf(s, "b") == 25);
  BOOST_TEST(startOf(s, "c") == 45);
  BOOST_TEST(doneOf(s, "c") == 95);
  BOOST_TEST(doneOf(s, "d") == 115);
  BOOST_TEST(s.total->count() == 115);
  BOOST_TEST(s.criticalPath == (Path{"a", "b", "c", "d"}));
}

BOOST_AUTO_TEST_CASE(diamond_one_at_a_time) {
  // Plan order, each after the last: a 25, slow 80, b 100, c 150, d 170.
  Schedule s = worstCaseSchedule(diamondStart(false, std::nullopt), true);
  BOOST_TEST(doneOf(s, "slow") == 80);
  BOOST_TEST(startOf(s, "d") == 150);
  BOOST_TEST(s.total->count() == 170);
  BOOST_TEST(s.criticalPath == (Path{"a", "slow", "b", "c", "d"}));
}

BOOST_AUTO_TEST_CASE(a_jail_without_deadline_is_unbounded_and_delays_only_its_own) {
  JailPlan plan = diamondStart(true, std::nullopt);
  plan.jails[1].deadline.reset();  // slow
  Schedule s = worstCaseSchedule(plan, true);
  BOOST_TEST(startOf(s, "slow") == 0);
  BOOST_TEST(!doneOf(s, "slow"));
  BOOST_TEST(doneOf(s, "d") == 95);
  BOOST_TEST(!s.total);
  BOOST_TEST(s.criticalPath == (Path{"slow"}));
  plan.jails[0].deadline.reset();  // a: everything after it is unbounded too
  s = worstCaseSchedule(plan, true);
  BOOST_TEST(!startOf(s, "b"));
  BOOST_TEST(!doneOf(s, "d"));
}

// Stop, dependents first: d 5, then b 5 and c 20, then a 10; slow 41 on
// its own. Each takes its deadline + 15: d 20, b 20, c 35, a 25, slow 56.
StopPlan diamondStop(std::optional<int> limit) {
  StopPlan plan;
  plan.driver = true;
  plan.parallel = true;
  plan.limit = limit;
  plan.jails = {jail("d", {}, 5), jail("slow", {}, 41), jail("b", {"d"}, 5), jail("c", {"d"}, 20),
                jail("a", {"b", "c"}, 10)};
  return plan;
}

BOOST_AUTO_TEST_CASE(shutdown_budget_fires_exactly_above_the_total) {
  // d [0,20]; b [20,40]; c [20,55]; a [55,80]; slow [0,56]: 80 s, d -> c -> a.
  StopPlan plan = diamondStop(std::nullopt);
  BOOST_TEST(worstCaseDuration(plan)->count() == 80);
  BOOST_TEST(shutdownBudgetProblems(plan, 80).empty());
  BOOST_TEST(shutdownBudgetProblems(plan, 79) ==
             std::vector<std::string>{"stopping the jails can take up to 80 s, more than rcshutdown_timeout (79 s): "
                                      "d (20 s), then c (35 s), then a (25 s) (each stop timeout plus 15 s for jail -R)"});
}

BOOST_AUTO_TEST_CASE(shutdown_budget_counts_the_parallel_limit) {
  // Two at once: d [0,20] and slow [0,56]; b [20,40]; c [40,75]; a [75,100].
  StopPlan plan = diamondStop(2);
  BOOST_TEST(worstCaseDuration(plan)->count() == 100);
  BOOST_TEST(shutdownBudgetProblems(plan, 100).empty());
  BOOST_TEST(shutdownBudgetProblems(plan, 99) ==
             std::vector<std::string>{"stopping the jails can take up to 100 s, more than rcshutdown_timeout (99 s): "
                                      "d (20 s), then b (20 s), then c (35 s), then a (25 s) (each stop timeout plus "
                                      "15 s for jail -R)"});
}

BOOST_AUTO_TEST_SUITE_END()
