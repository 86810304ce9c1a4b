// privileges: what a verb that changes jails needs, and the /var/run test.
#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <filesystem>

#include "privileges.h"
#include "test_support.h"

using namespace rcjail;

BOOST_AUTO_TEST_SUITE(privileges)

BOOST_AUTO_TEST_CASE(root_or_the_admin_capability) {
  BOOST_TEST(privilegeProblem("start", {0, false}, true, 0).empty());
  BOOST_TEST(privilegeProblem("start", {1000, true}, true, 0).empty());
  BOOST_TEST(privilegeProblem("stop", {65534, false}, true, 0) ==
             "stop needs root: only root can create, stop or enter jails (running as uid 65534); nothing was done");
}

BOOST_AUTO_TEST_CASE(var_run_only_for_the_verbs_that_write_it) {
  BOOST_TEST(privilegeProblem("start", {0, false}, true, EACCES) ==
             "start needs to write /var/run (Permission denied); nothing was done");
  BOOST_TEST(privilegeProblem("console", {0, false}, false, EACCES).empty());
}

BOOST_AUTO_TEST_CASE(var_run_write_test) {
  rcjail::testing::TempDir dir;
  std::filesystem::create_directories(dir.path() + "/var/run");
  BOOST_TEST(varRunWriteError(FsRoot(dir.path())) == 0);
  // Missing: not a privilege; the verbs report the files they cannot write.
  rcjail::testing::TempDir empty;
  BOOST_TEST(varRunWriteError(FsRoot(empty.path())) == 0);
}

BOOST_AUTO_TEST_CASE(this_process) {
  const Credentials who = processCredentials();
  BOOST_TEST(who.euid == static_cast<unsigned>(geteuid()));
}

BOOST_AUTO_TEST_SUITE_END()
