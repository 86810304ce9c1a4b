// The dependency graph: orders, waves, unknown names and cycles.
#include <boost/test/unit_test.hpp>

#include "dependency_graph.h"

using namespace rcjail;

namespace {

using V = std::vector<std::string>;
using W = std::vector<V>;

DependencyGraph graph(const V& jails, const std::vector<std::pair<std::string, std::string>>& edges) {
  DependencyGraph g;
  for (const std::string& j : jails) g.addJail(j);
  int line = 1;
  for (auto& [from, to] : edges) g.addEdge({from, to, "jail_" + from + "_depend", {"/etc/rc.conf", line++}});
  return g;
}

// a <- b, c <- d: the diamond.
DependencyGraph diamond() { return graph({"d", "c", "b", "a"}, {{"b", "a"}, {"c", "a"}, {"d", "b"}, {"d", "c"}}); }

}  // namespace

BOOST_AUTO_TEST_SUITE(dependency_graph)

BOOST_AUTO_TEST_CASE(diamond_waves_start_and_stop) {
  DependencyGraph g = diamond();
  BOOST_TEST(g.problems().empty());
  V order = g.startOrder();
  BOOST_TEST(order == (V{"a", "b", "c", "d"}));
  BOOST_TEST(g.startWaves(order) == (W{{"a"}, {"b", "c"}, {"d"}}));
  V stop = g.stopOrder(V{"a", "b", "c", "d"});
  BOOST_TEST(stop == (V{"d", "b", "c", "a"}));
  BOOST_TEST(g.stopWaves(stop) == (W{{"d"}, {"b", "c"}, {"a"}}));
}

BOOST_AUTO_TEST_CASE(start_order_keeps_the_base_order_where_it_can) {
  DependencyGraph g = graph({"web", "other", "db"}, {{"web", "db"}});
  BOOST_TEST(g.startOrder() == (V{"db", "web", "other"}));
  BOOST_TEST(g.startWaves(g.startOrder()) == (W{{"db", "other"}, {"web"}}));
  DependencyGraph none = graph({"c", "a", "b"}, {});
  BOOST_TEST(none.startOrder() == (V{"c", "a", "b"}));
}

BOOST_AUTO_TEST_CASE(stop_order_puts_dependents_first) {
  DependencyGraph g = graph({"db", "web", "mail"}, {{"web", "db"}});
  BOOST_TEST(g.stopOrder({"db", "web", "mail"}) == (V{"web", "db", "mail"}));
  BOOST_TEST(g.stopOrder({"mail", "web", "db"}) == (V{"mail", "web", "db"}));
}

BOOST_AUTO_TEST_CASE(dependencies_and_dependents_are_listed_once) {
  DependencyGraph g = graph({"a", "b"}, {{"b", "a"}, {"b", "a"}, {"b", "zz"}});
  BOOST_TEST(g.dependencies("b") == V{"a"});
  BOOST_TEST(g.dependents("a") == V{"b"});
}

BOOST_AUTO_TEST_CASE(unknown_names_carry_the_variable_and_line) {
  DependencyGraph g = graph({"web"}, {{"web", "dbx"}});
  auto problems = g.problems();
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].describe() == "/etc/rc.conf:1: jail_web_depend: web depends on unknown jail \"dbx\"");
  BOOST_TEST(g.cycles().empty());
}

BOOST_AUTO_TEST_CASE(a_cycle_is_reported_once_with_every_edge) {
  DependencyGraph g;
  g.addJail("a");
  g.addJail("b");
  g.addJail("c");
  g.addEdge({"a", "b", "jail_a_depend", {"/etc/rc.conf", 3}});
  g.addEdge({"b", "a", "depend", {"/etc/jail.conf", 7}});
  auto problems = g.problems();
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].describe() ==
             "/etc/rc.conf:3: dependency cycle: a -> b -> a (a needs b: jail_a_depend at /etc/rc.conf:3; "
             "b needs a: depend at /etc/jail.conf:7)");
}

BOOST_AUTO_TEST_CASE(self_dependency_and_longer_cycles) {
  DependencyGraph g = graph({"a", "b", "c", "d"}, {{"a", "a"}, {"b", "c"}, {"c", "d"}, {"d", "b"}});
  auto problems = g.cycles();
  BOOST_TEST_REQUIRE(problems.size() == 2u);
  BOOST_TEST(problems[0].message.rfind("dependency cycle: a -> a (", 0) == 0);
  BOOST_TEST(problems[1].message.rfind("dependency cycle: b -> c -> d -> b (", 0) == 0);
  // Orders and waves still come out (every jail once) for a caller that looks.
  BOOST_TEST(g.startOrder().size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
