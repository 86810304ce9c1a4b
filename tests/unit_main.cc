// The one main() of the unit test binary; every *_test.cc adds its suites.
#define BOOST_TEST_MODULE rcjail unit tests
#include <boost/test/unit_test.hpp>
