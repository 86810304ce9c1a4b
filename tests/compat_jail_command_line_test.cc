// jail(8)'s option letters and the choice among its invocation styles.
#include <boost/test/unit_test.hpp>

#include "jail_command_line.h"

using namespace rcjail;
using namespace rcjail::compat;

namespace {

JailOptions parse(std::vector<std::string> args) {
  auto parsed = parseJailCommandLine(args);
  BOOST_REQUIRE(std::holds_alternative<JailOptions>(parsed));
  return std::get<JailOptions>(parsed);
}

std::string usageMessage(std::vector<std::string> args) {
  auto parsed = parseJailCommandLine(args);
  BOOST_REQUIRE(std::holds_alternative<JailUsageError>(parsed));
  return std::get<JailUsageError>(parsed).message;
}

std::string describe(const std::vector<JailConfParam>& params) {
  std::string text;
  for (const JailConfParam& p : params) {
    text += p.name;
    for (const std::string& v : p.values) text += "=" + v;
    text += ";";
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_command_line)

BOOST_AUTO_TEST_CASE(config_style_as_rc_d_uses_it) {
  JailOptions o = parse({"-i", "-f", "/var/run/jail.www.conf", "-c", "www"});
  BOOST_TEST((o.style == JailStyle::Config));
  BOOST_TEST(o.create);
  BOOST_TEST(o.printJid);
  BOOST_TEST(o.verbose == -1);
  BOOST_TEST(o.configFile == "/var/run/jail.www.conf");
  BOOST_TEST(o.targets == std::vector<std::string>{"www"});
}

BOOST_AUTO_TEST_CASE(default_file_and_parallel_limit) {
  JailOptions o = parse({"-p1", "-c"});
  BOOST_TEST(o.configFile == "/etc/jail.conf");
  BOOST_TEST(o.parallelLimit == 1);
  BOOST_TEST(o.targets.empty());
  BOOST_TEST(parse({"-p", "0", "-c"}).parallelLimit == -1);
  BOOST_TEST(parse({"-p", "junk", "-c"}).parallelLimit == -1);
}

BOOST_AUTO_TEST_CASE(restart_is_remove_and_create) {
  JailOptions o = parse({"-rc", "www"});
  BOOST_TEST(o.remove);
  BOOST_TEST(o.create);
  BOOST_TEST((o.style == JailStyle::Config));
}

BOOST_AUTO_TEST_CASE(remove_style_takes_several_jails) {
  JailOptions o = parse({"-q", "-f", "conf", "-r", "a", "b"});
  BOOST_TEST((o.style == JailStyle::Remove));
  BOOST_TEST(o.targets == (std::vector<std::string>{"a", "b"}));
  BOOST_TEST(usageMessage({"-r"}).empty());
  BOOST_TEST(usageMessage({"-r", "name=x"}).empty());
  BOOST_TEST(parse({"-R", "*"}).withoutConfig);
  BOOST_TEST(usageMessage({"-n", "x", "-r", "a"}).empty());
}

BOOST_AUTO_TEST_CASE(command_line_style_collects_params_and_command) {
  JailOptions o = parse({"-c", "name=x", "path=/j", "ip4.addr=192.0.2.1,192.0.2.2", "persist", "command=/bin/sh",
                         "-c", "echo hi"});
  BOOST_TEST((o.style == JailStyle::CommandLine));
  BOOST_TEST(describe(o.params) ==
             "name=x;path=/j;ip4.addr=192.0.2.1=192.0.2.2;persist;command=/bin/sh=-c=echo hi;");
  BOOST_TEST(usageMessage({"-c", "-R", "name=x", "path=/"}).empty());
}

BOOST_AUTO_TEST_CASE(list_parameters_split_on_commas_as_jail_8_splits_them) {
  JailOptions o = parse({"-c", "name=x", "vnet", "vnet.interface=v1,v2", "zfs.dataset=p/a,p/b",
                         "ip6.addr=2001:db8::1,2001:db8::2", "exec.start=a,b", "host.hostname=a,b"});
  BOOST_TEST(describe(o.params) ==
             "name=x;vnet;vnet.interface=v1=v2;zfs.dataset=p/a=p/b;ip6.addr=2001:db8::1=2001:db8::2;"
             "exec.start=a,b;host.hostname=a,b;");
  // A second word adds to the same list; an empty piece stays an (empty) item.
  o = parse({"-c", "name=x", "vnet.interface=v1", "vnet.interface=v2,,v3"});
  BOOST_TEST(describe(o.params) == "name=x;vnet.interface=v1=v2==v3;");
}

BOOST_AUTO_TEST_CASE(one_word_with_equals_is_the_command_line_style) {
  BOOST_TEST((parse({"-c", "persist=1"}).style == JailStyle::CommandLine));
  BOOST_TEST((parse({"-c", "www"}).style == JailStyle::Config));
}

BOOST_AUTO_TEST_CASE(repeated_params_append_and_take_the_newest_spelling) {
  JailOptions o = parse({"-c", "persist", "nopersist", "name=a", "name=b"});
  BOOST_TEST(describe(o.params) == "nopersist;name=a=b;");
}

BOOST_AUTO_TEST_CASE(flags_that_describe_one_jail_add_params) {
  JailOptions o = parse({"-l", "-u", "www", "-s", "2", "-n", "x", "-c", "path=/"});
  BOOST_TEST(describe(o.params) ==
             "exec.clean;exec.jail_user=www;exec.system_jail_user;securelevel=2;name=x;path=/;");
  JailOptions u = parse({"-U", "www", "-c", "path=/"});
  BOOST_TEST(describe(u.params) == "exec.jail_user=www;exec.system_jail_user=false;path=/;");
  // They cannot be used with a configuration file.
  BOOST_TEST(usageMessage({"-l", "-f", "conf", "-c"}).empty());
}

BOOST_AUTO_TEST_CASE(legacy_style) {
  JailOptions o = parse({"-i", "/jails/x", "x.example.org", "192.0.2.1,2001:db8::1", "/bin/sh", "/etc/rc"});
  BOOST_TEST((o.style == JailStyle::Legacy));
  BOOST_TEST(o.create);
  BOOST_TEST(describe(o.params) ==
             "path=/jails/x;host.hostname=x.example.org;ip4.addr=192.0.2.1;ip6.addr=2001:db8::1;"
             "command=/bin/sh=/etc/rc;");
  BOOST_TEST(describe(parse({"/j", "h", "", "cmd"}).params) == "path=/j;host.hostname=h;command=cmd;");
  BOOST_TEST(usageMessage({"j", "h", "", "cmd"}).empty());  // the path must be absolute
  BOOST_TEST(usageMessage({"/j", "h", ""}).empty());
}

BOOST_AUTO_TEST_CASE(verbosity_last_one_wins) {
  BOOST_TEST(parse({"-q", "-v", "-c"}).verbose == 1);
  BOOST_TEST(parse({"-v", "-q", "-c"}).verbose == -1);
}

BOOST_AUTO_TEST_CASE(exhibit_style) {
  JailOptions o = parse({"-f", "conf", "-e", "|"});
  BOOST_TEST((o.style == JailStyle::Exhibit));
  BOOST_TEST(o.separator == "|");
  BOOST_TEST(usageMessage({"-e", "|", "-c"}).empty());
}

BOOST_AUTO_TEST_CASE(getopt_errors) {
  BOOST_TEST(usageMessage({"-x"}) == "illegal option -- x");
  BOOST_TEST(usageMessage({"-c", "-f"}) == "option requires an argument -- f");
  BOOST_TEST(usageMessage({}).empty());
  BOOST_TEST(std::string(jailUsageText()).find("jail [-f file] -e separator\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(clustered_flags_and_attached_arguments) {
  JailOptions o = parse({"-qrf/etc/j.conf", "-Jjids", "a"});
  BOOST_TEST(o.verbose == -1);
  BOOST_TEST(o.remove);
  BOOST_TEST(o.configFile == "/etc/j.conf");
  BOOST_TEST(o.jidFile == "jids");
  BOOST_TEST(o.targets == std::vector<std::string>{"a"});
  BOOST_TEST(usageMessage({"-qx", "-c"}) == "illegal option -- x");
  BOOST_TEST(usageMessage({"-cJ"}) == "option requires an argument -- J");
}

BOOST_AUTO_TEST_CASE(options_end_at_the_first_other_word) {
  JailOptions o = parse({"-c", "--", "-v"});
  BOOST_TEST(o.verbose == 0);
  BOOST_TEST(o.targets == std::vector<std::string>{"-v"});
  // No reordering: an option after a jail name is a jail name too.
  JailOptions r = parse({"-r", "a", "-v"});
  BOOST_TEST(r.verbose == 0);
  BOOST_TEST(r.targets == (std::vector<std::string>{"a", "-v"}));
}

BOOST_AUTO_TEST_SUITE_END()
