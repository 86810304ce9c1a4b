// The jail(8) name and the variable name of a jail.
#include <boost/test/unit_test.hpp>

#include "jail_names.h"

using namespace rcjail;

BOOST_AUTO_TEST_SUITE(jail_names)

BOOST_AUTO_TEST_CASE(jail_name_replaces_slash_and_dot) {
  BOOST_TEST(jailName("www.example-1") == "www_example-1");
  BOOST_TEST(jailName("a/b.c") == "a_b_c");
  BOOST_TEST(jailName("plain") == "plain");
}

BOOST_AUTO_TEST_CASE(variable_name_keeps_only_alphanumerics) {
  BOOST_TEST(variableName("www_example-1") == "www_example_1");
  BOOST_TEST(variableName("a+b@c9") == "a_b_c9");
  BOOST_TEST(variableName("caf\xc3\xa9") == "caf__");
  BOOST_TEST(jailVariable("ducky", "rootdir") == "jail_ducky_rootdir");
}

BOOST_AUTO_TEST_SUITE_END()
