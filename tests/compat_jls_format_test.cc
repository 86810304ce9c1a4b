// jls(8)'s options and output formats.
#include <boost/test/unit_test.hpp>

#include "jls_format.h"

using namespace rcjail::compat;

namespace {

JlsOptions options(std::vector<std::string> args) {
  auto parsed = parseJlsCommandLine(args);
  BOOST_REQUIRE(std::holds_alternative<JlsOptions>(parsed));
  return std::get<JlsOptions>(parsed);
}

JailRecord jail(int jid, const std::string& name, const std::string& hostname, const std::string& path,
                std::vector<std::string> ip4 = {}) {
  JailRecord record;
  record.jid = jid;
  record.params = {{"name", {name}},
                   {"path", {path}},
                   {"host.hostname", {hostname}},
                   {"ip4.addr", std::move(ip4)},
                   {"ip6.addr", {}},
                   {"persist", {"true"}},
                   {"dying", {"false"}},
                   {"cpuset.id", {"0"}},
                   {"ip4", {"new"}},
                   {"ip6", {"inherit"}},
                   {"osrelease", {"6.1.0"}}};
  return record;
}

std::string format(const std::vector<std::string>& args, const std::vector<JailRecord>& jails) {
  std::string error;
  std::string out = formatJls(options(args), jails, error);
  BOOST_TEST(error.empty());
  return out;
}

const std::vector<JailRecord> kJails{
    jail(1, "www", "www.example.org", "/usr/jail/www", {"192.0.2.10", "192.0.2.11"}),
    jail(12, "a-very-long-jail-name", "a.host.name.that.is.longer.than.29.characters", "/j/b")};

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jls_format)

BOOST_AUTO_TEST_CASE(default_table) {
  BOOST_TEST(format({}, kJails) ==
             "   JID  IP Address      Hostname                      Path\n"
             "     1  192.0.2.10      www.example.org               /usr/jail/www\n"
             "    12                  a.host.name.that.is.longer.th /j/b\n");
  BOOST_TEST(format({}, {}) == "   JID  IP Address      Hostname                      Path\n");
}

BOOST_AUTO_TEST_CASE(default_table_with_names) {
  BOOST_TEST(format({"-N"}, kJails) ==
             " JID             IP Address      Hostname                      Path\n"
             " www             192.0.2.10      www.example.org               /usr/jail/www\n"
             " a-very-long-jail-name                 a.host.name.that.is.longer.th /j/b\n");
}

BOOST_AUTO_TEST_CASE(parameter_list) {
  BOOST_TEST(format({"jid", "name"}, kJails) == "1 www\n12 a-very-long-jail-name\n");
  BOOST_TEST(format({"ip4.addr", "ip6.addr", "persist"}, {kJails[0]}) == "192.0.2.10,192.0.2.11 - true\n");
}

BOOST_AUTO_TEST_CASE(which_outputs_show_host_names) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{}, {"-v"}, {"-n"}, {"-s"}, {"host.hostname"}, {"-n", "jid", "host.domainname"}})
    BOOST_TEST(jlsShowsHostNames(options(args)), args.size());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"jid"}, {"-j", "www", "jid"}, {"-n", "name", "path", "ip4.addr"}})
    BOOST_TEST(!jlsShowsHostNames(options(args)), args.size());
}

BOOST_AUTO_TEST_CASE(name_value_form) {
  BOOST_TEST(format({"-n", "name", "ip6.addr", "persist", "dying"}, {kJails[0]}) == "name=www ip6.addr= persist nodying\n");
}

BOOST_AUTO_TEST_CASE(quoting) {
  JailRecord spaced = jail(3, "s", "with space", "/j/s");
  BOOST_TEST(format({"host.hostname", "ip6.addr"}, {spaced}) == "with space -\n");
  BOOST_TEST(format({"-q", "host.hostname", "ip6.addr"}, {spaced}) == "\"with space\" \"\"\n");
  JailRecord empty = jail(4, "e", "", "/j/e");
  BOOST_TEST(format({"host.hostname"}, {empty}) == "\"\"\n");
}

BOOST_AUTO_TEST_CASE(header_line) {
  BOOST_TEST(format({"-h", "jid", "name"}, {kJails[0]}) == "jid name\n1 www\n");
}

BOOST_AUTO_TEST_CASE(jail_8_compatible_form_skips_what_cannot_be_set) {
  const std::string line = format({"-s"}, {kJails[0]});
  BOOST_TEST(line.find("name=www") != std::string::npos);
  BOOST_TEST(line.find("persist") != std::string::npos);
  BOOST_TEST(line.find("ip4.addr=192.0.2.10,192.0.2.11") != std::string::npos);
  BOOST_TEST(line.find("dying") == std::string::npos);      // read-only
  BOOST_TEST(line.find("cpuset.id") == std::string::npos);  // read-only
  BOOST_TEST(line.find("ip6.addr") == std::string::npos);   // ip6 is not "new"
}

BOOST_AUTO_TEST_CASE(verbose_summary) {
  BOOST_TEST(format({"-v"}, {kJails[0]}) ==
             "   JID  Hostname                      Path\n"
             "        Name                          State\n"
             "        CPUSetID\n"
             "        IP Address(es)\n"
             "     1  www.example.org               /usr/jail/www\n"
             "        www                           ACTIVE\n"
             "        0\n"
             "        192.0.2.10\n"
             "        192.0.2.11\n");
}

BOOST_AUTO_TEST_CASE(flags_override_each_other) {
  BOOST_TEST(options({"-v", "-h"}).header);
  BOOST_TEST(!options({"-v", "-h"}).verbose);
  BOOST_TEST(!options({"-s", "-v"}).skip);
  BOOST_TEST(options({"-s"}).quoted);
  BOOST_TEST(!options({"-v", "name"}).verbose);
  BOOST_TEST(options({"-j", "www", "jid"}).jail == "www");
  BOOST_TEST(options({"-jwww"}).jail == "www");
  BOOST_TEST(std::holds_alternative<JlsUsageError>(parseJlsCommandLine({"-x"})));
  BOOST_TEST(std::holds_alternative<JlsUsageError>(parseJlsCommandLine({"-j"})));
}

BOOST_AUTO_TEST_CASE(clusters_and_where_options_end) {
  JlsOptions o = options({"-Nqjwww", "--", "-v"});
  BOOST_TEST(o.jailName);
  BOOST_TEST(o.quoted);
  BOOST_TEST(o.jail == "www");
  BOOST_TEST(o.params == std::vector<std::string>{"-v"});
  BOOST_TEST(options({"-sv"}).verbose);
  BOOST_TEST(options({"name", "-n"}).params == (std::vector<std::string>{"name", "-n"}));
  BOOST_TEST(std::holds_alternative<JlsUsageError>(parseJlsCommandLine({"-nx"})));
}

BOOST_AUTO_TEST_CASE(unknown_parameter) {
  std::string error;
  BOOST_TEST(formatJls(options({"jid", "nosuch"}), kJails, error).empty());
  BOOST_TEST(error == "unknown parameter: nosuch");
}

BOOST_AUTO_TEST_CASE(existence_test_prints_nothing) {
  BOOST_TEST(format({"-c", "-j", "www"}, {kJails[0]}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
