// The compat sysctl's answers, from a /proc laid out by the test.
#include <boost/test/unit_test.hpp>

#include "sysctl_answers.h"
#include "test_support.h"

using rcjail::compat::sysctlAnswer;
using rcjail::testing::TempDir;

BOOST_AUTO_TEST_SUITE(compat_sysctl_answers)

BOOST_AUTO_TEST_CASE(vimage_exists_where_network_namespaces_do) {
  TempDir proc;
  BOOST_TEST(!sysctlAnswer("kern.features.vimage", proc.path()).has_value());
  proc.write("self/ns/net", "");
  BOOST_TEST(sysctlAnswer("kern.features.vimage", proc.path()).value_or("none") == "1");
}

BOOST_AUTO_TEST_CASE(dad_count_is_the_default_dad_transmits) {
  TempDir proc;
  BOOST_TEST(!sysctlAnswer("net.inet6.ip6.dad_count", proc.path()).has_value());  // no IPv6
  proc.write("sys/net/ipv6/conf/default/dad_transmits", "3\n");
  BOOST_TEST(sysctlAnswer("net.inet6.ip6.dad_count", proc.path()).value_or("none") == "3");
}

BOOST_AUTO_TEST_CASE(other_oids_are_unknown) {
  TempDir proc;
  proc.write("self/ns/net", "");
  BOOST_TEST(!sysctlAnswer("kern.ostype", proc.path()).has_value());
  BOOST_TEST(!sysctlAnswer("kern.features", proc.path()).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
