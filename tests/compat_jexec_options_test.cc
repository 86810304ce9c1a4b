// jexec(8)'s command line and the passwd/group reading it and jail(8) use.
#include <boost/test/unit_test.hpp>

#include "jexec_options.h"
#include "user_database.h"

using namespace rcjail::compat;

namespace {

JexecOptions parse(std::vector<std::string> args) {
  auto parsed = parseJexecCommandLine(args);
  BOOST_REQUIRE(std::holds_alternative<JexecOptions>(parsed));
  return std::get<JexecOptions>(parsed);
}

bool isUsage(std::vector<std::string> args) {
  return std::holds_alternative<JexecUsageError>(parseJexecCommandLine(args));
}

const char* kPasswd =
    "# comment\n"
    "root:*:0:0:Charlie &:/root:/bin/csh\n"
    "www:*:80:80:World Wide Web Owner:/nonexistent:/usr/sbin/nologin\n"
    "broken:line\n"
    "nobody:*:65534:65534:Unprivileged user:/nonexistent:\n";
const char* kGroup =
    "wheel:*:0:root\n"
    "www:*:80:\n"
    "staff:*:20:root,www\n"
    "operator:*:5:root\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jexec_options)

BOOST_AUTO_TEST_CASE(jail_and_command) {
  JexecOptions o = parse({"www", "/bin/sh", "-c", "echo hi"});
  BOOST_TEST(o.jail == "www");
  BOOST_TEST(o.command == (std::vector<std::string>{"/bin/sh", "-c", "echo hi"}));
  BOOST_TEST(!o.clean);
  BOOST_TEST(o.user.empty());
}

BOOST_AUTO_TEST_CASE(no_command_means_the_shell) { BOOST_TEST(parse({"3"}).command.empty()); }

BOOST_AUTO_TEST_CASE(options) {
  JexecOptions o = parse({"-l", "-d", "/tmp", "-U", "www", "-n", "j", "ls", "-l"});
  BOOST_TEST(o.clean);
  BOOST_TEST(o.directory == "/tmp");
  BOOST_TEST(o.user == "www");
  BOOST_TEST(o.userFromJail);
  BOOST_TEST(o.jail == "j");
  BOOST_TEST(o.command == (std::vector<std::string>{"ls", "-l"}));
  JexecOptions host = parse({"-uroot", "j"});
  BOOST_TEST(host.user == "root");
  BOOST_TEST(!host.userFromJail);
}

BOOST_AUTO_TEST_CASE(clusters_and_where_options_end) {
  JexecOptions o = parse({"-ld/tmp", "-nUwww", "--", "-j", "-l"});
  BOOST_TEST(o.clean);
  BOOST_TEST(o.directory == "/tmp");
  BOOST_TEST(o.user == "www");
  BOOST_TEST(o.userFromJail);
  BOOST_TEST(o.jail == "-j");
  BOOST_TEST(o.command == std::vector<std::string>{"-l"});
  JexecOptions later = parse({"j", "-l"});
  BOOST_TEST(!later.clean);
  BOOST_TEST(later.command == std::vector<std::string>{"-l"});
}

BOOST_AUTO_TEST_CASE(usage_errors) {
  BOOST_TEST(isUsage({}));
  BOOST_TEST(isUsage({"-l"}));
  BOOST_TEST(isUsage({"-u", "a", "-U", "b", "j"}));
  BOOST_TEST(isUsage({"-x", "j"}));
  BOOST_TEST(isUsage({"-u"}));
  BOOST_TEST(isUsage({"-lx", "j"}));
  BOOST_TEST(isUsage({"--"}));
  BOOST_TEST(std::string(jexecUsageText()).starts_with("usage: jexec [-l] [-d working-directory]"));
}

BOOST_AUTO_TEST_CASE(users_by_name_and_id) {
  std::optional<UserEntry> www = findUser(kPasswd, "www");
  BOOST_REQUIRE(www);
  BOOST_TEST(www->uid == 80u);
  BOOST_TEST(www->gid == 80u);
  BOOST_TEST(www->home == "/nonexistent");
  BOOST_TEST(www->shell == "/usr/sbin/nologin");
  BOOST_TEST(findUserById(kPasswd, 0)->name == "root");
  BOOST_TEST(findUser(kPasswd, "nobody")->shell.empty());
  BOOST_TEST(!findUser(kPasswd, "broken"));
  BOOST_TEST(!findUser(kPasswd, "nosuch"));
}

BOOST_AUTO_TEST_CASE(supplementary_groups) {
  BOOST_TEST(groupsOfUser(kGroup, "root", 0) == (std::vector<gid_t>{0, 20, 5}));
  BOOST_TEST(groupsOfUser(kGroup, "www", 80) == (std::vector<gid_t>{80, 20}));
}

BOOST_AUTO_TEST_SUITE_END()
