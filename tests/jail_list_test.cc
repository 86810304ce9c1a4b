// jail_list: the running state as jls shows it to this process, the
// configuration errors of status -a and list, and list's lines.
#include <boost/test/unit_test.hpp>

#include "fake_jail_system.h"
#include "jail_list.h"
#include "test_support.h"

using namespace rcjail;
using rcjail::testing::FakeJailSystem;

namespace {

Variables withJls(const std::string& jls) {
  Variables vars;
  vars.set("jail_jls", jls);
  return vars;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_list)

BOOST_AUTO_TEST_CASE(running_as_root_knows) {
  FakeJailSystem system;
  system.running = {{"ducky", 3}, {"web", 4}};
  RunningJails r = runningJails(system, withJls("/usr/sbin/jls"), {0, false});
  BOOST_TEST(r.unknown.empty());
  BOOST_TEST(r.jids.size() == 2u);
  BOOST_TEST(r.jids["web"] == "4");
  BOOST_TEST(jailState("ducky", r) == "running");
  BOOST_TEST(jailState("db", r) == "stopped");
}

BOOST_AUTO_TEST_CASE(unknown_when_jls_cannot_tell) {
  FakeJailSystem system;
  system.running = {{"ducky", 3}};
  RunningJails missing = runningJails(system, withJls("/nonexistent/tool"), {0, false});
  BOOST_TEST(missing.unknown == "/nonexistent/tool not found (jail_jls)");
  BOOST_TEST(jailState("ducky", missing) == "unknown");
  RunningJails nobody = runningJails(system, withJls("/usr/sbin/jls"), {65534, false});
  BOOST_TEST(nobody.unknown == "jls may not show every jail to uid 65534");
  BOOST_TEST(jailState("ducky", nobody) == "running");
  BOOST_TEST(jailState("db", nobody) == "unknown");
}

BOOST_AUTO_TEST_CASE(configuration_errors_at_file_and_line) {
  rcjail::testing::TempDir dir;
  FsRoot root(dir.path());
  Variables vars;
  vars.set("jail_conf", "/etc/jail.conf");
  BOOST_TEST(configurationErrors(vars, root).empty());  // the default file, absent: nothing to read
  dir.write("etc/jail.conf", "a {\n\tpath = \"/x;\n}\n");
  BOOST_TEST(configurationErrors(vars, root) ==
             (std::vector<std::string>{"/etc/jail.conf:2: unterminated string", "/etc/jail.conf:3: }: syntax error"}));
  dir.write("etc/jail.conf", "a { path = /; }\n");
  dir.write("etc/jail.conf.d/b.conf", "b { path = /; \n");
  BOOST_TEST(configurationErrors(vars, root).size() == 1u);
  BOOST_TEST(configurationErrors(vars, root)[0].rfind("/etc/jail.conf.d/b.conf", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(one_line_per_jail) {
  ConfiguredJail a;
  a.name = "ducky";
  a.where = {"/etc/jail.conf", 1};
  a.block = JailConfJail{};
  a.block->params = {{"path", {"/j/ducky"}, true, {}}, {"ip4.addr", {"192.0.2.1", "192.0.2.2"}, true, {}}};
  ConfiguredJail adhoc;
  adhoc.name = "adhoc";
  adhoc.problem = "not configured";
  RunningJails running;
  running.jids = {{"adhoc", "12"}};
  BOOST_TEST(formatList({a, adhoc}, running) ==
             "NAME   STATE    JID  ADDRESSES            PATH      CONFIGURED\n"
             "ducky  stopped  -    192.0.2.1,192.0.2.2  /j/ducky  /etc/jail.conf:1\n"
             "adhoc  running  12   -                    -         (not configured)\n");
}

BOOST_AUTO_TEST_SUITE_END()
