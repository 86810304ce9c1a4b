// Nested jail.conf blocks in rcjail's own verbs: the inventory (check,
// status -a, migrate) lists the inner jails, plan orders the outer jail
// first as jail(8) does, and a host whose jail(8) has the older grammar gets
// the syntax error that jail(8) would give. (A name in jail_list or on the
// command line has its dots turned into `_`, as stock rc.d/jail does, so a
// nested jail starts with the whole file only.)
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "check.h"
#include "jail_inventory.h"
#include "rc_conf_reader.h"
#include "rc_conf_test_support.h"
#include "start_plan.h"
#include "test_support.h"

using namespace rcjail;
using namespace rcjail::testing;

namespace {

using V = std::vector<std::string>;
using W = std::vector<V>;

const char* kNested =
    "path = \"/j/$name\";\n"
    "a {\n"
    "\tb { host.hostname = inner; }\n"
    "}\n"
    "c { }\n";

struct Fixture {
  TempDir dir;
  FsRoot root{dir.path()};
  Variables vars;

  Fixture() {
    addBuiltinDefaults(vars);
    dir.write("var/run/.keep", "");
    dir.write("etc/jail.conf", kNested);
    vars.set("jail_enable", "YES", Location{"/etc/rc.conf", 1});
  }
  static JailConfGrammarSource grammar(JailConfGrammar g) {
    return [g] { return g; };
  }
  V inventory(JailConfGrammar g) {
    V names;
    for (const ConfiguredJail& j : configuredJails(vars, {root, [] { return true; }, [] { return 1; }, grammar(g)}))
      names.push_back(j.name);
    return names;
  }
  std::vector<Finding> check(JailConfGrammar g) {
    CheckEnvironment env{root, [] { return true; }, [](const std::string&) { return true; }, [] { return 1; },
                         grammar(g)};
    return checkConfiguration(vars, env, {});
  }
  PlanEnvironment planEnv(JailConfGrammar g) {
    return {{root, Quirks::Fixed, "2026-01-01 00:00:00", [] { return true; }, [] { return 1; }, grammar(g)}, {}};
  }
  static V names(const JailPlan& plan) {
    V out;
    for (const PlannedJail& j : plan.jails) out.push_back(j.name);
    return out;
  }
  static bool hasSyntaxErrorAtLine3(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
      return f.severity == Severity::Error && f.where.line == 3 && f.message.find("syntax error") != std::string::npos;
    });
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(nested_jails, Fixture)

BOOST_AUTO_TEST_CASE(the_inventory_lists_the_inner_jails) {
  BOOST_TEST(inventory(JailConfGrammar::Current) == (V{"a", "a.b", "c"}));
  // The older grammar cannot read the file: no jail comes from it.
  BOOST_TEST(inventory(JailConfGrammar::Older).empty());
}

BOOST_AUTO_TEST_CASE(check_reads_the_file_with_the_hosts_grammar) {
  BOOST_TEST(!hasSyntaxErrorAtLine3(check(JailConfGrammar::Current)));
  BOOST_TEST(hasSyntaxErrorAtLine3(check(JailConfGrammar::Older)));
}

BOOST_AUTO_TEST_CASE(plan_starts_the_outer_jail_first) {
  // The ordering of rcjail (one jail(8) per jail) is on with a limit.
  vars.set("jail_parallel_start", "YES", Location{"/etc/rc.conf", 2});
  vars.set("jail_parallel_limit", "4", Location{"/etc/rc.conf", 2});
  StartPlan all = planStart(vars, {"_ALL"}, planEnv(JailConfGrammar::Current));
  BOOST_TEST(all.driver);
  BOOST_TEST(all.problems.empty());
  BOOST_TEST_REQUIRE(names(all) == (V{"a", "c", "a.b"}));  // in the order they can start
  BOOST_TEST(all.jails[2].after == (V{"a"}));
  BOOST_TEST(all.waves == (W{{"a", "c"}, {"a.b"}}));
}

BOOST_AUTO_TEST_SUITE_END()
