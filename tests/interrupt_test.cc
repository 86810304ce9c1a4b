// InterruptWatch: SIGTERM and SIGINT are noted instead of ending the
// process, the first one counts, and the previous handlers come back.
#include <boost/test/unit_test.hpp>

#include <csignal>

#include "interrupt.h"

using namespace rcjail;

namespace {

volatile std::sig_atomic_t earlierHandlerRan = 0;
extern "C" void earlierHandler(int) { earlierHandlerRan = 1; }

}  // namespace

BOOST_AUTO_TEST_SUITE(interrupt)

BOOST_AUTO_TEST_CASE(signals_are_noted_and_the_first_one_counts) {
  InterruptWatch watch;
  BOOST_TEST(!watch.interrupted());
  BOOST_TEST(watch.signal() == 0);
  raise(SIGINT);
  BOOST_TEST(watch.interrupted());
  BOOST_TEST(watch.signal() == SIGINT);
  raise(SIGTERM);
  BOOST_TEST(watch.signal() == SIGINT);
}

BOOST_AUTO_TEST_CASE(a_new_watch_starts_clear_and_the_old_handlers_return) {
  struct sigaction mine = {}, before = {};
  mine.sa_handler = earlierHandler;
  sigemptyset(&mine.sa_mask);
  sigaction(SIGTERM, &mine, &before);
  {
    InterruptWatch watch;
    BOOST_TEST(!watch.interrupted());
    raise(SIGTERM);
    BOOST_TEST(watch.signal() == SIGTERM);
    BOOST_TEST(earlierHandlerRan == 0);
  }
  raise(SIGTERM);
  BOOST_TEST(earlierHandlerRan == 1);
  sigaction(SIGTERM, &before, nullptr);
}

BOOST_AUTO_TEST_CASE(signal_names) {
  BOOST_TEST(interruptSignalName(SIGTERM) == std::string("SIGTERM"));
  BOOST_TEST(interruptSignalName(SIGINT) == std::string("SIGINT"));
  BOOST_TEST(interruptSignalName(SIGHUP) == std::string("a signal"));
}

BOOST_AUTO_TEST_SUITE_END()
