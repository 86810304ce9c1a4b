// unconfigured_jails: names nothing configures, with their suggestions.
#include <boost/test/unit_test.hpp>

#include "unconfigured_jails.h"

using namespace rcjail;

BOOST_AUTO_TEST_SUITE(unconfigured_jails)

BOOST_AUTO_TEST_CASE(one_line_per_unknown_name) {
  const std::vector<std::string> configured{"ducky", "web", "db"};
  BOOST_TEST(unconfiguredNames({"ducky", "web"}, configured).empty());
  BOOST_TEST(unconfiguredNames({"duckyy", "web", "zzzzzz"}, configured) ==
             (std::vector<std::string>{"jail duckyy is not configured; did you mean ducky?",
                                       "jail zzzzzz is not configured; `rcjail list` shows the jails that are"}));
  // Given names are read as jail(8) names, as the verbs read them.
  BOOST_TEST(unconfiguredNames({"wb"}, configured) ==
             std::vector<std::string>{"jail wb is not configured; did you mean web or db?"});
}

BOOST_AUTO_TEST_SUITE_END()
