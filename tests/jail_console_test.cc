// jail_console: the console program test against the jail's root.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "jail_console.h"
#include "test_support.h"

using namespace rcjail;

namespace {

// jls answering `-j NAME path` with one root, or failing.
class RootJls : public JailSystem {
 public:
  std::string root;
  int status = 0;
  std::unique_ptr<RunningProcess> start(const RunRequest&) override {
    struct Done : RunningProcess {
      RunResult r;
      RunResult wait() override { return r; }
    };
    auto done = std::make_unique<Done>();
    done->r.status = status;
    done->r.output = root + "\n";
    return done;
  }
  std::optional<std::string> sysctl(const std::string&) override { return std::nullopt; }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_console)

BOOST_AUTO_TEST_CASE(missing_login_names_the_variables) {
  rcjail::testing::TempDir dir;
  RootJls jls;
  jls.root = dir.path();
  Variables vars;
  vars.set("jail_jls", "/usr/sbin/jls");
  const std::vector<std::string> login{"/usr/bin/login", "-f", "root"};
  BOOST_TEST(missingConsoleProgram(jls, vars, "ducky", login) ==
             "jail ducky has no /usr/bin/login (under " + dir.path() +
                 "): set jail_consolecmd, or jail_ducky_consolecmd, to a command it has, such as \"/bin/sh\"");
  dir.write("usr/bin/login", "#!/bin/sh\n");
  std::filesystem::permissions(dir.path() + "/usr/bin/login", std::filesystem::perms::owner_exec,
                               std::filesystem::perm_options::add);
  BOOST_TEST(missingConsoleProgram(jls, vars, "ducky", login).empty());
}

BOOST_AUTO_TEST_CASE(nothing_said_when_jls_cannot_tell) {
  RootJls jls;
  jls.root = "/nonexistent-root";
  jls.status = 1;
  Variables vars;
  vars.set("jail_jls", "/usr/sbin/jls");
  BOOST_TEST(missingConsoleProgram(jls, vars, "ducky", {"/usr/bin/login"}).empty());
  BOOST_TEST(missingConsoleProgram(jls, vars, "ducky", {"login"}).empty());  // not a path: jexec looks it up
}

BOOST_AUTO_TEST_SUITE_END()
