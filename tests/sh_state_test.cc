// Tests of the shell state: readonly, export of names set later, and the
// save/restore of local variables.
#include <boost/test/unit_test.hpp>

#include "sh_state.h"

namespace rcjail {

BOOST_AUTO_TEST_SUITE(sh_state)

BOOST_AUTO_TEST_CASE(assignment_keeps_location_and_flags) {
  ShState state{Variables()};
  state.assign("a", "1", {"f", 1});
  state.markExported("a");
  state.assign("a", "2", {"f", 2});
  BOOST_TEST(state.find("a")->value == "2");
  BOOST_TEST(state.find("a")->exported);
  BOOST_TEST(state.find("a")->where.line == 2);
}

BOOST_AUTO_TEST_CASE(flags_of_unset_names_apply_when_set) {
  ShState state{Variables()};
  state.markExported("later");
  BOOST_TEST(state.find("later") == nullptr);
  state.assign("later", "x", {});
  BOOST_TEST(state.find("later")->exported);
}

BOOST_AUTO_TEST_CASE(readonly_refuses_assignment_and_unset) {
  ShState state{Variables()};
  state.assign("r", "1", {});
  state.markReadonly("r");
  BOOST_CHECK_THROW(state.assign("r", "2", {"f", 3}), ConfigError);
  BOOST_CHECK_THROW(state.unset("r", {}), ConfigError);
  state.markReadonly("unset_ro");
  BOOST_CHECK_THROW(state.assign("unset_ro", "x", {}), ConfigError);
  try {
    state.assign("r", "2", {"f", 3});
  } catch (const ConfigError& e) {
    BOOST_TEST(e.describe() == "f:3: r: is read only");
  }
}

BOOST_AUTO_TEST_CASE(local_restores_on_scope_exit) {
  ShState state{Variables()};
  state.assign("x", "outer", {"f", 1});
  state.pushScope();
  state.makeLocal("x");
  BOOST_TEST(state.find("x")->value == "outer");  // keeps its value, as in dash
  state.assign("x", "inner", {"f", 5});
  state.makeLocal("y");
  state.assign("y", "new", {});
  state.popScope();
  BOOST_TEST(state.find("x")->value == "outer");
  BOOST_TEST(state.find("x")->where.line == 1);
  BOOST_TEST(state.find("y") == nullptr);
}

BOOST_AUTO_TEST_CASE(local_twice_in_one_scope_saves_once) {
  ShState state{Variables()};
  state.assign("x", "outer", {});
  state.pushScope();
  state.makeLocal("x");
  state.assign("x", "1", {});
  state.makeLocal("x");
  state.assign("x", "2", {});
  state.popScope();
  BOOST_TEST(state.find("x")->value == "outer");
}

BOOST_AUTO_TEST_CASE(unset_local_is_restored) {
  ShState state{Variables()};
  state.assign("v", "outer", {});
  state.pushScope();
  state.makeLocal("v");
  state.unset("v", {});
  BOOST_TEST(state.find("v") == nullptr);
  state.popScope();
  BOOST_TEST(state.find("v")->value == "outer");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
