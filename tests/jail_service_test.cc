// start, stop, config, console and status against a scripted jail(8).
#include <boost/test/unit_test.hpp>

#include "fake_jail_system.h"
#include "jail_service.h"
#include "rc_conf_reader.h"
#include "rc_conf_test_support.h"
#include "service_fixture.h"
#include "test_support.h"

using namespace rcjail;
using namespace rcjail::testing;

namespace {

struct Fixture : ServiceFixture {
  JailService service() { return JailService({vars, cap.console, sys, root, clock}); }
  void legacy(const std::string& name, const std::string& host) { setLegacyJail(vars, name, {}, host); }
  void stock() { vars.set("jail_quirks", "stock"); }
};

using V = std::vector<std::string>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(jail_service, Fixture)

BOOST_AUTO_TEST_CASE(named_start_writes_config_and_id_files) {
  legacy("ducky", "ducky.example.org");
  auto s = service();
  BOOST_TEST(s.start({"ducky"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: ducky.example.org.\n");
  BOOST_TEST(sys.commandLines() ==
             (V{"/usr/sbin/jail -i -f /var/run/jail.ducky.conf -c ducky", "/usr/sbin/jls -j ducky jid"}));
  BOOST_TEST(dir.read("var/run/jail_ducky.id") == "1\n");
  BOOST_TEST(dir.read("var/run/jail.ducky.conf").find("ducky {\n") != std::string::npos);
  BOOST_TEST(s.warnObsolete() == 0);
  BOOST_TEST(cap.err() ==
             "/etc/rc.d/jail: WARNING: Per-jail configuration via jail_* variables  is obsolete.  "
             "Please consider migrating to /etc/jail.conf.\n");
  BOOST_TEST(cap.syslog.lines.size() == 1u);
}

BOOST_AUTO_TEST_CASE(flags_and_program_per_jail) {
  legacy("p", "p.example.org");
  legacy("q", "q.example.org");
  vars.set("jail_flags", "-l -U root");
  vars.set("jail_p_flags", "-v");
  vars.set("jail_q_program", "/opt/jail");
  service().start({"p", "q"});
  BOOST_TEST(sys.commandLines()[0] == "/usr/sbin/jail -v -i -f /var/run/jail.p.conf -c p");
  BOOST_TEST(sys.commandLines()[2] == "/opt/jail -l -U root -i -f /var/run/jail.q.conf -c q");
}

BOOST_AUTO_TEST_CASE(failure_in_the_middle_fixed_and_stock) {
  legacy("a", "a.example.org");
  legacy("b", "b.example.org");
  legacy("c", "c.example.org");
  sys.failCreate = {"b"};
  auto s = service();
  BOOST_TEST(s.start({"a", "b", "c"}) == 0);
  BOOST_TEST(cap.out() ==
             "Starting jails: a.example.org cannot start jail  \"b.example.org\": \n"
             "jail: b: simulated failure\n c.example.org.\n");
  BOOST_TEST(s.warnObsolete() == 1);  // fix F
  BOOST_TEST(!dir.exists("var/run/jail_b.id"));
  BOOST_TEST(dir.exists("var/run/jail_c.id"));
}

BOOST_AUTO_TEST_CASE(stock_exit_status_ignores_failures) {
  legacy("b", "b.example.org");
  sys.failCreate = {"b"};
  stock();
  auto s = service();
  BOOST_TEST(s.start({"b"}) == 0);
  BOOST_TEST(s.warnObsolete() == 0);
}

BOOST_AUTO_TEST_CASE(quiet_start_without_start_messages) {
  legacy("d", "d.example.org");
  vars.set("rc_startmsgs", "NO");
  cap.console.configure(vars);
  cap.console.setQuiet(true);
  BOOST_TEST(service().start({"d"}) == 0);  // fix G
  BOOST_TEST(cap.out() == "");
  stock();
  sys.running.clear();
  BOOST_TEST(service().start({"d"}) == 1);  // quirk 7
}

BOOST_AUTO_TEST_CASE(all_start_and_stop) {
  sys.allJails = {"www", "db"};
  auto s = service();
  BOOST_TEST(s.start({"_ALL"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: www db.\n");
  BOOST_TEST(sys.commandLines() == (V{"/usr/sbin/jail -f /etc/jail.conf -c -p1", "/usr/sbin/jls jid name"}));
  BOOST_TEST(dir.read("var/run/jail_db.id") == "2\n");
  BOOST_TEST(s.stop({"_ALL"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: www db.\nStopping jails: www db.\n");
  BOOST_TEST(!dir.exists("var/run/jail_www.id"));
  BOOST_TEST(sys.running.empty());
}

BOOST_AUTO_TEST_CASE(all_start_failure_fix_i_and_stock) {
  sys.allJails = {"www", "db", "mail"};
  sys.failCreate = {"db"};
  BOOST_TEST(service().start({"_ALL"}) == 0);
  BOOST_TEST(cap.out() ==
             "Starting jails: www mail\nwww: created\njail: db: simulated failure\nmail: created\n.\n");
  BOOST_TEST(dir.exists("var/run/jail_mail.id"));

  Fixture stockRun;
  stockRun.stock();
  stockRun.sys.allJails = {"www", "db"};
  stockRun.sys.failCreate = {"db"};
  stockRun.service().start({"_ALL"});
  BOOST_TEST(stockRun.cap.out() == "Starting jails:www: created\njail: db: simulated failure\n.\n");
  BOOST_TEST(!stockRun.dir.exists("var/run/jail_www.id"));
}

BOOST_AUTO_TEST_CASE(named_stop_reverse_and_failures) {
  legacy("a", "a.example.org");
  legacy("b", "b.example.org");
  sys.running = {{"a", 1}, {"b", 2}};
  sys.nextJid = 3;
  sys.failRemove = {"a"};
  vars.set("jail_reverse_stop", "YES");
  auto s = service();
  BOOST_TEST(s.stop({"a", "b"}) == 1);
  BOOST_TEST(cap.out() == "Stopping jails: b.example.org a.example.org\njail: a: simulated removal failure\n.\n");
  BOOST_TEST(sys.commandLines()[1] == "/usr/sbin/jail -q -f /var/run/jail.b.conf -r b");
}

BOOST_AUTO_TEST_CASE(stop_skips_jails_that_are_not_running) {
  legacy("a", "a.example.org");
  BOOST_TEST(service().stop({"a"}) == 0);
  BOOST_TEST(cap.out() == "Stopping jails:.\n");
  BOOST_TEST(sys.commandLines() == V{"/usr/sbin/jls -j a"});
  BOOST_TEST(dir.exists("var/run/jail.a.conf"));  // quirk 12: regenerated anyway
}

BOOST_AUTO_TEST_CASE(parallel_start_reports_in_list_order) {
  legacy("a", "a.example.org");
  legacy("b", "b.example.org");
  vars.set("jail_parallel_start", "YES");
  BOOST_TEST(service().start({"a", "b"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: a.example.org b.example.org.\n");
  BOOST_TEST(sys.commandLines()[0] == "/usr/sbin/jail -i -f /var/run/jail.a.conf -c a");
  BOOST_TEST(sys.commandLines()[1] == "/usr/sbin/jail -i -f /var/run/jail.b.conf -c b");
}

BOOST_AUTO_TEST_CASE(config_verb) {
  legacy("ducky", "ducky.example.org");
  BOOST_TEST(service().config({"ducky", "ghost"}) == 0);
  BOOST_TEST(cap.out() == "ducky: parameters are in /var/run/jail.ducky.conf.\n");
  BOOST_TEST(cap.err().find("Invalid configuration for ghost") != std::string::npos);
  BOOST_TEST(service().config({"_ALL"}) == 0);
}

BOOST_AUTO_TEST_CASE(console_command_forms) {
  sys.running = {{"ducky", 1}};
  auto s = service();
  BOOST_TEST(s.console({"ducky"}) == 0);
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/jexec ducky /usr/bin/login -f root");
  BOOST_TEST(s.console({"ducky", "/bin/csh -l"}) == 0);
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/jexec ducky /bin/csh -l");
  vars.set("jail_ducky_consolecmd", "/bin/sh");
  s.console({"ducky"});
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/jexec ducky /bin/sh");
  BOOST_CHECK_THROW(s.console({}), RcExit);
  BOOST_TEST(cap.err() == "/etc/rc.d/jail: ERROR: Specify a jail name.\n");
  BOOST_TEST(s.console({"nope"}) == 1);
}

BOOST_AUTO_TEST_CASE(status_runs_jls_dash_n) {
  BOOST_TEST(service().status() == 0);
  BOOST_TEST(sys.commandLines() == V{"/usr/sbin/jls -N"});
}

BOOST_AUTO_TEST_SUITE_END()
