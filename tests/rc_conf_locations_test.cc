// Tests of the textual search for assignments used by the /bin/sh fallback.
#include <boost/test/unit_test.hpp>

#include "rc_conf_locations.h"
#include "test_support.h"

namespace rcjail {

BOOST_AUTO_TEST_SUITE(rc_conf_locations)

BOOST_AUTO_TEST_CASE(finds_the_last_assignment_in_file_order) {
  testing::TempDir dir;
  dir.write("a.conf", "x=1\n  export y=2\nreadonly\tz=3\n: ${w:=4} ${v=5}\nlocal u=6\n");
  dir.write("b.conf", "\nx=again\nnot x=here\n# q=comment\n");
  auto found = findAssignments(FsRoot(dir.path()), {"/a.conf", "/b.conf", "/missing.conf"});
  BOOST_TEST(found["x"].str() == "/b.conf:2");
  BOOST_TEST(found["y"].str() == "/a.conf:2");
  BOOST_TEST(found["z"].str() == "/a.conf:3");
  BOOST_TEST(found["w"].str() == "/a.conf:4");
  BOOST_TEST(found["v"].str() == "/a.conf:4");
  BOOST_TEST(found["u"].str() == "/a.conf:5");
  BOOST_TEST(found.count("q") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
