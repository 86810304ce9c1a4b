// After a run that was killed part way: start takes a jail rcjail started
// (found by jls under its name and path) as running, stop removes the id
// files of jails that are gone, status tells what does not fit, and the run
// lock says whether the run before was killed. Stock mode keeps stock.
#include <boost/test/unit_test.hpp>

#include "fake_jail_system.h"
#include "jail_service.h"
#include "rc_conf_reader.h"
#include "rc_conf_test_support.h"
#include "run_lock.h"
#include "running_jail.h"
#include "test_support.h"

using namespace rcjail;
using namespace rcjail::testing;

namespace {

struct Fixture {
  TempDir dir;
  FsRoot root{dir.path()};
  Variables vars;
  CapturedConsole cap;
  FakeJailSystem sys;
  std::function<std::time_t()> clock = [] { return std::time_t(0); };

  Fixture() {
    addBuiltinDefaults(vars);
    dir.write("var/run/.keep", "");
    setLegacyJail(vars, "a");
    setLegacyJail(vars, "b");
    sys.running.emplace_back("a", 7);  // up, with jls path /j/a: its configured rootdir
    sys.nextJid = 8;
  }
  JailService service(bool afterKilledRun = false) {
    return JailService({vars, cap.console, sys, root, clock, nullptr, {}, afterKilledRun});
  }
};

using V = std::vector<std::string>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(interrupted_run, Fixture)

BOOST_AUTO_TEST_CASE(a_jail_whose_id_file_says_it_runs_is_already_running) {
  dir.write("var/run/jail_a.id", "7\n");
  BOOST_TEST(service().start({"a", "b"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: a.example.org (already running) b.example.org.\n");
  BOOST_TEST(dir.read("var/run/jail_a.id") == "7\n");
  BOOST_TEST(dir.read("var/run/jail_b.id") == "8\n");
  BOOST_TEST(service().warnObsolete() == 0);
}

BOOST_AUTO_TEST_CASE(after_a_killed_run_a_jail_without_id_file_is_already_running) {
  BOOST_TEST(service(true).start({"a", "b"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: a.example.org (already running) b.example.org.\n");
  BOOST_TEST(dir.read("var/run/jail_a.id") == "7\n");
  BOOST_TEST(sys.commandLines()[1] == "/usr/sbin/jls -j a jid path");
}

BOOST_AUTO_TEST_CASE(a_jail_started_some_other_way_still_fails) {
  JailService s = service();
  s.start({"a", "b"});
  BOOST_TEST(s.warnObsolete() == 1);
  BOOST_TEST(cap.out().find("cannot start jail  \"a.example.org\"") != std::string::npos);
  BOOST_TEST(!dir.exists("var/run/jail_a.id"));
  // as stock: nothing but jail(8) is run for it
  BOOST_TEST(sys.commandLines()[0] == "/usr/sbin/jail -i -f /var/run/jail.a.conf -c a");
  BOOST_TEST(sys.commandLines()[1] == "/usr/sbin/jail -i -f /var/run/jail.b.conf -c b");
}

BOOST_AUTO_TEST_CASE(a_jail_running_from_another_path_still_fails) {
  sys.paths["a"] = "/elsewhere";
  JailService s = service(true);
  s.start({"a"});
  BOOST_TEST(s.warnObsolete() == 1);
  BOOST_TEST(cap.out().find("cannot start jail") != std::string::npos);
  BOOST_TEST(!dir.exists("var/run/jail_a.id"));
}

BOOST_AUTO_TEST_CASE(stock_mode_keeps_the_failure) {
  vars.set("jail_quirks", "stock");
  dir.write("var/run/jail_a.id", "7\n");
  service(true).start({"a"});
  BOOST_TEST(cap.out().find("cannot start jail") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(stop_removes_the_id_file_of_a_jail_that_is_gone) {
  dir.write("var/run/jail_b.id", "3\n");
  dir.write("var/run/jail_a.id", "7\n");
  BOOST_TEST(service().stop({"b", "a"}) == 0);
  BOOST_TEST(cap.out() == "Stopping jails: a.example.org.\n");
  BOOST_TEST(!dir.exists("var/run/jail_b.id"));
  BOOST_TEST(!dir.exists("var/run/jail_a.id"));
  BOOST_TEST(!sys.isRunning("a"));
}

BOOST_AUTO_TEST_CASE(stop_of_all_removes_the_id_files_of_jails_that_are_gone) {
  dir.write("var/run/jail_gone.id", "3\n");
  dir.write("var/run/jail_a.id", "7\n");
  BOOST_TEST(service().stop({"_ALL"}) == 0);
  BOOST_TEST(!dir.exists("var/run/jail_gone.id"));
  BOOST_TEST(!dir.exists("var/run/jail_a.id"));
}

BOOST_AUTO_TEST_CASE(stock_stop_leaves_them) {
  vars.set("jail_quirks", "stock");
  dir.write("var/run/jail_b.id", "3\n");
  service().stop({"b"});
  BOOST_TEST(dir.exists("var/run/jail_b.id"));
}

BOOST_AUTO_TEST_CASE(running_jails_and_id_files_as_jls_and_var_run_give_them) {
  sys.running.emplace_back("b", 9);
  sys.paths["b"] = "/with blank/b";
  std::map<std::string, RunningJail> up = listRunningJails(sys, vars);
  BOOST_TEST(up.size() == 2u);
  BOOST_TEST(up["a"].jid == "7");
  BOOST_TEST(up["a"].path == "/j/a");
  BOOST_TEST(up["b"].path == "/with blank/b");
  std::optional<RunningJail> b = findRunningJail(sys, vars, "b");
  BOOST_REQUIRE(b.has_value());
  BOOST_TEST(b->jid == "9");
  BOOST_TEST(b->path == "/with blank/b");
  BOOST_TEST(!findRunningJail(sys, vars, "c").has_value());
  BOOST_TEST(!readJidFile(root, "a").has_value());
  dir.write("var/run/jail_a.id", "7\n");
  BOOST_TEST(*readJidFile(root, "a") == "7");
  BOOST_TEST(samePath("/j/a/", "/j/a"));
  BOOST_TEST(!samePath("", ""));
  BOOST_TEST(!samePath("/j/a", "/j/ab"));
}

BOOST_AUTO_TEST_CASE(the_configured_path_comes_from_the_file_jail8_gets) {
  const std::string text = "a {\n\tpath = \"/j/$name\";\n}\n";
  BOOST_TEST(configuredPath(root, "a", "/var/run/jail.a.conf", &text) == "/j/a");
  dir.write("etc/jail.conf", "path = \"/usr/jails/$name\";\nweb { }\n");
  BOOST_TEST(configuredPath(root, "web", "/etc/jail.conf", nullptr) == "/usr/jails/web");
  BOOST_TEST(configuredPath(root, "nope", "/etc/jail.conf", nullptr) == "");
}

BOOST_AUTO_TEST_CASE(each_state_is_told) {
  const RunningJail up{"7", "/j/a"};
  BOOST_TEST(describeRunState(up, std::string("7"), "/j/a", "a") == "");
  BOOST_TEST(describeRunState(std::nullopt, std::nullopt, "/j/a", "a") == "");
  BOOST_TEST(describeRunState(up, std::nullopt, "/j/a", "a") ==
             "no /var/run/jail_a.id: started outside rcjail or by a run that was killed");
  BOOST_TEST(describeRunState(std::nullopt, std::string("7"), "/j/a", "a") == "/var/run/jail_a.id is stale");
  BOOST_TEST(describeRunState(up, std::string("5"), "/j/a", "a") == "/var/run/jail_a.id says 5");
  BOOST_TEST(describeRunState(up, std::string("7"), "/j/b", "a") == "runs from /j/a, not from the configured /j/b");
}

BOOST_AUTO_TEST_CASE(the_lock_tells_a_run_that_the_one_before_was_killed) {
  RunLockOptions options;
  options.holderDescription = "pid 20: /etc/rc.d/jail start";
  {
    RunLockAttempt first = RunLockAttempt::acquire(root, options);
    BOOST_REQUIRE(first.lock.has_value());
    BOOST_TEST(first.lock->leftByKilledRun() == "");
  }
  // A killed run leaves the file with its holder line in it.
  dir.write("var/run/rcjail.lock", "pid 10: /etc/rc faststart\n");
  RunLockAttempt second = RunLockAttempt::acquire(root, options);
  BOOST_REQUIRE(second.lock.has_value());
  BOOST_TEST(second.lock->leftByKilledRun() == "pid 10: /etc/rc faststart");
  BOOST_TEST(dir.read("var/run/rcjail.lock") == "pid 20: /etc/rc.d/jail start\n");
}

BOOST_AUTO_TEST_SUITE_END()
