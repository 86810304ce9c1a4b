// start and stop with rcjail's ordering knobs set, against a scripted
// jail(8): dependencies pulled in, failures and skips, deadlines, readiness,
// parallel output, interruption, and what the outcome sink hears.
#include <boost/test/unit_test.hpp>

#include "fake_jail_system.h"
#include "jail_service.h"
#include "rc_conf_reader.h"
#include "rc_conf_test_support.h"
#include "test_support.h"

using namespace rcjail;
using namespace rcjail::testing;
using namespace std::chrono_literals;

namespace {

struct RecordingOutcomes : OutcomeSink {
  std::vector<JailOutcome> all;
  void jailFinished(const JailOutcome& o) override { all.push_back(o); }
  const JailOutcome* of(const std::string& jail, const std::string& verb = "start") const {
    for (const JailOutcome& o : all)
      if (o.jail == jail && o.verb == verb) return &o;
    return nullptr;
  }
};

struct Fixture {
  TempDir dir;
  FsRoot root{dir.path()};
  Variables vars;
  CapturedConsole cap;
  FakeJailSystem sys;
  RecordingOutcomes outcomes;
  std::function<std::time_t()> clock = [] { return std::time_t(0); };
  std::function<bool()> interrupted;

  Fixture() {
    addBuiltinDefaults(vars);
    dir.write("var/run/.keep", "");
  }
  JailService service() { return JailService({vars, cap.console, sys, root, clock, &outcomes, interrupted}); }
  void set(const std::string& name, const std::string& value, int line = 1) {
    vars.set(name, value, Location{"/etc/rc.conf", line});
  }
  void legacy(const std::string& name) { setLegacyJail(vars, name, Location{"/etc/rc.conf", 1}); }
  bool ran(const std::string& line) const {
    auto lines = sys.commandLines();
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  }
  // Both command lines ran, `first` before `second`; else says which is missing.
  boost::test_tools::assertion_result ranBefore(const std::string& first, const std::string& second) const {
    auto lines = sys.commandLines();
    auto a = std::find(lines.begin(), lines.end(), first);
    auto b = std::find(lines.begin(), lines.end(), second);
    boost::test_tools::assertion_result result(a != lines.end() && b != lines.end() && a < b);
    if (a == lines.end()) result.message() << first << " never ran";
    else if (b == lines.end()) result.message() << second << " never ran";
    else if (b < a) result.message() << second << " ran first";
    return result;
  }
};

const std::string kWarnPrefix = "/etc/rc.d/jail: WARNING: ";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(jail_service_driver, Fixture)

BOOST_AUTO_TEST_CASE(starting_a_jail_starts_what_it_depends_on_first) {
  legacy("db");
  legacy("web");
  set("jail_web_depend", "db");
  auto s = service();
  BOOST_TEST(s.start({"web"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: db.example.org web.example.org.\n");
  BOOST_CHECK(ranBefore("/usr/sbin/jail -i -f /var/run/jail.db.conf -c db",
                       "/usr/sbin/jail -i -f /var/run/jail.web.conf -c web"));
  BOOST_TEST(dir.read("var/run/jail_db.id") == "1\n");
  BOOST_TEST(dir.read("var/run/jail_web.id") == "2\n");
  BOOST_TEST(dir.exists("var/run/jail.db.conf"));
  BOOST_TEST(s.warnObsolete() == 0);
  BOOST_TEST_REQUIRE(outcomes.all.size() == 2u);
  BOOST_TEST((outcomes.of("db")->result == JailResult::Ok));
}

BOOST_AUTO_TEST_CASE(a_dependency_already_running_is_not_started_again) {
  legacy("db");
  legacy("web");
  set("jail_web_depend", "db");
  sys.running = {{"db", 1}};
  sys.nextJid = 2;
  BOOST_TEST(service().start({"web"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: web.example.org.\n");
  BOOST_TEST(!ran("/usr/sbin/jail -i -f /var/run/jail.db.conf -c db"));
}

BOOST_AUTO_TEST_CASE(a_failure_skips_its_dependents_and_the_rest_goes_on) {
  legacy("db");
  legacy("web");
  legacy("mail");
  set("jail_web_depend", "db");
  sys.failCreate = {"db"};
  auto s = service();
  BOOST_TEST(s.start({"db", "web", "mail"}) == 0);
  BOOST_TEST(cap.out() ==
             "Starting jails: cannot start jail  \"db.example.org\": \njail: db: simulated failure\n mail.example.org.\n");
  BOOST_TEST(cap.err().find(kWarnPrefix + "jail web not started: it depends on db, which did not start\n") !=
             std::string::npos);
  BOOST_TEST(!ran("/usr/sbin/jail -i -f /var/run/jail.web.conf -c web"));
  BOOST_TEST((outcomes.of("db")->result == JailResult::Failed));
  BOOST_TEST((outcomes.of("web")->result == JailResult::Skipped));
  BOOST_TEST((outcomes.of("mail")->result == JailResult::Ok));
  BOOST_TEST(s.warnObsolete() == 1);
}

BOOST_AUTO_TEST_CASE(a_problem_stops_the_jails_it_concerns_and_what_needs_them) {
  legacy("web");
  legacy("mail");
  legacy("shop");
  set("jail_web_depend", "dbx", 6);
  set("jail_shop_depend", "web", 7);
  auto s = service();
  BOOST_TEST(s.start({"web", "mail", "shop"}) == 0);  // the stock status; fix F makes the exit 1
  BOOST_TEST(cap.out() == "Starting jails: mail.example.org.\n");
  BOOST_TEST(cap.err().find("/etc/rc.d/jail: ERROR: /etc/rc.conf:6: jail_web_depend: web depends on \"dbx\": Invalid "
                            "configuration for dbx  (no jail.conf, no hostname, or no path).   Jail dbx was ignored.\n") == 0);
  BOOST_TEST(cap.err().find(kWarnPrefix + "jail shop not started: it depends on web, which did not start\n") !=
             std::string::npos);
  BOOST_TEST(cap.err().find("no jail started") == std::string::npos);
  BOOST_TEST(sys.commandLines() == (std::vector<std::string>{"/usr/sbin/jail -i -f /var/run/jail.mail.conf -c mail",
                                                             "/usr/sbin/jls -j mail jid"}));
  BOOST_TEST((outcomes.of("web")->result == JailResult::Failed));
  BOOST_TEST((outcomes.of("shop")->result == JailResult::Skipped));
  BOOST_TEST((outcomes.of("mail")->result == JailResult::Ok));

  // A cycle: its jails are not started, and they do not hold up the others.
  legacy("db");
  set("jail_web_depend", "db", 6);
  set("jail_db_depend", "web", 7);
  set("jail_shop_depend", "", 8);
  Fixture again;
  again.vars = vars;
  BOOST_TEST(again.service().start({"web", "mail"}) == 0);
  BOOST_TEST(again.cap.err().find("ERROR: /etc/rc.conf:6: dependency cycle: web -> db -> web") != std::string::npos);
  BOOST_TEST(again.cap.out() == "Starting jails: mail.example.org.\n");
  BOOST_TEST((again.outcomes.of("web")->result == JailResult::Failed));
  BOOST_TEST((again.outcomes.of("db")->result == JailResult::Failed));
}

BOOST_AUTO_TEST_CASE(a_bad_global_setting_stops_the_whole_run) {
  legacy("web");
  set("jail_start_timeout", "soon", 3);
  auto s = service();
  BOOST_TEST(s.start({"web"}) == 1);
  BOOST_TEST(cap.out() == "");
  BOOST_TEST(cap.err() == "/etc/rc.d/jail: ERROR: /etc/rc.conf:3: jail_start_timeout: \"soon\" is not a number of seconds\n"
                          "/etc/rc.d/jail: ERROR: no jail started: the configuration above has problems.\n");
  BOOST_TEST(sys.calls.empty());
}

BOOST_AUTO_TEST_CASE(a_start_past_its_deadline_is_cut_and_its_siblings_start) {
  legacy("db");
  legacy("web");
  legacy("mail");
  set("jail_web_depend", "db");
  set("jail_db_start_timeout", "1", 4);
  set("jail_parallel_start", "YES");
  sys.hang = {"db"};
  auto started = std::chrono::steady_clock::now();
  auto s = service();
  BOOST_TEST(s.start({"db", "web", "mail"}) == 0);
  auto took = std::chrono::steady_clock::now() - started;
  BOOST_TEST((took >= 1s && took < 2s));
  BOOST_TEST(cap.out() ==
             "Starting jails:\n"
             " db.example.org: timed out after 1 s\n"
             " mail.example.org\n"
             " web.example.org: skipped, needs db\n");
  BOOST_TEST(cap.err().find(kWarnPrefix + "jail db: start timed out after 1 s (jail_db_start_timeout); jail(8) was "
                                          "killed and the half-started jail removed\n") != std::string::npos);
  BOOST_TEST(ran("/usr/sbin/jail -q -R db"));
  BOOST_TEST(!sys.isRunning("db"));
  BOOST_TEST(sys.isRunning("mail"));
  BOOST_TEST((outcomes.of("db")->result == JailResult::TimedOut));
  BOOST_TEST(outcomes.of("db")->duration >= 1000ms);
  BOOST_TEST(cap.syslog.lines.size() >= 2u);  // the timeout and the skip
  BOOST_TEST(s.warnObsolete() == 1);
}

BOOST_AUTO_TEST_CASE(parallel_lines_come_in_plan_order) {
  legacy("a");
  legacy("b");
  legacy("c");
  set("jail_parallel_start", "YES");
  set("jail_parallel_limit", "2");
  sys.delays = {{"a", 200ms}};
  BOOST_TEST(service().start({"a", "b", "c"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails:\n a.example.org\n b.example.org\n c.example.org\n");
}

BOOST_AUTO_TEST_CASE(stopping_a_jail_stops_its_dependents_first) {
  legacy("db");
  legacy("web");
  set("jail_web_depend", "db");
  sys.running = {{"db", 1}, {"web", 2}};
  sys.nextJid = 3;
  dir.write("var/run/jail_db.id", "1\n");
  auto s = service();
  BOOST_TEST(s.stop({"db"}) == 0);
  BOOST_TEST(cap.out() == "Stopping jails: web.example.org db.example.org.\n");
  BOOST_TEST(cap.err() == "");  // no checkyesno noise about the knobs left unset
  BOOST_CHECK(ranBefore("/usr/sbin/jail -q -f /var/run/jail.web.conf -r web",
                       "/usr/sbin/jail -q -f /var/run/jail.db.conf -r db"));
  BOOST_TEST(sys.running.empty());
  BOOST_TEST(!dir.exists("var/run/jail_db.id"));
  BOOST_TEST((outcomes.of("web", "stop")->result == JailResult::Ok));
}

BOOST_AUTO_TEST_CASE(a_stop_past_its_deadline_escalates_to_jail_dash_capital_r) {
  legacy("db");
  set("jail_stop_timeout", "1");
  set("jail_parallel_stop", "YES");
  sys.running = {{"db", 1}};
  sys.hangRemove = {"db"};
  BOOST_TEST(service().stop({"db"}) == 1);
  BOOST_TEST(cap.out() == "Stopping jails:\n db.example.org: timed out after 1 s, removed with jail -R\n");
  BOOST_TEST(ran("/usr/sbin/jail -q -R db"));
  BOOST_TEST(!sys.isRunning("db"));
  BOOST_TEST(cap.err().find("jail db: stop timed out after 1 s (jail_stop_timeout); jail(8) was killed and the jail "
                            "removed with jail -R") != std::string::npos);
  BOOST_TEST((outcomes.of("db", "stop")->result == JailResult::TimedOut));
}

BOOST_AUTO_TEST_CASE(readiness_gates_the_dependents) {
  legacy("db");
  legacy("web");
  set("jail_web_depend", "db");
  set("jail_db_ready", "exec:pg_isready");
  BOOST_TEST(service().start({"web"}) == 0);
  BOOST_TEST(ran("/usr/sbin/jexec db /bin/sh -c pg_isready"));
  BOOST_CHECK(ranBefore("/usr/sbin/jexec db /bin/sh -c pg_isready",
                       "/usr/sbin/jail -i -f /var/run/jail.web.conf -c web"));

  Fixture never;
  never.legacy("db");
  never.legacy("web");
  never.set("jail_web_depend", "db");
  never.set("jail_db_ready", "file:/var/run/db.ready");
  never.set("jail_db_ready_timeout", "1");
  auto s = never.service();
  s.start({"web"});
  BOOST_TEST(never.cap.out() == "Starting jails:.\n");
  BOOST_TEST(never.cap.err().find("jail db: not ready after 1 s (file:/var/run/db.ready); the jails that depend on it "
                                  "are not started") != std::string::npos);
  BOOST_TEST(never.sys.isRunning("db"));  // left up for a look
  BOOST_TEST(never.dir.exists("var/run/jail_db.id"));
  BOOST_TEST((never.outcomes.of("db")->result == JailResult::TimedOut));
  BOOST_TEST((never.outcomes.of("web")->result == JailResult::Skipped));
  BOOST_TEST(s.warnObsolete() == 1);
}

BOOST_AUTO_TEST_CASE(the_whole_file_one_jail_at_a_time) {
  dir.write("etc/jail.conf", "a { path = \"/j/a\"; }\nb { path = \"/j/b\"; depend = a; }\n");
  set("jail_start_timeout", "60");
  BOOST_TEST(service().start({"_ALL"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: a b.\n");
  BOOST_TEST(ran("/usr/sbin/jail -f /etc/jail.conf -c a"));
  BOOST_CHECK(ranBefore("/usr/sbin/jail -f /etc/jail.conf -c a",
                       "/usr/sbin/jail -f /etc/jail.conf -c b"));
  BOOST_TEST(dir.read("var/run/jail_b.id") == "2\n");
}

BOOST_AUTO_TEST_CASE(an_interrupted_start_starts_nothing_more) {
  legacy("a");
  legacy("b");
  set("jail_start_timeout", "60");
  int asked = 0;
  interrupted = [&asked] { return ++asked > 1; };
  BOOST_TEST(service().start({"a", "b"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: a.example.org.\n");
  BOOST_TEST((outcomes.of("b")->result == JailResult::Skipped));
  BOOST_TEST(cap.err().find("jail b not started: interrupted") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_shutdown_budget_is_checked_at_start) {
  legacy("a");
  legacy("b");
  legacy("c");
  set("jail_list", "a b c");
  set("jail_stop_timeout", "40");
  BOOST_TEST(service().start({"a", "b", "c"}) == 0);
  BOOST_TEST(cap.err().find(kWarnPrefix + "stopping the jails can take up to 165 s, more than rcshutdown_timeout (90 s): "
                                          "a (55 s), then b (55 s), then c (55 s)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
