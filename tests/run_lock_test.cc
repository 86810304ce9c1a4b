// The run lock under a temporary root: who gets it, what a waiter sees, how
// long it waits, and that nothing is left in /var/run afterwards.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ostream>
#include <thread>

#include "run_lock.h"
#include "test_support.h"

using namespace rcjail;
using namespace std::chrono_literals;
using rcjail::testing::TempDir;

namespace rcjail {
std::ostream& boost_test_print_type(std::ostream& os, RunLockAttempt::Outcome outcome) {
  return os << static_cast<int>(outcome);
}
}  // namespace rcjail

namespace {

struct LockRoot {
  TempDir dir;
  FsRoot root{dir.path()};
  LockRoot() { dir.write("var/run/.keep", ""); }
  RunLockAttempt acquire(const std::string& holder, std::chrono::milliseconds timeout = 200ms,
                         std::function<bool()> interrupted = {}) const {
    RunLockOptions options;
    options.timeout = timeout;
    options.pollInterval = 10ms;
    options.holderDescription = holder;
    options.interrupted = std::move(interrupted);
    return RunLockAttempt::acquire(root, options);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(run_lock)

BOOST_AUTO_TEST_CASE(the_holder_is_written_into_the_file_and_the_file_goes_with_the_lock) {
  LockRoot r;
  {
    RunLockAttempt first = r.acquire("pid 10: /etc/rc faststart");
    BOOST_REQUIRE(first.outcome == RunLockAttempt::Outcome::Acquired);
    BOOST_TEST(first.lock->path() == r.dir.path() + "/var/run/rcjail.lock");
    BOOST_TEST(r.dir.read("var/run/rcjail.lock") == "pid 10: /etc/rc faststart\n");
  }
  BOOST_TEST(!r.dir.exists("var/run/rcjail.lock"));
}

BOOST_AUTO_TEST_CASE(a_second_run_waits_its_timeout_then_names_the_holder) {
  LockRoot r;
  RunLockAttempt first = r.acquire("pid 10: /etc/rc faststart");
  BOOST_REQUIRE(first.outcome == RunLockAttempt::Outcome::Acquired);
  auto begun = std::chrono::steady_clock::now();
  RunLockAttempt second = r.acquire("pid 11: service jail start x", 300ms);
  auto waited = std::chrono::steady_clock::now() - begun;
  BOOST_TEST(second.outcome == RunLockAttempt::Outcome::Busy);
  BOOST_TEST(!second.lock.has_value());
  BOOST_TEST(second.holder == "pid 10: /etc/rc faststart");
  BOOST_TEST((waited >= 300ms));
  BOOST_TEST(describeBusyLock(second, 60s) ==
             "/var/run/rcjail.lock is held by pid 10: /etc/rc faststart; gave up after 60 seconds (jail_lock_timeout).");
  // The holder's file is untouched by the waiter.
  BOOST_TEST(r.dir.read("var/run/rcjail.lock") == "pid 10: /etc/rc faststart\n");
}

BOOST_AUTO_TEST_CASE(a_waiter_gets_the_lock_when_the_holder_finishes) {
  LockRoot r;
  std::optional<RunLockAttempt> first = r.acquire("first");
  BOOST_REQUIRE(first->outcome == RunLockAttempt::Outcome::Acquired);
  std::thread release([&] {
    std::this_thread::sleep_for(100ms);
    first.reset();  // removes the file, then unlocks
  });
  RunLockAttempt second = r.acquire("second", 5000ms);
  release.join();
  BOOST_TEST(second.outcome == RunLockAttempt::Outcome::Acquired);
  // It holds a lock on the file the path names now, not on the removed one.
  BOOST_TEST(r.dir.read("var/run/rcjail.lock") == "second\n");
  BOOST_TEST(r.acquire("third", 50ms).outcome == RunLockAttempt::Outcome::Busy);
}

BOOST_AUTO_TEST_CASE(an_interrupt_ends_the_wait_at_once) {
  LockRoot r;
  RunLockAttempt first = r.acquire("first");
  auto begun = std::chrono::steady_clock::now();
  RunLockAttempt second = r.acquire("second", 60s, [] { return true; });
  BOOST_TEST(second.outcome == RunLockAttempt::Outcome::Busy);
  BOOST_TEST((std::chrono::steady_clock::now() - begun < 5s));
}

BOOST_AUTO_TEST_CASE(without_a_writable_var_run_the_run_goes_unlocked) {
  TempDir dir;
  RunLockOptions options;
  RunLockAttempt attempt = RunLockAttempt::acquire(FsRoot(dir.path()), options);
  BOOST_TEST(attempt.outcome == RunLockAttempt::Outcome::Unavailable);
  BOOST_TEST(attempt.reason == "No such file or directory");
}

BOOST_AUTO_TEST_CASE(an_empty_lock_file_gives_an_unnamed_holder) {
  LockRoot r;
  RunLockAttempt first = r.acquire("");
  BOOST_REQUIRE(first.outcome == RunLockAttempt::Outcome::Acquired);
  RunLockAttempt second = r.acquire("second", 20ms);
  BOOST_TEST(second.holder == "");
  BOOST_TEST(describeBusyLock(second, 5s) ==
             "/var/run/rcjail.lock is held by another rcjail (it did not say which); gave up after 5 seconds "
             "(jail_lock_timeout).");
}

BOOST_AUTO_TEST_CASE(jail_lock_timeout_values) {
  BOOST_TEST(lockTimeoutFrom("5").count() == 5000);
  BOOST_TEST(lockTimeoutFrom("0").count() == 0);
  BOOST_TEST(lockTimeoutFrom("").count() == 60000);
  BOOST_TEST(lockTimeoutFrom("ten").count() == 60000);
  BOOST_TEST(lockTimeoutFrom("-1").count() == 60000);
  BOOST_TEST(lockTimeoutFrom("99999999999").count() == 60000);
}

BOOST_AUTO_TEST_SUITE_END()
