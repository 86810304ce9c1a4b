// HostFeatures: the one reading of kern.features.vimage and
// net.inet6.ip6.dad_count that every verb uses, asked once.
#include <boost/test/unit_test.hpp>

#include "fake_jail_system.h"
#include "host_features.h"

using namespace rcjail;
using rcjail::testing::FakeJailSystem;

namespace {

// Counts the sysctl questions on top of the fake's answers.
class CountingSystem : public FakeJailSystem {
 public:
  std::map<std::string, int> asked;
  std::optional<std::string> sysctl(const std::string& name) override {
    ++asked[name];
    return FakeJailSystem::sysctl(name);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(host_features)

BOOST_AUTO_TEST_CASE(vimage_is_the_existence_of_the_oid) {
  FakeJailSystem system;
  system.sysctls["kern.features.vimage"] = "0";  // check_kern_features asks only whether it exists
  BOOST_TEST(hostFeatures(system).hasVimage());
  system.sysctls.erase("kern.features.vimage");
  BOOST_TEST(!hostFeatures(system).hasVimage());
}

BOOST_AUTO_TEST_CASE(dad_count_is_the_number_answered) {
  FakeJailSystem system;
  system.sysctls["net.inet6.ip6.dad_count"] = "3";
  BOOST_TEST(hostFeatures(system).dadCount() == 3);
  system.sysctls.erase("net.inet6.ip6.dad_count");
  // $(( + 1)) in the stock script: an absent oid counts as 0.
  BOOST_TEST(hostFeatures(system).dadCount() == 0);
}

BOOST_AUTO_TEST_CASE(dad_count_reads_like_sh_arithmetic) {
  BOOST_TEST(dadCountFrom(std::string("2")) == 2);
  BOOST_TEST(dadCountFrom(std::string(" 7")) == 7);
  BOOST_TEST(dadCountFrom(std::nullopt) == 0);
  BOOST_TEST(dadCountFrom(std::string("")) == 0);
  BOOST_TEST(dadCountFrom(std::string("many")) == 0);
}

BOOST_AUTO_TEST_CASE(each_question_is_asked_once_for_all_copies) {
  CountingSystem system;
  const HostFeatures host = hostFeatures(system);
  HostFeatures copy = host;
  BOOST_TEST(system.asked.empty());  // asked on first use, not before
  BOOST_TEST(host.hasVimage());
  BOOST_TEST(copy.hasVimage());
  BOOST_TEST(host.dadCount() == 1);
  BOOST_TEST(copy.dadCount() == 1);
  BOOST_TEST(system.asked["kern.features.vimage"] == 1);
  BOOST_TEST(system.asked["net.inet6.ip6.dad_count"] == 1);
  BOOST_TEST(system.asked.count("kern.osreldate") == 0u);
  BOOST_TEST((host.jailConfGrammar() == JailConfGrammar::Current));
  BOOST_TEST((copy.jailConfGrammar() == JailConfGrammar::Current));
  BOOST_TEST(system.asked["kern.osreldate"] == 1);
}

// jail(8) reads jail.conf with nested blocks and one global pseudo-jail since
// 14.0-RELEASE (kern.osreldate 1400097); an older host's with the older grammar.
BOOST_AUTO_TEST_CASE(jail_conf_grammar_from_the_release) {
  FakeJailSystem system;
  system.sysctls["kern.osreldate"] = "1302001";  // 13.2-RELEASE
  BOOST_TEST((hostFeatures(system).jailConfGrammar() == JailConfGrammar::Older));
  system.sysctls["kern.osreldate"] = "1400097";  // 14.0-RELEASE
  BOOST_TEST((hostFeatures(system).jailConfGrammar() == JailConfGrammar::Current));
  system.sysctls["kern.osreldate"] = "1500068";
  BOOST_TEST((hostFeatures(system).jailConfGrammar() == JailConfGrammar::Current));
  system.sysctls["kern.osreldate"] = "unknown";
  BOOST_TEST((hostFeatures(system).jailConfGrammar() == JailConfGrammar::Current));
  system.sysctls.erase("kern.osreldate");  // Linux: the compat jail(8) reads the current grammar
  BOOST_TEST((hostFeatures(system).jailConfGrammar() == JailConfGrammar::Current));
  BOOST_TEST(osreldateFrom(std::string("1302001")).value_or(0) == 1302001);
  BOOST_TEST(!osreldateFrom(std::nullopt));
  BOOST_TEST(!osreldateFrom(std::string("")));
}

BOOST_AUTO_TEST_SUITE_END()
