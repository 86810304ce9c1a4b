// Tests of pathname expansion through FsRoot.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>

#include "sh_glob.h"
#include "test_support.h"

namespace rcjail {

BOOST_AUTO_TEST_SUITE(sh_glob)

BOOST_AUTO_TEST_CASE(matches_are_configuration_paths_sorted_bytewise) {
  testing::TempDir dir;
  for (const char* f : {"etc/rc.conf.d/jail/b", "etc/rc.conf.d/jail/B", "etc/rc.conf.d/jail/a",
                        "etc/rc.conf.d/jail/.x"})
    dir.write(f, "");
  std::vector<std::string> expected = {"/etc/rc.conf.d/jail/B", "/etc/rc.conf.d/jail/a",
                                       "/etc/rc.conf.d/jail/b"};
  BOOST_TEST(shGlob(FsRoot(dir.path()), "/etc/rc.conf.d/jail/*") == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hidden_names_need_an_explicit_dot) {
  testing::TempDir dir;
  dir.write("d/.x", "");
  dir.write("d/y", "");
  BOOST_TEST(shGlob(FsRoot(dir.path()), "/d/*").size() == 1u);
  auto dots = shGlob(FsRoot(dir.path()), "/d/.*");
  BOOST_TEST((std::find(dots.begin(), dots.end(), "/d/.x") != dots.end()));
}

BOOST_AUTO_TEST_CASE(several_components_and_literal_tails) {
  testing::TempDir dir;
  dir.write("j/one/rc.conf", "");
  dir.write("j/two/other", "");
  dir.write("j/three/rc.conf", "");
  std::vector<std::string> expected = {"/j/one/rc.conf", "/j/three/rc.conf"};
  BOOST_TEST(shGlob(FsRoot(dir.path()), "/j/*/rc.conf") == expected, boost::test_tools::per_element());
  std::vector<std::string> dirs = {"/j/one/", "/j/three/", "/j/two/"};
  BOOST_TEST(shGlob(FsRoot(dir.path()), "/j/*/") == dirs, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(escaped_characters_and_no_match) {
  testing::TempDir dir;
  dir.write("d/a*b", "");
  dir.write("d/axb", "");
  std::vector<std::string> star = {"/d/a*b"};
  BOOST_TEST(shGlob(FsRoot(dir.path()), "/d/a\\**") == star, boost::test_tools::per_element());
  BOOST_TEST(shGlob(FsRoot(dir.path()), "/d/z*").empty());
  BOOST_TEST(shGlob(FsRoot(dir.path()), "/missing/*").empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
