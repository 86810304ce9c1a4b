// preflight: the default mode's privilege and name tests before a verb runs.
#include <boost/test/unit_test.hpp>

#include "fake_jail_system.h"
#include "preflight.h"
#include "test_support.h"

using namespace rcjail;
using rcjail::testing::CapturedConsole;
using rcjail::testing::FakeJailSystem;
using rcjail::testing::TempDir;

namespace {

struct Setup {
  TempDir dir;
  FsRoot root{dir.path()};
  Variables vars;
  FakeJailSystem system;
  CapturedConsole captured;
  Setup() {
    dir.write("etc/jail.conf", "ducky { path = /; }\nweb { path = /; }\n");
    dir.write("var/run/.keep", "");
    vars.set("jail_conf", "/etc/jail.conf");
  }
  std::optional<int> run(const std::vector<std::string>& rest, Credentials who = {0, false}) {
    return preflight(rest, {vars, captured.console, system, root, who});
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(preflight_checks)

BOOST_AUTO_TEST_CASE(verbs_without_prefixes) {
  BOOST_TEST(baseVerb("onestart") == "start");
  BOOST_TEST(baseVerb("faststop") == "stop");
  BOOST_TEST(baseVerb("status") == "status");
}

BOOST_AUTO_TEST_CASE(not_root_is_refused_before_anything_runs) {
  Setup s;
  BOOST_TEST(s.run({"stop"}, {65534, false}).value_or(0) == 1);
  BOOST_TEST(s.captured.err() ==
             "/etc/rc.d/jail: ERROR: stop needs root: only root can create, stop or enter jails (running as uid "
             "65534); nothing was done.\n");
  BOOST_TEST(s.system.calls.empty());
  BOOST_TEST(!s.run({"status"}, {65534, false}).has_value());
  BOOST_TEST(!s.run({"rcvar"}, {65534, false}).has_value());
  BOOST_TEST(!s.run({"start"}).has_value());
}

BOOST_AUTO_TEST_CASE(unknown_names_with_suggestions) {
  Setup s;
  BOOST_TEST(s.run({"onestart", "ducky", "webb"}).value_or(0) == 1);
  BOOST_TEST(s.captured.err() == "/etc/rc.d/jail: ERROR: jail webb is not configured; did you mean web?\n");
  BOOST_TEST(!s.run({"restart", "ducky", "web"}).has_value());
  BOOST_TEST(!s.run({"config", "nosuch"}).has_value());  // config says so itself
}

BOOST_AUTO_TEST_CASE(stock_mode_checks_nothing) {
  Setup s;
  s.vars.set("jail_quirks", "stock");
  BOOST_TEST(!s.run({"stop"}, {65534, false}).has_value());
  BOOST_TEST(!s.run({"start", "duckyy"}).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
