// migrate: every rc.conf-style configuration of the compatibility cases
// (copied into tests/data/migrate) migrates to a jail.conf.d file that reads
// back as the legacy translation, and once the old variables are gone the
// jail resolves to that file with exactly the same jail(8) parameters.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>

#include "jail_names.h"
#include "jail_inventory.h"
#include "migration_plan.h"
#include "rc_conf_test_support.h"
#include "test_support.h"

using namespace rcjail;
using rcjail::testing::loadNativeRcConf;
using rcjail::testing::TempDir;

namespace {

const std::string kFixtures = std::string(RCJAIL_TEST_DATA) + "/migrate";

std::vector<ConfiguredJail> legacyJails(const Variables& vars, const FsRoot& root) {
  std::vector<ConfiguredJail> out;
  for (ConfiguredJail& j : configuredJails(vars, {root, [] { return true; }, [] { return 1; }}))
    if (j.settings && j.settings->rcConfStyle()) out.push_back(std::move(j));
  return out;
}

// What `sysrc -f FILE -x NAME...` leaves: the variables unset.
void removeVariables(Variables& vars, const std::vector<std::string>& commands) {
  for (const std::string& c : commands) {
    size_t x = c.find(" -x ");
    BOOST_REQUIRE(x != std::string::npos);
    std::string names = c.substr(x + 4);
    size_t start = 0;
    while (start <= names.size()) {
      size_t space = names.find(' ', start);
      if (space == std::string::npos) space = names.size();
      vars.unset(names.substr(start, space - start));
      start = space + 1;
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(migrate)

BOOST_AUTO_TEST_CASE(compat_cases_round_trip_and_start_with_the_same_parameters) {
  size_t migrated = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kFixtures)) {
    const std::string name = entry.path().filename();
    BOOST_TEST_CONTEXT("case " << name) {
      TempDir dir;
      std::filesystem::copy(entry.path() / "root", dir.path(), std::filesystem::copy_options::recursive);
      FsRoot root(dir.path());
      Variables vars = loadNativeRcConf(root);
      std::vector<ConfiguredJail> jails = legacyJails(vars, root);
      std::vector<Migration> plans;
      for (const ConfiguredJail& j : jails) {
        BOOST_TEST_CONTEXT("jail " << j.name) {
          Migration m = planMigration(vars, j);
          if (!j.block) {
            // The legacy translation itself does not parse (allow.mount.*;): nothing to migrate to.
            BOOST_TEST(m.error.find("syntax error") != std::string::npos);
            continue;
          }
          BOOST_TEST(m.error == "");
          BOOST_TEST(m.path == "/etc/jail.conf.d/" + j.name + ".conf");
          BOOST_TEST(!m.sysrcCommands.empty());
          // Parsed back, the text gives the legacy translation's parameters.
          JailConf back = parseJailConfText(root, m.text, m.path);
          BOOST_REQUIRE(back.find(j.name));
          BOOST_TEST(compareParameters(*j.block, *back.find(j.name)) == "");
          plans.push_back(m);
        }
      }
      // Write every file, remove the variables, resolve again.
      for (const Migration& m : plans) {
        dir.write(m.path.substr(1), m.text);
        removeVariables(vars, m.sysrcCommands);
      }
      for (const ConfiguredJail& before : jails) {
        if (!before.block) continue;
        BOOST_TEST_CONTEXT("jail " << before.name) {
          Variables after = vars;
          SettingsEnvironment env{root, Quirks::Fixed, "", [] { return true; }, [] { return 1; }};
          SettingsResult r = resolveJailSettings(after, before.name, env);
          BOOST_REQUIRE(r.settings);
          BOOST_TEST(!r.settings->rcConfStyle());
          // A per-jail /etc/jail.NAME.conf, when there is one, wins over jail.conf.d as in stock.
          if (r.settings->source == ConfigSource::PerJailFile) continue;
          JailConf conf = parseJailConfFile(root, r.settings->configFile);
          const JailConfJail* block = conf.find(before.name);
          BOOST_REQUIRE(block);
          BOOST_TEST(compareParameters(*before.block, *block) == "");
          ++migrated;
        }
      }
    }
  }
  BOOST_TEST(migrated >= 30u);
}

// Written by hand from rc.d/jail's rules for its generated block, in its
// order: hostname and path; the address, with the /32 an IPv4 address
// without a mask gets; raw sockets off (jail_socket_unixiproute_only defaults
// to YES); exec.clean and both users as root; the default exec.start and
// exec.stop (the first exec.start += becomes =); the console log under the
// jail's name; the allow.* and enforce_statfs lines that are always written.
// As migrate writes values: numbers bare, everything else quoted. The comment
// names the file and line of the first jail_web_* variable.
BOOST_AUTO_TEST_CASE(a_plain_rc_conf_jail_migrates_to_this_file) {
  TempDir dir;
  dir.write("etc/rc.conf", "jail_enable=\"YES\"\njail_list=\"web\"\njail_web_rootdir=\"/j/web\"\n"
                           "jail_web_hostname=\"web.example.org\"\njail_web_ip=\"192.0.2.1\"\n");
  FsRoot root(dir.path());
  Variables vars = loadNativeRcConf(root);
  std::vector<ConfiguredJail> jails = legacyJails(vars, root);
  BOOST_REQUIRE_EQUAL(jails.size(), 1u);
  Migration m = planMigration(vars, jails[0]);
  BOOST_TEST(m.error == "");
  BOOST_TEST(m.path == "/etc/jail.conf.d/web.conf");
  BOOST_TEST(m.text ==
             "# web, migrated by rcjail from the jail_web_* variables of rc.conf (/etc/rc.conf:3).\n"
             "web {\n"
             "\thost.hostname = \"web.example.org\";\n"
             "\tpath = \"/j/web\";\n"
             "\tip4.addr = \"192.0.2.1/32\";\n"
             "\tallow.raw_sockets = 0;\n"
             "\texec.clean;\n"
             "\texec.system_user = \"root\";\n"
             "\texec.jail_user = \"root\";\n"
             "\texec.start = \"/bin/sh /etc/rc\";\n"
             "\texec.stop = \"/bin/sh /etc/rc.shutdown jail\";\n"
             "\texec.consolelog = \"/var/log/jail_web_console.log\";\n"
             "\tallow.set_hostname = 0;\n"
             "\tallow.sysvipc = 0;\n"
             "\tenforce_statfs = 2;\n"
             "}\n");
  BOOST_TEST(m.sysrcCommands ==
                 (std::vector<std::string>{"sysrc -f /etc/rc.conf -x jail_web_hostname jail_web_ip jail_web_rootdir"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(values_that_need_quoting) {
  JailConfJail j;
  j.name = "q";
  j.params = {{"path", {"/jails/with space"}, true, {}},
              {"exec.start", {"echo \"a\" $HOME back\\slash", "second"}, true, {}},
              {"exec.clean", {}, false, {}},
              {"enforce_statfs", {"2"}, true, {}}};
  std::string text = renderJailConfBlock(j);
  BOOST_TEST(text ==
             "q {\n\tpath = \"/jails/with space\";\n\texec.start = \"echo \\\"a\\\" \\$HOME back\\\\slash\";\n"
             "\texec.start += \"second\";\n\texec.clean;\n\tenforce_statfs = 2;\n}\n");
  TempDir dir;
  JailConf back = parseJailConfText(FsRoot(dir.path()), text, "/etc/jail.conf.d/q.conf");
  BOOST_REQUIRE(back.find("q"));
  BOOST_TEST(back.find("q")->values("exec.start") == (std::vector<std::string>{"echo \"a\" $HOME back\\slash", "second"}),
             boost::test_tools::per_element());
  BOOST_TEST(compareParameters(j, *back.find("q")) == "");
}

BOOST_AUTO_TEST_CASE(differences_are_named) {
  JailConfJail a, b;
  a.params = {{"path", {"/a"}, true, {}}};
  b.params = {{"path", {"/b"}, true, {}}};
  BOOST_TEST(compareParameters(a, b) == "parameter path has a different value");
  JailConfJail same;  // built apart from a, with the same parameter
  same.params = {{"path", {"/a"}, true, {}}};
  BOOST_TEST(compareParameters(a, same) == "");
  b.params.push_back({"exec.clean", {}, false, {}});
  BOOST_TEST(compareParameters(a, b).find("different value") != std::string::npos);
  a.params[0].values = {"/b"};
  BOOST_TEST(compareParameters(a, b) == "extra parameter exec.clean");
}

BOOST_AUTO_TEST_CASE(not_an_rc_conf_jail) {
  ConfiguredJail j;
  j.name = "web";
  BOOST_TEST(planMigration(Variables{}, j).error == "jail web is not configured with rc.conf jail_* variables");
}

BOOST_AUTO_TEST_SUITE_END()
