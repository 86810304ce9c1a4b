// One thread per running job; the calling thread alone launches, skips and
// reports, woken by a condition variable when a job ends.
#include "job_scheduler.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace rcjail {

void runJobs(const std::vector<std::vector<size_t>>& after, const SchedulerOptions& options,
             const SchedulerCallbacks& callbacks) {
  enum class State { Waiting, Running, Done };
  const size_t n = after.size();
  std::vector<State> state(n, State::Waiting);
  std::vector<JobStatus> status(n, JobStatus::Skipped);
  std::vector<std::thread> threads(n);
  std::mutex mutex;
  std::condition_variable ended;
  std::vector<std::pair<size_t, bool>> endings;  // filled by the job threads
  size_t running = 0, done = 0;
  bool stopLaunching = false;

  auto finish = [&](size_t i, JobStatus s, std::optional<size_t> cause) {
    state[i] = State::Done;
    status[i] = s;
    ++done;
    if (callbacks.finished) callbacks.finished(i, s, cause);
  };

  while (done < n) {
    bool progress = true;
    while (progress) {  // skip and launch until nothing more can change now
      progress = false;
      for (size_t i = 0; i < n; ++i) {
        if (state[i] != State::Waiting) continue;
        if (stopLaunching) {
          finish(i, JobStatus::Skipped, std::nullopt);
          progress = true;
          continue;
        }
        std::optional<size_t> failedBefore;
        bool ready = true;
        for (size_t p : after[i]) {
          if (p >= n || p == i) continue;
          if (state[p] != State::Done) ready = false;
          else if (status[p] != JobStatus::Succeeded && !failedBefore) failedBefore = p;
        }
        if (failedBefore && options.skipAfterFailure) {
          finish(i, JobStatus::Skipped, failedBefore);
          progress = true;
          continue;
        }
        if (!ready || (options.limit > 0 && running >= options.limit)) continue;
        if (callbacks.interrupted && callbacks.interrupted()) {
          stopLaunching = true;
          progress = true;
          break;
        }
        if (callbacks.launch && !callbacks.launch(i)) {
          finish(i, JobStatus::Failed, std::nullopt);
          progress = true;
          continue;
        }
        state[i] = State::Running;
        ++running;
        threads[i] = std::thread([&, i] {
          bool ok = false;
          try {
            ok = callbacks.work ? callbacks.work(i) : true;
          } catch (...) {
            ok = false;
          }
          std::lock_guard<std::mutex> lock(mutex);
          endings.emplace_back(i, ok);
          ended.notify_one();
        });
        progress = true;
      }
    }
    if (done == n) break;
    if (running == 0) {
      // Nothing runs and nothing can start: what waits is caught in a cycle.
      for (size_t i = 0; i < n; ++i)
        if (state[i] == State::Waiting) finish(i, JobStatus::Skipped, std::nullopt);
      break;
    }
    std::vector<std::pair<size_t, bool>> now;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ended.wait_for(lock, options.poll, [&] { return !endings.empty(); });
      now.swap(endings);
    }
    for (auto [i, ok] : now) {
      threads[i].join();
      --running;
      finish(i, ok ? JobStatus::Succeeded : JobStatus::Failed, std::nullopt);
    }
    if (now.empty() && !stopLaunching && callbacks.interrupted && callbacks.interrupted()) stopLaunching = true;
  }
  for (std::thread& t : threads)
    if (t.joinable()) t.join();
}

}  // namespace rcjail
