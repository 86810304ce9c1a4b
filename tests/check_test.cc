// check: the fixture set under tests/data/check (one broken or clean
// configuration a directory, each with the findings it must give, exactly),
// and the rules that need more than a fixture tree.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <cerrno>
#include <set>

#include "boot_history.h"
#include "check.h"
#include "check_rules.h"
#include "jail_conf.h"
#include "rc_conf_test_support.h"
#include "test_support.h"

using namespace rcjail;
using rcjail::testing::loadNativeRcConf;
using rcjail::testing::TempDir;

namespace {

const std::string kFixtures = std::string(RCJAIL_TEST_DATA) + "/check";

std::vector<Finding> check(const std::string& rootDir, const std::vector<std::string>& only = {}) {
  FsRoot root(rootDir);
  Variables vars = loadNativeRcConf(root);
  const std::set<std::string> interfaces{"lo0", "em0", "lo"};
  CheckEnvironment env{root, [] { return true; },
                       [&](const std::string& name) { return interfaces.count(name) > 0; }, [] { return 1; }};
  return checkConfiguration(vars, env, only);
}

// The first line of each finding, as `check` prints it.
std::vector<std::string> firstLines(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  std::string text = formatFindings(findings, false);
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl - start);
    if (line.rfind("    ", 0) != 0) out.push_back(line);
    start = nl + 1;
  }
  return out;
}

std::vector<std::string> readLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::vector<std::string> fixtureNames() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(kFixtures)) out.push_back(entry.path().filename());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check_configuration)

BOOST_AUTO_TEST_CASE(every_fixture_gives_exactly_its_findings) {
  std::vector<std::string> names = fixtureNames();
  size_t broken = 0, clean = 0;
  for (const std::string& name : names) {
    BOOST_TEST_CONTEXT("fixture " << name) {
      const std::string dir = kFixtures + "/" + name;
      std::vector<std::string> expected = readLines(dir + "/expected");
      std::vector<std::string> actual = firstLines(check(dir + "/root"));
      if (!std::filesystem::exists(dir + "/expected")) {
        std::ofstream out(dir + "/expected.actual");
        for (const std::string& l : actual) out << l << "\n";
        BOOST_ERROR("no expected file");
        continue;
      }
      BOOST_TEST(actual == expected, boost::test_tools::per_element());
      (name.rfind("clean-", 0) == 0 ? clean : broken)++;
      if (name.rfind("clean-", 0) == 0)
        BOOST_TEST(expected.empty());
      else
        BOOST_TEST(!expected.empty());
    }
  }
  BOOST_TEST(broken >= 40u);
  BOOST_TEST(clean >= 4u);
}

BOOST_AUTO_TEST_CASE(obsolete_jail_comes_with_its_jail_conf_block) {
  std::vector<Finding> findings = check(kFixtures + "/obsolete-rc-conf-jail/root");
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_TEST(findings[0].detail.find("ip4.addr = \"192.0.2.104/32\";") != std::string::npos);
  BOOST_TEST(findings[0].detail.find("path = \"/usr/jail/ducky\";") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(only_the_named_jails) {
  std::vector<Finding> all = check(kFixtures + "/duplicate-address/root");
  BOOST_TEST(all.size() == 2u);
  std::vector<Finding> one = check(kFixtures + "/duplicate-address/root", {"b"});
  BOOST_REQUIRE_EQUAL(one.size(), 1u);
  BOOST_TEST(one[0].jail == "b");
  std::vector<Finding> unknown = check(kFixtures + "/clean-jail-conf/root", {"nosuch"});
  BOOST_REQUIRE_EQUAL(unknown.size(), 1u);
  BOOST_TEST(unknown[0].message == "no jail nosuch is configured");
}

BOOST_AUTO_TEST_CASE(json_report) {
  std::vector<Finding> findings = check(kFixtures + "/bad-ipv4/root");
  nlohmann::json report = nlohmann::json::parse(formatFindings(findings, true));
  BOOST_REQUIRE(report.is_array());
  BOOST_REQUIRE_EQUAL(report.size(), 1u);
  BOOST_TEST(report[0]["file"] == "/etc/jail.conf");
  BOOST_TEST(report[0]["line"] == 3);
  BOOST_TEST(report[0]["severity"] == "error");
  BOOST_TEST(report[0]["jail"] == "ducky");
  BOOST_TEST(report[0]["message"] == "address \"192.0.2.300\" is not a valid IPv4 address");
  BOOST_TEST(report[0]["detail"] == "");
  BOOST_TEST(nlohmann::json::parse(formatFindings({}, true)) == nlohmann::json::array());
}

BOOST_AUTO_TEST_CASE(json_survives_bytes_that_are_not_utf8) {
  Finding f{Severity::Warning, {"/etc/rc.conf", 1}, "ducky", "hostname \xe9t\xe9", ""};
  nlohmann::json report = nlohmann::json::parse(formatFindings({f}, true));
  BOOST_TEST(report[0]["message"] == "hostname \xef\xbf\xbdt\xef\xbf\xbd");
}

BOOST_AUTO_TEST_CASE(text_report_is_file_line_severity_message) {
  std::vector<Finding> findings{
      {Severity::Error, {"/etc/jail.conf", 3}, "ducky", "bad", "a detail\nover two lines"},
      {Severity::Note, {"/etc/rc.conf", 7}, "", "advice", ""},
  };
  BOOST_TEST(formatFindings(findings, false) ==
             "/etc/jail.conf:3: error: ducky: bad\n    a detail\n    over two lines\n/etc/rc.conf:7: note: advice\n");
}

BOOST_AUTO_TEST_CASE(severity_words) {
  BOOST_TEST((parseSeverity("error") == Severity::Error));
  BOOST_TEST((parseSeverity("warning") == Severity::Warning));
  BOOST_TEST((parseSeverity("note") == Severity::Note));
  BOOST_TEST(!parseSeverity("info"));
  BOOST_TEST(std::string(severityName(Severity::Warning)) == "warning");
}

BOOST_AUTO_TEST_CASE(every_problem_of_a_jail_that_could_not_be_configured) {
  // rootdir misspelt: no configuration, yet the typo and the bad address
  // (one of jail_ducky_ip_multi0 too) are each reported.
  TempDir dir;
  dir.write("etc/rc.conf",
            "jail_list=\"ducky\"\njail_ducky_rootdr=\"/usr/jail/ducky\"\njail_ducky_hostname=\"d\"\n"
            "jail_ducky_ip=\"192.0.2.300\"\njail_ducky_ip_multi0=\"2001:db8::zz\"\n");
  std::vector<Finding> findings = check(dir.path());
  BOOST_REQUIRE_EQUAL(findings.size(), 4u);
  BOOST_TEST(findings[0].message.find("has no configuration") != std::string::npos);
  BOOST_TEST(findings[1].message == "unknown variable jail_ducky_rootdr; did you mean jail_ducky_rootdir?");
  BOOST_TEST((findings[1].severity == Severity::Warning));
  BOOST_TEST(findings[2].where.str() == "/etc/rc.conf:4");
  BOOST_TEST(findings[2].message == "address \"192.0.2.300\" is not a valid IPv4 address");
  BOOST_TEST((findings[2].severity == Severity::Error));
  BOOST_TEST(findings[3].where.str() == "/etc/rc.conf:5");
  BOOST_TEST(findings[3].message == "address \"2001:db8::zz\" is not a valid IPv6 address");
}

BOOST_AUTO_TEST_CASE(quarantined_jail_is_a_finding) {
  TempDir dir;
  dir.write("etc/rc.conf", "jail_list=\"ducky\"\njail_quarantine_after=2\n");
  dir.write("etc/jail.conf", "ducky { path = /usr/jail/ducky; }\n");
  dir.write("usr/jail/ducky/bin/sh", "");
  dir.write("usr/jail/ducky/etc/rc", "");
  BOOST_TEST(check(dir.path()).empty());
  std::string history;
  for (int i = 0; i < 2; ++i)
    history += formatHistoryRecord({100 + i, true, "ducky", "start", JailResult::Failed, 5, "jail: ducky: failed"});
  dir.write("var/db/rcjail/history", history);
  std::vector<Finding> findings = check(dir.path());
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_TEST(findings[0].where.str() == "/etc/rc.conf:2");
  BOOST_TEST(findings[0].message.find("quarantined") == 0u);
}

BOOST_AUTO_TEST_CASE(unknown_parameters_and_second_blocks) {
  TempDir dir;
  dir.write("etc/jail.conf", "ducky {\n\tpath = /;\n\tip4.adr = 192.0.2.1;\n\tallow.nomount;\n}\nducky { persist; }\n");
  JailConf conf = parseJailConfFile(FsRoot(dir.path()), "/etc/jail.conf");
  std::vector<Finding> out;
  checkBlocks(conf, out);
  BOOST_REQUIRE_EQUAL(out.size(), 2u);
  // The blocks in file order: the first block's own problems come first.
  BOOST_TEST(out[0].where.str() == "/etc/jail.conf:3");
  BOOST_TEST(out[0].message == "unknown parameter ip4.adr: jail(8) fails the jail; did you mean ip4.addr or ip6.addr?");
  BOOST_TEST((out[0].severity == Severity::Error));
  BOOST_TEST(out[1].where.str() == "/etc/jail.conf:6");
  BOOST_TEST(out[1].message.find("a second block of jail ducky (the first is at /etc/jail.conf:1)") == 0u);
}

BOOST_AUTO_TEST_CASE(missing_semicolon_at_its_own_line) {
  TempDir dir;
  dir.write("etc/jail.conf", "ducky {\n\tpath = /x\n\n# note\n\tpersist;\n}\n");
  Finding f{Severity::Error, {"/etc/jail.conf", 5}, "", "persist: syntax error", ""};
  placeMissingSemicolon(FsRoot(dir.path()), f);
  BOOST_TEST(f.where.str() == "/etc/jail.conf:2");
  BOOST_TEST(f.message == "missing ';' at the end of this line (jail(8) says line 5: persist: syntax error)");
  // A statement that did end: the message stays where jail(8) put it.
  dir.write("etc/jail.conf", "ducky {\n\tpath = /x;\n\t= 1;\n}\n");
  Finding g{Severity::Error, {"/etc/jail.conf", 3}, "", "=: syntax error", ""};
  placeMissingSemicolon(FsRoot(dir.path()), g);
  BOOST_TEST(g.where.str() == "/etc/jail.conf:3");
}

BOOST_AUTO_TEST_CASE(start_mistakes_of_rc_conf) {
  TempDir dir;
  dir.write("etc/rc.conf",
            "jail_enable=\"YSE\"\njail_list=\"a b a\"\njail_conf=\"/etc/none.conf\"\n"
            "jail_program=\"/nowhere/jail\"\njail_sysctl=\"/x\"\njail_lock_timeout=\"5\"\n");
  FsRoot root(dir.path());
  Variables vars = loadNativeRcConf(root);
  CheckEnvironment env{root, [] { return true; }, [](const std::string&) { return true; }, [] { return 1; }, {},
                       [](const std::string& path) { return path == "/nowhere/jail" ? ENOENT : 0; }};
  std::vector<std::string> lines = firstLines(checkConfiguration(vars, env, {}));
  auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
  BOOST_TEST(has("/etc/rc.conf:1: error: jail_enable=\"YSE\" is neither YES nor NO, and counts as NO: start and stop do nothing"));
  BOOST_TEST(has("/etc/rc.conf:2: error: a: jail_list names a twice: the second start fails (the jail already exists)"));
  BOOST_TEST(has("/etc/rc.conf:3: error: jail_conf /etc/none.conf does not exist"));
  BOOST_TEST(has("/etc/rc.conf:4: error: jail_program /nowhere/jail does not exist: no jail can start or stop"));
  for (const std::string& l : lines) BOOST_TEST(l.find("unknown variable") == std::string::npos, l);
}

BOOST_AUTO_TEST_SUITE_END()
