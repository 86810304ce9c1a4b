// parse_options: which file a jail uses, and the warnings on the way.
#include <boost/test/unit_test.hpp>

#include "jail_settings.h"
#include "rc_conf_reader.h"
#include "rc_conf_test_support.h"
#include "test_support.h"

using namespace rcjail;
using rcjail::testing::TempDir;

namespace {

struct Fixture {
  Variables vars;
  TempDir dir;
  FsRoot root{dir.path()};
  bool vimage = true;

  Fixture() { addBuiltinDefaults(vars); }
  SettingsResult resolve(const std::string& name) {
    SettingsEnvironment env{root, Quirks::Fixed, "2026-01-02 03:04:05", [this] { return vimage; }, [] { return 1; }};
    return resolveJailSettings(vars, name, env);
  }
  std::vector<std::string> warnings(const SettingsResult& r) {
    std::vector<std::string> out;
    for (auto& m : r.messages)
      if (m.level == MessageLevel::Warning) out.push_back(m.text);
    return out;
  }
  void legacy(const std::string& jv) { rcjail::testing::setLegacyJail(vars, jv); }
};

using V = std::vector<std::string>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(jail_settings, Fixture)

BOOST_AUTO_TEST_CASE(per_jail_conf_variable_then_default_file) {
  vars.set("jail_custom_conf", "/usr/local/etc/jails/custom.conf");
  dir.write("usr/local/etc/jails/custom.conf", "custom {}\n");
  auto r = resolve("custom");
  BOOST_REQUIRE(r.settings);
  BOOST_TEST(r.settings->configFile == "/usr/local/etc/jails/custom.conf");
  BOOST_TEST((r.settings->source == ConfigSource::PerJailFile));
  dir.write("etc/jail.dflt.conf", "dflt {}\n");
  BOOST_TEST(resolve("dflt").settings->configFile == "/etc/jail.dflt.conf");
  BOOST_TEST(!resolve("dflt").obsoleteWarning);
}

BOOST_AUTO_TEST_CASE(jail_conf_d_unless_jail_conf_includes_it) {
  dir.write("etc/jail.conf.d/alpha.conf", "alpha {}\n");
  dir.write("etc/jail.conf", "exec.clean;\n");
  BOOST_TEST(resolve("alpha").settings->configFile == "/etc/jail.conf.d/alpha.conf");
  dir.write("etc/jail.conf", "exec.clean;\n  .include \"/etc/jail.conf.d/*.conf\";\n");
  BOOST_TEST(resolve("alpha").settings->configFile == "/etc/jail.conf");
  dir.write("etc/jail.conf", "\t.include\t'/etc/jail.conf.d/alpha.conf';\n");
  BOOST_TEST(includesJailConfDir(root, "/etc/jail.conf"));
  dir.write("etc/jail.conf", "# .include \"/etc/jail.conf.d/*.conf\";\n");
  BOOST_TEST(!includesJailConfDir(root, "/etc/jail.conf"));
  BOOST_TEST(!includesJailConfDir(root, "/etc/missing.conf"));
}

BOOST_AUTO_TEST_CASE(invalid_configuration_is_warned_and_skipped) {
  vars.set("jail_nohost_rootdir", "/j/nohost");
  auto r = resolve("nohost");
  BOOST_TEST(!r.settings);
  BOOST_TEST(warnings(r) == V{"Invalid configuration for nohost  (no jail.conf, no hostname, or no path).   "
                              "Jail nohost was ignored."});
  // A readable jail.conf takes such a jail whether or not it defines it.
  dir.write("etc/jail.conf", "other {}\n");
  BOOST_TEST(resolve("nohost").settings->configFile == "/etc/jail.conf");
}

BOOST_AUTO_TEST_CASE(legacy_jail_gets_a_generated_file) {
  legacy("ducky");
  auto r = resolve("ducky");
  BOOST_REQUIRE(r.settings);
  BOOST_TEST(r.settings->configFile == "/var/run/jail.ducky.conf");
  BOOST_TEST(r.settings->rcConfStyle());
  BOOST_TEST(r.settings->displayName() == "ducky.example.org");
  BOOST_TEST(r.settings->generatedText.find("ducky {\n") != std::string::npos);
  BOOST_TEST(r.obsoleteWarning);
  BOOST_TEST(warnings(r).empty());
  BOOST_TEST(vars.get("jail_confwarn") == "YES");
}

BOOST_AUTO_TEST_CASE(created_and_used_warning_needs_a_jail_conf_and_no_parallel_start) {
  legacy("ducky");
  dir.write("etc/jail.conf", "x {}\n");
  BOOST_TEST(warnings(resolve("ducky")) == V{"/var/run/jail.ducky.conf is created and used for jail ducky."});
  vars.set("jail_parallel_start", "YES");
  BOOST_TEST(warnings(resolve("ducky")).empty());
  vars.set("jail_confwarn", "NO");
  BOOST_TEST(!resolve("ducky").obsoleteWarning);
}

BOOST_AUTO_TEST_CASE(no_address_needs_vimage) {
  vars.set("jail_v_rootdir", "/j/v");
  vars.set("jail_v_hostname", "v");
  BOOST_TEST(resolve("v").settings.has_value());
  vimage = false;
  auto r = resolve("v");
  BOOST_TEST(!r.settings);
  BOOST_TEST(warnings(r) == V{"no ipaddress specified and no vimage support.   Jail v was ignored."});
  BOOST_TEST(!r.obsoleteWarning);
}

BOOST_AUTO_TEST_CASE(dashed_name_uses_underscored_variables) {
  legacy("www_example_1");
  auto r = resolve("www_example-1");
  BOOST_REQUIRE(r.settings);
  BOOST_TEST(r.settings->varName == "www_example_1");
  BOOST_TEST(r.settings->configFile == "/var/run/jail.www_example-1.conf");
}

BOOST_AUTO_TEST_SUITE_END()
