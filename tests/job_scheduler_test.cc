// The job scheduler: dependencies, the limit, failures, interruption.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "job_scheduler.h"

using namespace rcjail;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

struct Recorder {
  std::mutex mutex;
  std::vector<Clock::time_point> begin, end;
  std::vector<std::pair<size_t, JobStatus>> finished;
  std::vector<std::optional<size_t>> causes;
  std::atomic<int> running{0}, most{0};

  explicit Recorder(size_t n) : begin(n), end(n), causes(n) {}
  SchedulerCallbacks callbacks(std::chrono::milliseconds each, std::vector<size_t> failing = {}) {
    SchedulerCallbacks c;
    c.work = [this, each, failing](size_t i) {
      int now = ++running;
      for (int m = most; now > m && !most.compare_exchange_weak(m, now);) {
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        begin[i] = Clock::now();
      }
      std::this_thread::sleep_for(each);
      {
        std::lock_guard<std::mutex> lock(mutex);
        end[i] = Clock::now();
      }
      --running;
      return std::find(failing.begin(), failing.end(), i) == failing.end();
    };
    c.finished = [this](size_t i, JobStatus s, std::optional<size_t> cause) {
      finished.emplace_back(i, s);
      causes[i] = cause;
    };
    return c;
  }
  JobStatus status(size_t i) const {
    for (auto& [j, s] : finished)
      if (j == i) return s;
    BOOST_FAIL("job never finished");
    return JobStatus::Skipped;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(job_scheduler)

BOOST_AUTO_TEST_CASE(diamond_runs_in_waves) {
  // 0 <- 1, 2 <- 3
  std::vector<std::vector<size_t>> after{{}, {0}, {0}, {1, 2}};
  Recorder r(4);
  runJobs(after, {}, r.callbacks(200ms));
  BOOST_TEST(r.finished.size() == 4u);
  BOOST_TEST((r.begin[1] >= r.end[0]));
  BOOST_TEST((r.begin[2] >= r.end[0]));
  BOOST_TEST((r.begin[3] >= r.end[1]));
  BOOST_TEST((r.begin[3] >= r.end[2]));
  BOOST_TEST(r.most.load() == 2);  // 1 and 2 together
}

BOOST_AUTO_TEST_CASE(limit_is_respected_in_list_order) {
  std::vector<std::vector<size_t>> after(5);
  Recorder r(5);
  SchedulerOptions o;
  o.limit = 2;
  runJobs(after, o, r.callbacks(80ms));
  BOOST_TEST(r.most.load() == 2);
  BOOST_TEST((r.begin[2] >= std::min(r.end[0], r.end[1])));
  BOOST_TEST((r.begin[4] >= r.end[0]));
}

BOOST_AUTO_TEST_CASE(one_at_a_time_in_order) {
  std::vector<std::vector<size_t>> after{{}, {}, {}};
  Recorder r(3);
  SchedulerOptions o;
  o.limit = 1;
  runJobs(after, o, r.callbacks(10ms));
  BOOST_TEST(r.most.load() == 1);
  BOOST_TEST(r.finished[0].first == 0u);
  BOOST_TEST(r.finished[1].first == 1u);
  BOOST_TEST(r.finished[2].first == 2u);
}

BOOST_AUTO_TEST_CASE(a_failure_skips_its_dependents_and_the_rest_goes_on) {
  std::vector<std::vector<size_t>> after{{}, {0}, {1}, {}};
  Recorder r(4);
  runJobs(after, {}, r.callbacks(10ms, {0}));
  BOOST_TEST((r.status(0) == JobStatus::Failed));
  BOOST_TEST((r.status(1) == JobStatus::Skipped));
  BOOST_TEST((r.status(2) == JobStatus::Skipped));
  BOOST_TEST((r.status(3) == JobStatus::Succeeded));
  BOOST_TEST(*r.causes[1] == 0u);
  BOOST_TEST(*r.causes[2] == 1u);
}

BOOST_AUTO_TEST_CASE(without_skipping_a_failure_only_orders) {
  std::vector<std::vector<size_t>> after{{}, {0}};
  Recorder r(2);
  SchedulerOptions o;
  o.skipAfterFailure = false;
  runJobs(after, o, r.callbacks(10ms, {0}));
  BOOST_TEST((r.status(1) == JobStatus::Succeeded));
  BOOST_TEST((r.begin[1] >= r.end[0]));
}

BOOST_AUTO_TEST_CASE(a_refused_launch_fails_without_work) {
  std::vector<std::vector<size_t>> after{{}, {0}};
  Recorder r(2);
  SchedulerCallbacks c = r.callbacks(1ms);
  c.launch = [](size_t i) { return i != 0; };
  runJobs(after, {}, c);
  BOOST_TEST((r.status(0) == JobStatus::Failed));
  BOOST_TEST((r.status(1) == JobStatus::Skipped));
  BOOST_TEST(r.most.load() == 0);
}

BOOST_AUTO_TEST_CASE(interruption_skips_what_has_not_started) {
  std::vector<std::vector<size_t>> after{{}, {0}, {}};
  Recorder r(3);
  SchedulerOptions o;
  o.limit = 1;
  SchedulerCallbacks c = r.callbacks(100ms);
  std::atomic<int> asked{0};
  c.interrupted = [&] { return ++asked > 1; };  // the first launch goes, then a signal
  runJobs(after, o, c);
  BOOST_TEST((r.status(0) == JobStatus::Succeeded));
  BOOST_TEST((r.status(1) == JobStatus::Skipped));
  BOOST_TEST((r.status(2) == JobStatus::Skipped));
  BOOST_TEST(!r.causes[2].has_value());
}

BOOST_AUTO_TEST_CASE(jobs_caught_in_a_cycle_are_skipped) {
  std::vector<std::vector<size_t>> after{{1}, {0}, {}};
  Recorder r(3);
  runJobs(after, {}, r.callbacks(1ms));
  BOOST_TEST((r.status(0) == JobStatus::Skipped));
  BOOST_TEST((r.status(1) == JobStatus::Skipped));
  BOOST_TEST((r.status(2) == JobStatus::Succeeded));
}

BOOST_AUTO_TEST_SUITE_END()
