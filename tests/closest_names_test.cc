// closest_names: edit distance, the "did you mean" candidates and their wording.
#include <boost/test/unit_test.hpp>

#include "closest_names.h"

using namespace rcjail;

BOOST_AUTO_TEST_SUITE(closest_names)

BOOST_AUTO_TEST_CASE(edit_distance) {
  BOOST_TEST(editDistance("rootdr", "rootdir") == 1u);
  BOOST_TEST(editDistance("", "abc") == 3u);
  BOOST_TEST(editDistance("parralel", "parallel") == 2u);
  BOOST_TEST(editDistance("same", "same") == 0u);
}

BOOST_AUTO_TEST_CASE(nearest_first_within_the_limit) {
  const std::vector<std::string> jails{"ducky", "duck", "web", "db", "ducky2"};
  BOOST_TEST(closestNames("duckyy", jails, 3) == (std::vector<std::string>{"ducky", "ducky2", "duck"}));
  BOOST_TEST(closestNames("duckyy", jails) == std::vector<std::string>{"ducky"});
  // Short words: one edit at most.
  BOOST_TEST(closestNames("wbe", jails, 3).empty());
  BOOST_TEST(closestNames("wb", jails, 3) == (std::vector<std::string>{"web", "db"}));
  BOOST_TEST(closestNames("nothing-like", jails, 3).empty());
  // The word itself is no suggestion, nor is a name twice.
  BOOST_TEST(closestNames("web", {"web", "wen", "wen"}, 3) == std::vector<std::string>{"wen"});
}

BOOST_AUTO_TEST_CASE(alternatives_as_a_sentence_ends) {
  BOOST_TEST(alternatives({"a"}) == "a");
  BOOST_TEST(alternatives({"a", "b"}) == "a or b");
  BOOST_TEST(alternatives({"a", "b", "c"}) == "a, b or c");
  BOOST_TEST(alternatives({}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
