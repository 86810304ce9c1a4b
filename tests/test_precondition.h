// The precondition of a unit test that cannot run everywhere (root, say):
// such a test is reported as skipped, never as passed, and fails instead
// where every test must run.
#pragma once

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>

namespace rcjail::testing {

// For boost::unit_test::precondition: a test that needs `what` is reported as
// skipped where `met` is false. Where every test must run (CI sets
// RCJAIL_REQUIRE_ALL_TESTS=1) it runs anyway, and fails on its own check.
inline boost::test_tools::assertion_result requirement(bool met, const std::string& what) {
  const char* all = std::getenv("RCJAIL_REQUIRE_ALL_TESTS");
  if (met || (all && std::string(all) == "1")) return true;
  boost::test_tools::assertion_result result(false);
  result.message() << "needs " << what;
  return result;
}

}  // namespace rcjail::testing
