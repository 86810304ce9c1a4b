// Planning without processes: knobs, dependencies pulled in, waves, exact
// commands, generated configurations, deadlines, readiness, problems, and
// the shutdown budget.
#include <boost/test/unit_test.hpp>

#include "rc_conf_reader.h"
#include "rc_conf_test_support.h"
#include "start_plan.h"
#include "test_support.h"
#include "shutdown_budget.h"

using namespace rcjail;
using namespace rcjail::testing;
using namespace std::chrono_literals;

namespace {

using V = std::vector<std::string>;
using W = std::vector<V>;

const char* kDiamond =
    "a { path = \"/j/a\"; }\n"
    "b { path = \"/j/b\"; depend = a; }\n"
    "c { path = \"/j/c\"; depend = a; }\n"
    "d { path = \"/j/d\"; depend = b, c; }\n";

struct Fixture {
  TempDir dir;
  FsRoot root{dir.path()};
  Variables vars;
  PlanEnvironment env{{root, Quirks::Fixed, "2026-01-01 00:00:00", [] { return true; }, [] { return 1; }}, {}};

  Fixture() {
    addBuiltinDefaults(vars);
    dir.write("var/run/.keep", "");
  }
  void set(const std::string& name, const std::string& value, int line = 1) {
    vars.set(name, value, Location{"/etc/rc.conf", line});
  }
  void legacy(const std::string& name) { setLegacyJail(vars, name, Location{"/etc/rc.conf", 1}); }
  static V names(const JailPlan& plan) {
    V out;
    for (const PlannedJail& j : plan.jails) out.push_back(j.name);
    return out;
  }
  static std::string line(const std::vector<std::string>& argv) {
    std::string out;
    for (const std::string& a : argv) out += (out.empty() ? "" : " ") + a;
    return out;
  }
  std::vector<std::string> problems(const JailPlan& plan) {
    std::vector<std::string> out;
    for (const PlanProblem& p : plan.problems) out.push_back(p.describe());
    return out;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(start_plan, Fixture)

BOOST_AUTO_TEST_CASE(knobs) {
  BOOST_TEST(!orderingKnobsSet(vars));
  set("jail_parallel_start", "YES");
  set("jail_ready_timeout", "5");
  set("jail_parallel_stop", "NO");
  BOOST_TEST(!orderingKnobsSet(vars));
  for (const char* knob : {"jail_parallel_limit", "jail_web_depend", "jail_start_timeout", "jail_stop_timeout",
                           "jail_web_start_timeout", "jail_web_stop_timeout", "jail_web_ready"}) {
    Variables saved = vars;
    set(knob, "3");
    BOOST_TEST(orderingKnobsSet(vars), knob);
    set(knob, "");
    BOOST_TEST(!orderingKnobsSet(vars), knob);
    vars = saved;
  }
  set("jail_parallel_stop", "YES");
  BOOST_TEST(orderingKnobsSet(vars));
}

BOOST_AUTO_TEST_CASE(without_knobs_the_plan_is_the_stock_one) {
  legacy("a");
  legacy("b");
  StartPlan plan = planStart(vars, {"a", "b"}, env);
  BOOST_TEST(!plan.driver);
  BOOST_TEST(names(plan) == (V{"a", "b"}));
  BOOST_TEST(line(plan.jails[0].command) == "/usr/sbin/jail -i -f /var/run/jail.a.conf -c a");
  BOOST_TEST(plan.waves == (W{{"a"}, {"b"}}));
  BOOST_TEST(line(planStart(vars, {"_ALL"}, env).wholeFileCommand) == "/usr/sbin/jail -f /etc/jail.conf -c -p1");
  // jail.conf's own depend is jail(8)'s business in stock: still the whole file.
  dir.write("etc/jail.conf", kDiamond);
  set("jail_parallel_start", "YES");
  BOOST_TEST(line(planStart(vars, {"_ALL"}, env).wholeFileCommand) == "/usr/sbin/jail -f /etc/jail.conf -c");
  StopPlan stop = planStop(vars, {"b", "a"}, env);
  BOOST_TEST(!stop.driver);
  BOOST_TEST(line(stop.jails[0].command) == "/usr/sbin/jail -q -f /var/run/jail.b.conf -r b");
}

BOOST_AUTO_TEST_CASE(a_start_pulls_in_what_the_jail_depends_on) {
  legacy("db");
  legacy("cache");
  legacy("web");
  set("jail_web_depend", "db cache", 7);
  StartPlan plan = planStart(vars, {"web"}, env);
  BOOST_TEST(plan.driver);
  BOOST_TEST(plan.problems.empty());
  BOOST_TEST(names(plan) == (V{"db", "cache", "web"}));
  BOOST_TEST(plan.jails[0].pulledIn);
  BOOST_TEST(!plan.jails[2].pulledIn);
  BOOST_TEST(plan.jails[2].after == (V{"db", "cache"}));
  BOOST_TEST(plan.waves == (W{{"db", "cache"}, {"web"}}));
  BOOST_TEST(!plan.parallel);
  BOOST_TEST(line(plan.jails[0].command) == "/usr/sbin/jail -i -f /var/run/jail.db.conf -c db");
  BOOST_TEST(line(plan.jails[0].removeCommand) == "/usr/sbin/jail -q -R db");
  BOOST_TEST_REQUIRE(plan.jails[0].config.has_value());
  BOOST_TEST(plan.jails[0].config->path == "/var/run/jail.db.conf");
  BOOST_TEST(plan.jails[0].config->text.find("db {\n") != std::string::npos);
  BOOST_TEST(plan.jails[2].displayName == "web.example.org");
  BOOST_TEST(!dir.exists("var/run/jail.db.conf"));  // nothing written
}

BOOST_AUTO_TEST_CASE(all_jails_of_the_file_in_waves_with_a_limit) {
  dir.write("etc/jail.conf", kDiamond);
  set("jail_parallel_start", "YES");
  set("jail_parallel_limit", "2");
  StartPlan plan = planStart(vars, {"_ALL"}, env);
  BOOST_TEST(plan.driver);
  BOOST_TEST(plan.problems.empty());
  BOOST_TEST(plan.parallel);
  BOOST_TEST(*plan.limit == 2);
  BOOST_TEST(plan.waves == (W{{"a"}, {"b", "c"}, {"d"}}));
  BOOST_TEST(names(plan) == (V{"a", "b", "c", "d"}));
  BOOST_TEST(plan.jails[3].wave == 3);
  BOOST_TEST(line(plan.jails[0].command) == "/usr/sbin/jail -f /etc/jail.conf -c a");
  BOOST_TEST(plan.wholeFileCommand.empty());
}

BOOST_AUTO_TEST_CASE(parallel_order_is_by_wave_then_list) {
  legacy("web");
  legacy("db");
  legacy("mail");
  set("jail_web_depend", "db");
  set("jail_parallel_start", "YES");
  StartPlan plan = planStart(vars, {"web", "mail", "db"}, env);
  BOOST_TEST(names(plan) == (V{"db", "mail", "web"}));
  set("jail_parallel_start", "NO");
  BOOST_TEST(names(planStart(vars, {"web", "mail", "db"}, env)) == (V{"db", "web", "mail"}));
}

BOOST_AUTO_TEST_CASE(unknown_names_are_problems_with_their_line) {
  dir.write("etc/jail.conf", "a { path = \"/j/a\"; }\nb {\n\tdepend = nosuch;\n}\n");
  legacy("web");
  set("jail_web_depend", "dbx", 4);
  set("jail_list", "web ghost", 2);
  StartPlan plan = planStart(vars, {"web", "ghost"}, env);
  BOOST_TEST(problems(plan) ==
             (V{"/etc/rc.conf:4: jail_web_depend: web depends on \"dbx\": /etc/jail.conf does not define it",
                "/etc/rc.conf:2: jail_list: jail \"ghost\": /etc/jail.conf does not define it"}));
  StartPlan named = planStart(vars, {"b"}, env);
  BOOST_TEST(problems(named) ==
             (V{"/etc/jail.conf:3: depend: b depends on \"nosuch\", which /etc/jail.conf does not define"}));
  StartPlan all = planStart(vars, {"_ALL"}, env);
  BOOST_TEST(problems(all) == problems(named));
}

BOOST_AUTO_TEST_CASE(variable_errors_are_shown_with_the_jail_jail_8_fails) {
  dir.write("etc/jail.conf", "a {\n\tpath = \"/j/$name\";\n\thost.hostname = $nope;\n}\nb { path = /j/b; }\n");
  StartPlan plan = planStart(vars, {"a", "b"}, env);
  BOOST_REQUIRE(plan.jails.size() == 2U);
  std::vector<std::string> errors;
  for (const PlanProblem& e : plan.jails[0].configErrors) errors.push_back(e.describe());
  BOOST_TEST(errors == (V{"/etc/jail.conf:3: host.hostname: variable \"nope\" not found"}));
  BOOST_TEST(plan.jails[1].configErrors.empty());
  // jail(8) reports and fails the jail itself; the plan of the others stands.
  BOOST_TEST(plan.problems.empty());
}

BOOST_AUTO_TEST_CASE(cycles_across_rc_conf_and_jail_conf) {
  dir.write("etc/jail.conf", "a {\n\tpath = \"/j/a\";\n\tdepend = b;\n}\nb { path = \"/j/b\"; }\n");
  set("jail_b_depend", "a", 9);
  StartPlan plan = planStart(vars, {"_ALL"}, env);
  BOOST_TEST(problems(plan) ==
             (V{"/etc/jail.conf:3: dependency cycle: a -> b -> a (a needs b: depend at /etc/jail.conf:3; "
                "b needs a: jail_b_depend at /etc/rc.conf:9)"}));
}

BOOST_AUTO_TEST_CASE(deadlines_per_jail_over_global) {
  legacy("web");
  legacy("db");
  set("jail_start_timeout", "30", 3);
  set("jail_web_start_timeout", "5", 4);
  set("jail_stop_timeout", "20", 5);
  StartPlan plan = planStart(vars, {"db", "web"}, env);
  BOOST_TEST((plan.find("db")->deadline->value == 30s));
  BOOST_TEST(plan.find("db")->deadline->variable == "jail_start_timeout");
  BOOST_TEST((plan.find("web")->deadline->value == 5s));
  BOOST_TEST(plan.find("web")->deadline->where.str() == "/etc/rc.conf:4");
  StopPlan stop = planStop(vars, {"db", "web"}, env);
  BOOST_TEST(stop.find("web")->deadline->value == 20s);
  set("jail_web_start_timeout", "soon", 8);
  BOOST_TEST(problems(planStart(vars, {"web"}, env)) ==
             V{"/etc/rc.conf:8: jail_web_start_timeout: \"soon\" is not a number of seconds"});
  set("jail_web_start_timeout", "0");
  BOOST_TEST(!planStart(vars, {"web"}, env).find("web")->deadline);
}

BOOST_AUTO_TEST_CASE(readiness_checks) {
  legacy("db");
  set("jail_db_ready", "tcp:127.0.0.1:5432");
  StartPlan plan = planStart(vars, {"db"}, env);
  const PlannedJail* db = plan.find("db");
  BOOST_TEST_REQUIRE(db->ready.has_value());
  BOOST_TEST((db->ready->kind == ReadinessCheck::Kind::Tcp));
  BOOST_TEST(db->ready->port == 5432);
  BOOST_TEST((db->ready->timeout == kDefaultReadyTimeout));
  set("jail_db_ready", "file:/var/run/ready");
  set("jail_db_ready_timeout", "7");
  db = (plan = planStart(vars, {"db"}, env)).find("db");
  BOOST_TEST(db->ready->path == dir.path() + "/j/db/var/run/ready");
  BOOST_TEST((db->ready->timeout == 7s));
  set("jail_db_ready", "http://db/", 12);
  BOOST_TEST(problems(planStart(vars, {"db"}, env)) ==
             V{"/etc/rc.conf:12: jail_db_ready: \"http://db/\": unknown kind \"http\" (tcp, unix, file or exec)"});
}

BOOST_AUTO_TEST_CASE(a_stop_pulls_in_running_dependents_first) {
  legacy("db");
  legacy("web");
  legacy("idle");
  set("jail_web_depend", "db");
  env.running = {"db", "web", "idle", "other"};
  StopPlan plan = planStop(vars, {"db"}, env);
  BOOST_TEST(plan.problems.empty());
  BOOST_TEST(names(plan) == (V{"web", "db"}));
  BOOST_TEST(plan.jails[0].pulledIn);
  BOOST_TEST(plan.find("db")->after == V{"web"});
  BOOST_TEST(line(plan.jails[0].command) == "/usr/sbin/jail -q -f /var/run/jail.web.conf -r web");
}

BOOST_AUTO_TEST_CASE(stop_all_in_reverse_waves) {
  dir.write("etc/jail.conf", kDiamond);
  set("jail_parallel_stop", "YES");
  env.running = {"a", "b", "c", "d", "x"};
  StopPlan plan = planStop(vars, {"_ALL"}, env);
  BOOST_TEST(plan.problems.empty());
  BOOST_TEST(plan.parallel);
  BOOST_TEST(plan.waves == (W{{"d", "x"}, {"b", "c"}, {"a"}}));
  BOOST_TEST(line(plan.find("a")->command) == "/usr/sbin/jail -f /etc/jail.conf -r a");
  BOOST_TEST(line(plan.find("a")->removeCommand) == "/usr/sbin/jail -q -R a");
}

BOOST_AUTO_TEST_CASE(shutdown_budget) {
  legacy("a");
  legacy("b");
  legacy("c");
  set("jail_stop_timeout", "30");
  StopPlan plan = planStop(vars, {"a", "b", "c"}, env);
  BOOST_TEST(worstCaseDuration(plan)->count() == 135);
  BOOST_TEST(shutdownBudgetProblems(plan, 90) ==
             V{"stopping the jails can take up to 135 s, more than rcshutdown_timeout (90 s): a (45 s), then b (45 s), "
               "then c (45 s) (each stop timeout plus 15 s for jail -R)"});
  BOOST_TEST(shutdownBudgetProblems(plan, 0).empty());
  BOOST_TEST(shutdownBudgetProblems(plan, 200).empty());

  set("jail_parallel_stop", "YES");
  set("jail_parallel_limit", "2");
  plan = planStop(vars, {"a", "b", "c"}, env);
  BOOST_TEST(worstCaseDuration(plan)->count() == 90);
  BOOST_TEST(shutdownBudgetProblems(plan, 90).empty());

  set("jail_stop_timeout", "");
  set("jail_b_stop_timeout", "100");
  plan = planStop(vars, {"a", "b", "c"}, env);
  BOOST_TEST(!worstCaseDuration(plan));
  BOOST_TEST(shutdownBudgetProblems(plan, 90) ==
             (V{"no stop timeout for a, c: stopping them can outlast rcshutdown_timeout (90 s); set jail_stop_timeout "
                "or jail_NAME_stop_timeout",
                "stopping the jails can take up to 115 s, more than rcshutdown_timeout (90 s): b (115 s) (each stop "
                "timeout plus 15 s for jail -R)"}));
  BOOST_TEST(rcshutdownTimeout(vars) == 90);
}

BOOST_AUTO_TEST_CASE(the_shutdown_stop_of_a_start) {
  dir.write("etc/jail.conf", kDiamond);
  set("jail_stop_timeout", "10");
  StartPlan start = planStart(vars, {"_ALL"}, env);
  StopPlan stop = planShutdownStop(vars, start, env);
  BOOST_TEST(names(stop) == (V{"d", "b", "c", "a"}));
  BOOST_TEST(worstCaseDuration(stop)->count() == 100);
}

BOOST_AUTO_TEST_CASE(check_plans_in_one_call) {
  BOOST_TEST(checkPlans(vars, env).problems.empty());
  legacy("a");
  legacy("b");
  set("jail_list", "a b");
  set("jail_a_depend", "nosuch", 3);
  PlanCheck c = checkPlans(vars, env);
  BOOST_TEST_REQUIRE(c.problems.size() == 1u);
  BOOST_TEST(c.problems[0].where.str() == "/etc/rc.conf:3");
  set("jail_a_depend", "b");
  set("jail_stop_timeout", "80");
  c = checkPlans(vars, env);
  BOOST_TEST(c.problems.empty());
  BOOST_TEST(c.budget.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
