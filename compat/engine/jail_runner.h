// jail(8)'s main loop: every selected jail moves through its steps
// concurrently with the others, as the single-process event loop of
// FreeBSD's jail(8) does. A jail waits for its dependencies, `-p N` bounds the
// commands running at once, and the jail whose command just ended goes on
// first, so that -p1 runs one jail's sequence after the other.
#pragma once

#include <deque>
#include <vector>

#include "jail_dependencies.h"
#include "jail_step_executor.h"
#include "jail_task.h"

namespace rcjail::compat {

class JailRunner {
 public:
  JailRunner(StepExecutor& executor, int parallelLimit);

  // Runs every task to its end; true when none failed.
  bool run(std::vector<JailTask>& tasks, const std::vector<DependencyEdge>& edges);

 private:
  enum class DependencyState { Ready, Waiting, Failed };

  void advance(size_t index);
  bool beginPhase(size_t index);
  bool beginCreate(size_t index);
  bool beginRemove(size_t index);
  bool beginModify(size_t index);
  void finishStep(size_t index, bool ok);
  void endPhase(size_t index);
  void fail(size_t index, const std::vector<std::string>& messages);
  DependencyState dependencies(size_t index) const;
  void waitForEvents();
  void resumeOneRunnable();
  void releaseBlocked();

  size_t takeNext();
  void pushFirst(size_t index);  // goes on next (a command of it just ended)
  void pushLast(size_t index);
  bool slotFree() const { return limit_ < 0 || runningCommands_ < limit_; }

  StepExecutor& executor_;
  int limit_;

  std::vector<JailTask>* tasks_ = nullptr;
  const std::vector<DependencyEdge>* edges_ = nullptr;
  std::deque<size_t> ready_;
  std::deque<size_t> runnable_;  // waiting for a -p slot
  std::vector<size_t> blocked_;  // waiting for dependencies
  std::vector<size_t> sleeping_; // waiting for a command or stop.timeout
  int runningCommands_ = 0;
  int childSignals_ = -1;  // signalfd of SIGCHLD while run() runs
};

}  // namespace rcjail::compat
