// run_rc_command: prefixes, the jail_enable check, built-in verbs and usage.
#include <boost/test/unit_test.hpp>

#include "fake_jail_system.h"
#include "rc_command.h"
#include "rc_conf_reader.h"
#include "service_fixture.h"
#include "test_support.h"

using namespace rcjail;
using namespace rcjail::testing;

namespace {

struct Fixture : ServiceFixture {
  Fixture() {
    vars.set("jail_ducky_rootdir", "/j/ducky");
    vars.set("jail_ducky_hostname", "ducky.example.org");
    vars.set("jail_ducky_ip", "192.0.2.10");
    vars.set("jail_list", "ducky");
  }
  int script(const std::vector<std::string>& args) {
    RcCommand c({vars, cap.console, sys, root, clock});
    return c.runScript(args);
  }
};

const std::string kUsage =
    "Usage: /etc/rc.d/jail [fast|force|one|quiet](start|stop|restart|rcvar|enable|disable|delete|enabled|"
    "describe|extracommands|config|console|status|status|poll)\n";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(rc_command, Fixture)

BOOST_AUTO_TEST_CASE(disabled_start_and_stop_are_refused) {
  BOOST_TEST(script({"start"}) == 0);
  BOOST_TEST(cap.out() ==
             "Cannot 'start' jail. Set jail_enable to YES in /etc/rc.conf or use 'onestart' instead of 'start'.\n");
  BOOST_TEST(script({"stop"}) == 0);
  BOOST_TEST(sys.calls.empty());
}

BOOST_AUTO_TEST_CASE(quiet_prefixes_refuse_silently) {
  BOOST_TEST(script({"faststart"}) == 0);
  BOOST_TEST(script({"quietstart"}) == 0);
  BOOST_TEST(cap.out() == "");
}

BOOST_AUTO_TEST_CASE(one_prefix_enables_and_uses_jail_list) {
  BOOST_TEST(script({"onestart"}) == 0);
  BOOST_TEST(cap.out() == "Starting jails: ducky.example.org.\n");
  BOOST_TEST(sys.isRunning("ducky"));
}

BOOST_AUTO_TEST_CASE(names_on_the_command_line_turn_reverse_stop_off) {
  vars.set("jail_enable", "YES");
  vars.set("jail_reverse_stop", "YES");
  vars.set("jail_a_rootdir", "/j/a");
  vars.set("jail_a_hostname", "a");
  vars.set("jail_a_ip", "192.0.2.2");
  sys.running = {{"ducky", 1}, {"a", 2}};
  BOOST_TEST(script({"stop", "ducky", "a"}) == 0);
  BOOST_TEST(cap.out() == "Stopping jails: ducky.example.org a.\n");
}

BOOST_AUTO_TEST_CASE(usage_and_unknown_directive) {
  BOOST_TEST(script({}) == 1);
  BOOST_TEST(cap.err() == kUsage);
  BOOST_TEST(script({"frobnicate"}) == 1);
  BOOST_TEST(cap.err() == kUsage + "/etc/rc.d/jail: unknown directive 'frobnicate'.\n" + kUsage);
  BOOST_TEST(script({"fast"}) == 1);
}

BOOST_AUTO_TEST_CASE(informational_verbs) {
  vars.set("jail_enable", "YES");
  BOOST_TEST(script({"rcvar"}) == 0);
  BOOST_TEST(script({"describe"}) == 0);
  BOOST_TEST(script({"extracommands"}) == 0);
  BOOST_TEST(cap.out() ==
             "# jail : Manage system jails\n#\njail_enable=\"YES\"\n#   (default: \"\")\n\n"
             "Manage system jails\nconfig console status\n");
  BOOST_TEST(script({"enabled"}) == 0);
  vars.set("jail_enable", "NO");
  BOOST_TEST(script({"enabled"}) == 1);
  vars.set("jail_enable", "perhaps");
  BOOST_TEST(script({"enabled"}) == 1);
  BOOST_TEST(cap.err() == "/etc/rc.d/jail: WARNING: $jail_enable is not set properly - see rc.conf(5).\n");
}

BOOST_AUTO_TEST_CASE(status_is_exempt_and_runs_jls) {
  BOOST_TEST(script({"status"}) == 0);
  BOOST_TEST(sys.commandLines() == std::vector<std::string>{"/usr/sbin/jls -N"});
}

BOOST_AUTO_TEST_CASE(console_without_name_fix_e_and_stock) {
  vars.set("jail_enable", "YES");
  sys.running = {{"alpha", 1}, {"bravo", 2}, {"charlie", 3}};
  vars.set("jail_list", "charlie alpha bravo");
  BOOST_TEST(script({"console"}) == 3);
  BOOST_TEST(cap.err() == "/etc/rc.d/jail: ERROR: Specify a jail name.\n");
  vars.set("jail_quirks", "stock");
  BOOST_TEST(script({"console"}) == 0);
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/jexec charlie alpha bravo");
  vars.set("jail_quirks", "");
  vars.set("jail_list", "alpha");
  BOOST_TEST(script({"console"}) == 0);
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/jexec alpha /usr/bin/login -f root");
}

BOOST_AUTO_TEST_CASE(restart_stops_then_starts) {
  vars.set("jail_enable", "YES");
  sys.running = {{"ducky", 1}};
  sys.nextJid = 2;
  BOOST_TEST(script({"restart"}) == 0);
  BOOST_TEST(cap.out() == "Stopping jails: ducky.example.org.\nStarting jails: ducky.example.org.\n");
  BOOST_TEST(sys.jidOf("ducky") == 2);
}

BOOST_AUTO_TEST_CASE(start_failure_exit_status_and_force) {
  vars.set("jail_enable", "YES");
  sys.failCreate = {"ducky"};
  BOOST_TEST(script({"start"}) == 1);
  BOOST_TEST(script({"forcestart"}) == 1);
  vars.set("jail_quirks", "stock");
  BOOST_TEST(script({"start"}) == 0);
}

BOOST_AUTO_TEST_CASE(enable_disable_delete_through_sysrc) {
  BOOST_TEST(script({"enable"}) == 0);
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/sysrc -vs jail jail_enable=YES");
  BOOST_TEST(script({"onedisable"}) == 0);
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/sysrc -vs jail jail_enable=NO");
  sys.sysrcFile = "/etc/rc.conf.d/jail";
  dir.write("etc/rc.conf.d/jail", "");
  vars.set("service_delete_empty", "YES");
  BOOST_TEST(script({"delete"}) == 0);
  BOOST_TEST(cap.out() ==
             "jail enabled in /etc/rc.conf\njail disabled in /etc/rc.conf\n"
             "jail_enable deleted in /etc/rc.conf.d/jail\nEmpty file /etc/rc.conf.d/jail removed\n");
  BOOST_TEST(!dir.exists("etc/rc.conf.d/jail"));
  // disable is subject to the jail_enable check, enable and delete are not
  vars.set("jail_enable", "NO");  // `onedisable` above set it, as rc.subr does in its shell
  BOOST_TEST(script({"disable"}) == 0);
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/sysrc -x jail_enable");
}

BOOST_AUTO_TEST_SUITE_END()
