// Local timestamps (src/base/timestamp).
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "timestamp.h"

using namespace rcjail;

namespace {

// Sets TZ for one test and puts the old value back.
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const char* zone) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    setenv("TZ", zone, 1);
    tzset();
  }
  ~ScopedTimeZone() {
    if (old_)
      setenv("TZ", old_->c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

 private:
  std::optional<std::string> old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(timestamp)

BOOST_AUTO_TEST_CASE(utc) {
  ScopedTimeZone zone("UTC0");
  BOOST_TEST(localTimestamp(0) == "1970-01-01 00:00:00");
  BOOST_TEST(localTimestamp(1700000000) == "2023-11-14 22:13:20");
}

BOOST_AUTO_TEST_CASE(follows_the_local_zone) {
  ScopedTimeZone zone("XST-2");  // two hours east of UTC, no daylight saving
  BOOST_TEST(localTimestamp(1700000000) == "2023-11-15 00:13:20");
  BOOST_TEST(localTimestamp(86399) == "1970-01-02 01:59:59");
}

BOOST_AUTO_TEST_SUITE_END()
