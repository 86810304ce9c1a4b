// Runs a set of jobs that wait for one another: each on its own thread once
// the jobs it waits for are done, at most `limit` at once, the first listed
// of the ready ones first. Knows nothing about jails; the service gives it
// the work and hears back on its own thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace rcjail {

enum class JobStatus { Succeeded, Failed, Skipped };

struct SchedulerOptions {
  size_t limit = 0;                    // at most this many at once; 0: no limit
  bool skipAfterFailure = true;        // a job whose prerequisite failed or was skipped is skipped
  std::chrono::milliseconds poll{50};  // how often `interrupted` is asked while jobs run
};

struct SchedulerCallbacks {
  // On the calling thread, just before job i starts; false fails it without running it.
  std::function<bool(size_t)> launch;
  // On job i's own thread: the work; true when it succeeded.
  std::function<bool(size_t)> work;
  // On the calling thread, once per job, in the order they end. `cause`: for
  // a skipped job, the prerequisite that failed (nullopt: interrupted).
  std::function<void(size_t, JobStatus, std::optional<size_t> cause)> finished;
  // On the calling thread, before each launch: true stops launching (the
  // jobs not yet started are skipped; running ones are waited for).
  std::function<bool()> interrupted;
};

// `after[i]`: the jobs i waits for. A job caught in a cycle is skipped.
void runJobs(const std::vector<std::vector<size_t>>& after, const SchedulerOptions& options,
             const SchedulerCallbacks& callbacks);

}  // namespace rcjail
