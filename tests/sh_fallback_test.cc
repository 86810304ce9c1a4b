// Tests of the /bin/sh fallback: values no dump format may break, flags,
// the shell's own variables, errors with file and line, output, locations.
#include <boost/test/unit_test.hpp>

#include "rc_conf_fixture.h"
#include "rc_conf_reader.h"
#include "sh_fallback.h"

namespace rcjail {
namespace {

struct ShellLoad {
  testing::TempDir dir;
  RcConfResult result;
  std::string error;

  explicit ShellLoad(const std::string& snippet, Variables initial = testing::RcConfFixture().initial()) {
    testing::RcConfFixture::parse(snippet).write(dir);
    RcConfOptions options{FsRoot(dir.path())};
    try {
      result = loadRcConfigWithShell(options, initial);
    } catch (const ConfigError& e) {
      error = e.describe();
    }
  }
  std::string get(const std::string& name) const { return result.vars.get(name); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_fallback)

BOOST_AUTO_TEST_CASE(values_survive_the_dump) {
  ShellLoad load(
      "#@ nodefaults\n"
      "nl='line one\nline two\n'\n"
      "q=\"it's \\\"quoted\\\"\"\n"
      "eq='a=b=c'\n"
      "fake='x\nPATH=/evil\ny'\n"
      "empty=\n"
      "bs='back\\slash'\n");
  BOOST_REQUIRE(load.error.empty());
  BOOST_TEST(load.get("nl") == "line one\nline two\n");
  BOOST_TEST(load.get("q") == "it's \"quoted\"");
  BOOST_TEST(load.get("eq") == "a=b=c");
  BOOST_TEST(load.get("fake") == "x\nPATH=/evil\ny");
  BOOST_TEST(load.get("PATH") == "/usr/bin:/bin");
  BOOST_TEST(load.result.vars.isSet("empty"));
  BOOST_TEST(load.get("bs") == "back\\slash");
}

BOOST_AUTO_TEST_CASE(runs_what_the_native_reader_does_not) {
  ShellLoad load("#@ nodefaults\nhost=$(echo jail-host)\nupper=`echo abc | tr a-z A-Z`\n");
  BOOST_REQUIRE(load.error.empty());
  BOOST_TEST(load.get("host") == "jail-host");
  BOOST_TEST(load.get("upper") == "ABC");
  BOOST_TEST(load.result.evaluatedByShell);
}

BOOST_AUTO_TEST_CASE(flags_and_the_shells_own_variables) {
  ShellLoad load("#@ nodefaults\nexport e=1\nreadonly r=2\nOPTIND=4\n");
  BOOST_REQUIRE(load.error.empty());
  BOOST_TEST(load.result.vars.find("e")->exported);
  BOOST_TEST(load.result.vars.find("r")->readonly);
  BOOST_TEST(load.result.vars.find("PATH")->exported);
  BOOST_TEST(load.get("OPTIND") == "4");  // changed, so kept
  BOOST_TEST(!load.result.vars.isSet("PPID"));
  BOOST_TEST(!load.result.vars.isSet("PS1"));
  BOOST_TEST(!load.result.vars.isSet("IFS"));
  for (const auto& [name, v] : load.result.vars.all()) BOOST_TEST(name.rfind("__rcjail", 0) != 0);
}

BOOST_AUTO_TEST_CASE(starting_state_is_passed_in) {
  Variables initial = testing::RcConfFixture().initial();
  initial.set("plain", "not 'exported'");
  initial.set("ro", "x");
  initial.slot("ro").readonly = true;
  ShellLoad load("#@ nodefaults\ncopy=$plain\n", initial);
  BOOST_REQUIRE(load.error.empty());
  BOOST_TEST(load.get("copy") == "not 'exported'");
  BOOST_TEST(!load.result.vars.find("plain")->exported);
  BOOST_TEST(load.result.vars.find("ro")->readonly);
}

BOOST_AUTO_TEST_CASE(sourcing_order_debug_and_files) {
  ShellLoad load(
      "a=1\n#@ file /etc/rc.conf.d/jail/x\nb=2\n#@ file /etc/rc.conf.d/jail/y\n");
  BOOST_REQUIRE(load.error.empty());
  std::vector<std::string> debug = {"Sourcing /etc/defaults/rc.conf", "Sourcing /etc/rc.conf.d/jail/x",
                                    "Sourcing /etc/rc.conf.d/jail/y"};
  BOOST_TEST(load.result.debug == debug, boost::test_tools::per_element());
  BOOST_REQUIRE_GE(load.result.files.size(), 2u);
  BOOST_TEST(load.result.files.front() == "/etc/defaults/rc.conf");
  BOOST_TEST(load.result.files.back() == "/etc/rc.conf.d/jail/x");
}

BOOST_AUTO_TEST_CASE(locations_are_a_best_effort) {
  ShellLoad load("#@ nodefaults\nx=$(echo 1)\n\nexport y=2\n: ${z:=3}\neval 'w=4'\n");
  BOOST_REQUIRE(load.error.empty());
  BOOST_TEST(load.result.vars.find("x")->where.str() == "/etc/rc.conf:1");
  BOOST_TEST(load.result.vars.find("y")->where.str() == "/etc/rc.conf:3");
  BOOST_TEST(load.result.vars.find("z")->where.str() == "/etc/rc.conf:4");
  BOOST_TEST(load.result.vars.find("w")->where.str() == "/etc/rc.conf");
  BOOST_TEST(load.result.vars.find("PATH")->where.str() == "(built-in)");
}

// The expected messages are dash's (Debian's /bin/sh), which the tests run.
BOOST_AUTO_TEST_CASE(output_of_the_files_is_passed_on_byte_for_byte) {
  ShellLoad load("#@ nodefaults\necho hello\nprintf '%s|%s\\n' a b >&2\nnosuchcommand_rcjail\nprintf 'x\\n'\n");
  BOOST_REQUIRE(load.error.empty());
  BOOST_TEST(load.result.out == "hello\nx\n");
  BOOST_TEST(load.result.err == "a|b\n/etc/rc.d/jail: 3: " + load.dir.path() +
                                    "/etc/rc.conf: nosuchcommand_rcjail: not found\n");
  BOOST_REQUIRE(load.result.errors.size() == 1);
  BOOST_TEST(load.result.errors[0].where.str() == "/etc/rc.conf:3");
  BOOST_TEST(load.result.errors[0].message == "nosuchcommand_rcjail: not found");
  BOOST_TEST(!load.result.stop);
}

BOOST_AUTO_TEST_CASE(syntax_errors_stop_the_load_at_file_and_line) {
  ShellLoad load("#@ nodefaults\na=1\n#@ file /etc/rc.conf.d/jail\nx=1\nif true; then\n");
  BOOST_REQUIRE(load.result.stop);
  BOOST_TEST(load.result.stop->where.str() == "/etc/rc.conf.d/jail:3");
  BOOST_TEST(load.result.stop->status == 2);
  BOOST_TEST(load.result.stop->reason == "Syntax error: end of file unexpected (expecting \"fi\")");
  BOOST_TEST(load.result.err == "/etc/rc.d/jail: 3: " + load.dir.path() +
                                    "/etc/rc.conf.d/jail: Syntax error: end of file unexpected (expecting \"fi\")\n");
}

BOOST_AUTO_TEST_CASE(runtime_errors_stop_the_load_at_file_and_line) {
  ShellLoad load("#@ nodefaults\nreadonly r=1\n\nr=$(echo 2)\n");
  BOOST_REQUIRE(load.result.stop);
  BOOST_TEST(load.result.stop->where.str() == "/etc/rc.conf:3");
  BOOST_TEST(load.result.stop->reason == "r: is read only");
}

BOOST_AUTO_TEST_CASE(exit_stops_the_load_with_its_status) {
  ShellLoad load("#@ nodefaults\na=1\nx=$(echo 1)\necho bye\nexit 0\nb=2\n");
  BOOST_REQUIRE(load.result.stop);
  BOOST_TEST(load.result.stop->status == 0);
  BOOST_TEST(load.result.stop->where.str() == "/etc/rc.conf:4");
  BOOST_TEST(load.result.stop->reason == "exit 0 while loading: rc.d/jail stops here with status 0");
  BOOST_TEST(load.result.out == "bye\n");
  ShellLoad after("#@ nodefaults\nnosuchcommand_rcjail\n#@ file /etc/rc.conf.d/jail\n: $(:)\nexit 7\n");
  BOOST_REQUIRE(after.result.stop);
  BOOST_TEST(after.result.stop->status == 7);
  BOOST_TEST(after.result.stop->where.str() == "/etc/rc.conf.d/jail:2");
  BOOST_TEST(after.result.errors.size() == 1);
}

BOOST_AUTO_TEST_CASE(a_missing_shell_is_an_error) {
  testing::TempDir dir;
  RcConfOptions options{FsRoot(dir.path())};
  options.shell = "/nonexistent/sh";
  BOOST_CHECK_THROW(loadRcConfigWithShell(options, Variables()), ConfigError);
}

BOOST_AUTO_TEST_CASE(a_load_that_does_not_end_is_stopped_at_the_time_limit) {
  testing::TempDir dir;
  testing::RcConfFixture::parse("#@ nodefaults\nx=$(echo 1)\nwhile :; do sleep 1; done\n").write(dir);
  RcConfOptions options{FsRoot(dir.path())};
  options.limits.time = std::chrono::milliseconds(300);
  try {
    loadRcConfigWithShell(options, testing::RcConfFixture().initial());
    BOOST_FAIL("no error");
  } catch (const ConfigError& e) {
    BOOST_TEST(e.describe() ==
               "/etc/rc.conf: time limit of the rc.conf reader exceeded (300 ms): look for a loop or a recursion "
               "that does not end (/bin/sh was stopped)");
  }
}

BOOST_AUTO_TEST_CASE(single_quoting) {
  BOOST_TEST(shSingleQuote("") == "''");
  BOOST_TEST(shSingleQuote("it's") == "'it'\\''s'");
  BOOST_TEST(shSingleQuote("$x \"y\"") == "'$x \"y\"'");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
