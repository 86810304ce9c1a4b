// Tests of the test / [ builtin: strings, integers, files under the root,
// !, -a, -o, parentheses, POSIX's argument-count rules and errors.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <sys/stat.h>

#include "sh_test.h"
#include "test_support.h"

namespace rcjail {
namespace {

int test(std::vector<std::string> args, const FsRoot& root = FsRoot("/")) {
  return runShTest(args, root).status;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_test)

BOOST_AUTO_TEST_CASE(strings) {
  BOOST_TEST(test({"abc", "=", "abc"}) == 0);
  BOOST_TEST(test({"abc", "!=", "abc"}) == 1);
  BOOST_TEST(test({"-n", "x"}) == 0);
  BOOST_TEST(test({"-n", ""}) == 1);
  BOOST_TEST(test({"-z", ""}) == 0);
  BOOST_TEST(test({"a", "<", "b"}) == 0);
  BOOST_TEST(test({"a", ">", "b"}) == 1);
  BOOST_TEST(test({"x"}) == 0);
  BOOST_TEST(test({""}) == 1);
  BOOST_TEST(test({}) == 1);
}

BOOST_AUTO_TEST_CASE(integers) {
  BOOST_TEST(test({"1", "-eq", "1"}) == 0);
  BOOST_TEST(test({"1", "-ne", "1"}) == 1);
  BOOST_TEST(test({"-1", "-lt", "0"}) == 0);
  BOOST_TEST(test({"2", "-le", "2"}) == 0);
  BOOST_TEST(test({"3", "-gt", "4"}) == 1);
  BOOST_TEST(test({"010", "-ge", "10"}) == 0);
  BOOST_TEST(test({" 5 ", "-eq", "5"}) == 0);
}

BOOST_AUTO_TEST_CASE(posix_argument_count_rules) {
  BOOST_TEST(test({"-n"}) == 0);  // one argument: non-empty
  BOOST_TEST(test({"!"}) == 0);
  BOOST_TEST(test({"!", ""}) == 0);
  BOOST_TEST(test({"=", "=", "="}) == 0);
  BOOST_TEST(test({"!", "-n", ""}) == 0);
  BOOST_TEST(test({"(", "x", ")"}) == 0);
  BOOST_TEST(test({"!", "", "-a", ""}) == 0);  // ! ("" -a "")
  BOOST_TEST(test({"(", "-n", "", ")"}) == 1);
}

BOOST_AUTO_TEST_CASE(connectives) {
  BOOST_TEST(test({"1", "=", "1", "-a", "2", "=", "2"}) == 0);
  BOOST_TEST(test({"1", "=", "2", "-o", "2", "=", "2"}) == 0);
  BOOST_TEST(test({"1", "=", "2", "-o", "1", "=", "1", "-a", "2", "=", "3"}) == 1);  // -a binds tighter
  BOOST_TEST(test({"!", "(", "1", "=", "2", "-o", "1", "=", "3", ")"}) == 0);
}

BOOST_AUTO_TEST_CASE(errors) {
  ShTestResult r = runShTest({"a", "-eq", "1"}, FsRoot("/"));
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.error == "Illegal number: a");
  BOOST_TEST(runShTest({"", "-eq", "0"}, FsRoot("/")).status == 2);
  BOOST_TEST(runShTest({"x", "y"}, FsRoot("/")).status == 2);
  BOOST_TEST(runShTest({"1", "-gt"}, FsRoot("/")).status == 2);
  BOOST_TEST(runShTest({"(", "x"}, FsRoot("/")).status == 2);
}

BOOST_AUTO_TEST_CASE(file_tests_look_under_the_root) {
  testing::TempDir dir;
  FsRoot root(dir.path());
  dir.write("etc/file", "x");
  dir.write("etc/empty", "");
  std::string exec = dir.write("etc/exec", "#!/bin/sh\n");
  chmod(exec.c_str(), 0755);
  std::filesystem::create_directories(dir.path() + "/etc/dir");
  std::filesystem::create_symlink("file", dir.path() + "/etc/link");
  BOOST_TEST(test({"-r", "/etc/file"}, root) == 0);
  BOOST_TEST(test({"-w", "/etc/file"}, root) == 0);
  BOOST_TEST(test({"-e", "/etc/file"}, root) == 0);
  BOOST_TEST(test({"-e", "/etc/missing"}, root) == 1);
  BOOST_TEST(test({"-f", "/etc/file"}, root) == 0);
  BOOST_TEST(test({"-f", "/etc/dir"}, root) == 1);
  BOOST_TEST(test({"-d", "/etc/dir"}, root) == 0);
  BOOST_TEST(test({"-s", "/etc/file"}, root) == 0);
  BOOST_TEST(test({"-s", "/etc/empty"}, root) == 1);
  BOOST_TEST(test({"-x", "/etc/exec"}, root) == 0);
  BOOST_TEST(test({"-x", "/etc/file"}, root) == 1);
  BOOST_TEST(test({"-L", "/etc/link"}, root) == 0);
  BOOST_TEST(test({"-h", "/etc/file"}, root) == 1);
  BOOST_TEST(test({"-f", "/etc/link"}, root) == 0);
  BOOST_TEST(test({"/etc/file", "-ef", "/etc/link"}, root) == 0);
  BOOST_TEST(test({"/etc/file", "-nt", "/etc/missing"}, root) == 0);
  BOOST_TEST(test({"/etc/missing", "-ot", "/etc/file"}, root) == 0);
}

BOOST_AUTO_TEST_CASE(readable_means_what_access_says) {
  // As root, access(R_OK) is true for a mode 000 file, as sh's -r is.
  testing::TempDir dir;
  std::string path = dir.write("secret", "x");
  chmod(path.c_str(), 0);
  bool expected = access(path.c_str(), R_OK) == 0;
  BOOST_TEST((test({"-r", "/secret"}, FsRoot(dir.path())) == 0) == expected);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
