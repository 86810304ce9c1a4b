// One thread per running job; the calling thread alone launches, skips and
// reports, woken by a condition variable when a job ends.
#include "job_scheduler.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace rcjail {

namespace {

// The state of one runJobs call; every member but `endings` is touched by
// the calling thread only.
class JobRun {
 public:
  JobRun(const std::vector<std::vector<size_t>>& after, const SchedulerOptions& options,
         const SchedulerCallbacks& callbacks)
      : after_(after), options_(options), callbacks_(callbacks), n_(after.size()),
        state_(n_, State::Waiting), status_(n_, JobStatus::Skipped), threads_(n_) {}

  void run() {
    while (done_ < n_) {
      while (launchReady()) {
      }
      if (done_ == n_) break;
      if (running_ == 0) {
        // Nothing runs and nothing can start: what waits is caught in a cycle.
        for (size_t i = 0; i < n_; ++i)
          if (state_[i] == State::Waiting) finish(i, JobStatus::Skipped, std::nullopt);
        break;
      }
      bool anyEnded = collectEndings();
      if (!anyEnded && !stopLaunching_ && callbacks_.interrupted && callbacks_.interrupted()) stopLaunching_ = true;
    }
    for (std::thread& t : threads_)
      if (t.joinable()) t.join();
  }

 private:
  enum class State { Waiting, Running, Done };
  enum class Step { Unchanged, Changed, Stop };

  void finish(size_t i, JobStatus s, std::optional<size_t> cause) {
    state_[i] = State::Done;
    status_[i] = s;
    ++done_;
    if (callbacks_.finished) callbacks_.finished(i, s, cause);
  }

  // One pass over the waiting jobs, skipping and launching what can be;
  // true when anything changed (another pass may then do more).
  bool launchReady() {
    bool progress = false;
    for (size_t i = 0; i < n_; ++i) {
      if (state_[i] != State::Waiting) continue;
      Step step = decide(i);
      if (step == Step::Stop) return true;
      if (step == Step::Changed) progress = true;
    }
    return progress;
  }

  Step decide(size_t i) {
    if (stopLaunching_) {
      finish(i, JobStatus::Skipped, std::nullopt);
      return Step::Changed;
    }
    std::optional<size_t> failedBefore;
    bool ready = true;
    for (size_t p : after_[i]) {
      if (p >= n_ || p == i) continue;
      if (state_[p] != State::Done) ready = false;
      else if (status_[p] != JobStatus::Succeeded && !failedBefore) failedBefore = p;
    }
    if (failedBefore && options_.skipAfterFailure) {
      finish(i, JobStatus::Skipped, failedBefore);
      return Step::Changed;
    }
    if (!ready || (options_.limit > 0 && running_ >= options_.limit)) return Step::Unchanged;
    if (callbacks_.interrupted && callbacks_.interrupted()) {
      stopLaunching_ = true;
      return Step::Stop;
    }
    if (callbacks_.launch && !callbacks_.launch(i)) {
      finish(i, JobStatus::Failed, std::nullopt);
      return Step::Changed;
    }
    start(i);
    return Step::Changed;
  }

  void start(size_t i) {
    state_[i] = State::Running;
    ++running_;
    threads_[i] = std::thread([this, i] {
      bool ok = false;
      try {
        ok = callbacks_.work ? callbacks_.work(i) : true;
      } catch (...) {
        ok = false;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      endings_.emplace_back(i, ok);
      ended_.notify_one();
    });
  }

  // Waits up to one poll interval for jobs to end and reports those that
  // did; false when none ended.
  bool collectEndings() {
    std::vector<std::pair<size_t, bool>> now;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ended_.wait_for(lock, options_.poll, [&] { return !endings_.empty(); });
      now.swap(endings_);
    }
    for (auto [i, ok] : now) {
      threads_[i].join();
      --running_;
      finish(i, ok ? JobStatus::Succeeded : JobStatus::Failed, std::nullopt);
    }
    return !now.empty();
  }

  const std::vector<std::vector<size_t>>& after_;
  const SchedulerOptions& options_;
  const SchedulerCallbacks& callbacks_;
  const size_t n_;
  std::vector<State> state_;
  std::vector<JobStatus> status_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable ended_;
  std::vector<std::pair<size_t, bool>> endings_;  // filled by the job threads
  size_t running_ = 0, done_ = 0;
  bool stopLaunching_ = false;
};

}  // namespace

void runJobs(const std::vector<std::vector<size_t>>& after, const SchedulerOptions& options,
             const SchedulerCallbacks& callbacks) {
  JobRun(after, options, callbacks).run();
}

}  // namespace rcjail
