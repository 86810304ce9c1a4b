// Tests of reading the shell's messages back (dash's and busybox/bash's
// layouts) and of finding the lines that run `exit`.
#include <boost/test/unit_test.hpp>

#include "sh_messages.h"

namespace rcjail {
namespace {

bool isRcConf(const std::string& path) { return path == "/etc/rc.conf"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_messages)

BOOST_AUTO_TEST_CASE(dash_layout_with_and_without_a_file) {
  auto m = parseShMessage("/etc/rc.d/jail: 6: /etc/rc.conf: jail_test_ip: not found", "/etc/rc.d/jail", isRcConf);
  BOOST_REQUIRE(m);
  BOOST_TEST(m->file == "/etc/rc.conf");
  BOOST_TEST(m->line == 6);
  BOOST_TEST(m->message == "jail_test_ip: not found");
  m = parseShMessage("/etc/rc: 4: [: missing ]", "/etc/rc", isRcConf);
  BOOST_REQUIRE(m);
  BOOST_TEST(m->file == "");
  BOOST_TEST(m->line == 4);
  BOOST_TEST(m->message == "[: missing ]");
  m = parseShMessage("/etc/rc: 2: /usr/bin/nothere: not found", "/etc/rc", isRcConf);
  BOOST_REQUIRE(m);
  BOOST_TEST(m->file == "");
  BOOST_TEST(m->message == "/usr/bin/nothere: not found");
}

BOOST_AUTO_TEST_CASE(busybox_and_bash_layout) {
  auto m = parseShMessage("/etc/rc.d/jail: /etc/rc.conf: line 6: jail_test_ip: not found", "/etc/rc.d/jail",
                          isRcConf);
  BOOST_REQUIRE(m);
  BOOST_TEST(m->file == "/etc/rc.conf");
  BOOST_TEST(m->line == 6);
  BOOST_TEST(m->message == "jail_test_ip: not found");
  m = parseShMessage("/etc/rc.d/jail: /etc/rc.conf: line 12: syntax error: unterminated quoted string",
                     "/etc/rc.d/jail", isRcConf);
  BOOST_REQUIRE(m);
  BOOST_TEST(m->line == 12);
  BOOST_TEST(m->message == "syntax error: unterminated quoted string");
}

BOOST_AUTO_TEST_CASE(other_lines_are_not_messages) {
  BOOST_TEST(!parseShMessage("to stderr", "/etc/rc.d/jail", isRcConf));
  BOOST_TEST(!parseShMessage("sh: missing ]", "/etc/rc.d/jail", isRcConf));
  BOOST_TEST(!parseShMessage("/etc/rc.d/jail: WARNING: x", "/etc/rc.d/jail", isRcConf));
}

BOOST_AUTO_TEST_CASE(lines_that_run_exit) {
  const std::string text =
      "exit 3\n"                                    // 1
      "  exit\n"                                    // 2
      "[ -n \"$x\" ] && exit 1 # done\n"            // 3
      "if true; then exit; fi\n"                    // 4
      "echo exit\n"                                 // 5
      "# exit 2\n"                                  // 6
      "exitcode=1\n"                                // 7
      "case $x in a) exit 4;; esac\n"               // 8
      "echo 'a; exit'\n"                            // 9
      "f() { exit 5; }\n";                          // 10
  std::vector<int> expected = {1, 2, 3, 4, 8, 10};
  BOOST_TEST(exitCommandLines(text) == expected, boost::test_tools::per_element());
  BOOST_TEST(lineOf(text, 2) == "  exit");
  BOOST_TEST(lineOf(text, 11) == "");
  BOOST_TEST(lineOf(text, 40) == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
