// The event loop over the selected jails.
#include "jail_runner.h"

#include "child_events.h"

#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rcjail::compat {
namespace {

constexpr auto kIdleWait = std::chrono::seconds(1);

std::optional<std::string> readFstab(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = std::strerror(errno ? errno : ENOENT);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `"NAME"` for "already exists" / "not found", as jail_quoted_warnx words it.
std::string quotedName(const JailSpec& spec) {
  const std::string name = !spec.configName.empty() ? spec.configName : spec.lookupName();
  return "\"" + name + "\"";
}

}  // namespace

JailRunner::JailRunner(StepExecutor& executor, int parallelLimit) : executor_(executor), limit_(parallelLimit) {}

bool JailRunner::run(std::vector<JailTask>& tasks, const std::vector<DependencyEdge>& edges) {
  ChildSignalBlock block;
  childSignals_ = block.descriptor();
  tasks_ = &tasks;
  edges_ = &edges;
  ready_.clear();
  for (size_t i = 0; i < tasks.size(); ++i) ready_.push_back(i);
  for (;;) {
    while (!ready_.empty()) advance(takeNext());
    // A jail resumed for a freed slot may not have used it (its next step
    // was no command): the next one waiting gets it.
    if (!runnable_.empty() && slotFree()) {
      resumeOneRunnable();
      continue;
    }
    if (sleeping_.empty()) break;
    waitForEvents();
  }
  // Whatever still waits for a dependency waits for one that cannot come.
  for (size_t index : blocked_) {
    JailTask& task = tasks[index];
    if (task.finished) continue;
    if (!executor_.reporter().quiet()) executor_.reporter().warn(task.spec, "skipped");
    task.failed = task.finished = true;
  }
  blocked_.clear();
  return std::none_of(tasks.begin(), tasks.end(), [](const JailTask& t) { return t.failed; });
}

size_t JailRunner::takeNext() {
  // Removal goes from the last jail ready, creation from the first (state.c next_jail).
  for (auto it = ready_.rbegin(); it != ready_.rend(); ++it) {
    const JailTask& task = (*tasks_)[*it];
    if (!task.finished && task.currentPhase() == Phase::Remove) {
      const size_t index = *it;
      ready_.erase(std::next(it).base());
      return index;
    }
  }
  const size_t index = ready_.front();
  ready_.pop_front();
  return index;
}

void JailRunner::pushFirst(size_t index) {
  if ((*tasks_)[index].currentPhase() == Phase::Remove)
    ready_.push_back(index);
  else
    ready_.push_front(index);
}

void JailRunner::pushLast(size_t index) {
  if ((*tasks_)[index].currentPhase() == Phase::Remove)
    ready_.push_front(index);
  else
    ready_.push_back(index);
}

void JailRunner::releaseBlocked() {
  std::vector<size_t> waiting;
  waiting.swap(blocked_);
  for (size_t index : waiting) pushLast(index);
}

void JailRunner::resumeOneRunnable() {
  if (runnable_.empty()) return;
  const size_t index = runnable_.front();
  runnable_.pop_front();
  pushLast(index);
}

JailRunner::DependencyState JailRunner::dependencies(size_t index) const {
  const std::vector<JailTask>& tasks = *tasks_;
  const bool removing = tasks[index].currentPhase() == Phase::Remove;
  for (const DependencyEdge& edge : *edges_) {
    const size_t other = removing ? edge.dependant : edge.dependency;
    if ((removing ? edge.dependency : edge.dependant) != index) continue;
    const JailTask& task = tasks[other];
    if (task.failed) return DependencyState::Failed;
    const bool reached = removing ? (task.removePhaseDone || task.finished || (edge.light && task.jailRemoved))
                                  : (task.finished || (edge.light && task.jailCreated));
    if (!reached) return DependencyState::Waiting;
  }
  return DependencyState::Ready;
}

void JailRunner::fail(size_t index, const std::vector<std::string>& messages) {
  JailTask& task = (*tasks_)[index];
  for (const std::string& message : messages) executor_.reporter().warn(task.spec, message);
  task.failed = true;
  endPhase(index);
}

// Create: a jail already running is an error unless a wildcard or a
// dependency asked for it; otherwise the steps of a new jail.
bool JailRunner::beginCreate(size_t index) {
  JailTask& task = (*tasks_)[index];
  JailReporter& reporter = executor_.reporter();
  const JailSpec& spec = task.spec;
  if (task.running) {
    if (task.wildcard || task.pulledIn) {
      task.jailCreated = true;  // already there: nothing to do, nothing to report
      endPhase(index);
    } else {
      reporter.warn(quotedName(spec) + " already exists");
      task.failed = true;
      endPhase(index);
    }
    return false;
  }
  if (spec.fib && !reporter.quiet()) reporter.warn(spec, "exec.fib: Linux has no FIBs; ignored");
  if (!spec.zfsDatasets.empty() && !reporter.quiet())
    reporter.warn(spec, "zfs.dataset: not supported on Linux; ignored");
  task.steps = createSteps(spec, readFstab);
  task.doneSteps.clear();
  return true;
}

// Remove: the steps that take a running jail down; one that is not there
// is an error unless a wildcard or a dependency asked for it.
bool JailRunner::beginRemove(size_t index) {
  JailTask& task = (*tasks_)[index];
  JailReporter& reporter = executor_.reporter();
  if (!task.running) {
    if (!task.wildcard && !task.pulledIn) {
      if (!reporter.quiet()) reporter.warn(quotedName(task.spec) + " not found");
      task.failed = true;
    }
    endPhase(index);
    return false;
  }
  task.steps = removeSteps(task.spec, task.running->vnetInterfaces);
  return true;
}

// Modify happens at once, without steps; a change the running jail cannot
// take turns the task into a restart (remove, then create).
bool JailRunner::beginModify(size_t index) {
  JailTask& task = (*tasks_)[index];
  const JailSpec& spec = task.spec;
  if (!task.running) {
    if (!task.pulledIn) {
      executor_.reporter().warn(spec.lookupName().empty() ? "no jail specified" : quotedName(spec) + " not found");
      task.failed = true;
    }
    endPhase(index);
    return false;
  }
  switch (executor_.modify(task)) {
    case ModifyOutcome::Updated:
      break;
    case ModifyOutcome::Failed:
      task.failed = true;
      break;
    case ModifyOutcome::NeedsRestart:
      task.phases = {Phase::Remove, Phase::Create};
      task.phase = 0;
      task.phaseStarted = false;
      pushFirst(index);
      return false;
  }
  endPhase(index);
  return false;
}

bool JailRunner::beginPhase(size_t index) {
  JailTask& task = (*tasks_)[index];
  const JailSpec& spec = task.spec;
  if (!spec.loadErrors.empty()) {  // printed when the configuration was read
    fail(index, {});
    return false;
  }
  if (!task.running && !spec.lookupName().empty())
    if (std::optional<JailRecord> found = executor_.registry().find(spec.lookupName())) {
      task.running = found;
      task.jid = found->jid;
    }
  Phase& phase = task.phases[task.phase];
  if (phase == Phase::CreateOrModify) phase = task.running ? Phase::Modify : Phase::Create;

  if (phase != Phase::Remove && !spec.errors.empty()) {
    fail(index, spec.errors);
    return false;
  }
  const bool ready = phase == Phase::Create   ? beginCreate(index)
                     : phase == Phase::Remove ? beginRemove(index)
                                              : beginModify(index);
  if (!ready) return false;
  task.nextStep = 0;
  task.rollingBack = false;
  return true;
}

void JailRunner::advance(size_t index) {
  JailTask& task = (*tasks_)[index];
  if (task.finished) return;
  if (!task.phaseStarted) {
    const DependencyState state = dependencies(index);
    if (state == DependencyState::Waiting) {
      blocked_.push_back(index);
      return;
    }
    task.phaseStarted = true;
    if (state == DependencyState::Failed) {
      if (!executor_.reporter().quiet()) executor_.reporter().warn(task.spec, "skipped");
      task.failed = true;
      endPhase(index);
      return;
    }
    if (!beginPhase(index)) return;
  }
  while (task.nextStep < task.steps.size()) {
    const Step step = task.steps[task.nextStep];
    StepOutcome outcome;
    try {
      outcome = executor_.run(task, step, slotFree());
    } catch (const std::exception& error) {
      executor_.reporter().warn(task.spec, error.what());
      outcome = StepOutcome::Failed;
    }
    if (outcome == StepOutcome::NeedSlot) {
      runnable_.push_back(index);
      return;
    }
    if (outcome == StepOutcome::Waiting) {
      if (task.command) ++runningCommands_;
      sleeping_.push_back(index);
      return;
    }
    finishStep(index, outcome == StepOutcome::Done);
  }
  endPhase(index);
}

void JailRunner::finishStep(size_t index, bool ok) {
  JailTask& task = (*tasks_)[index];
  const Step& step = task.steps[task.nextStep];
  if (ok) {
    if (task.currentPhase() == Phase::Create && !task.rollingBack) task.doneSteps.push_back(step);
    // A light dependant waits only for this jail's creation or removal.
    if (step.kind == StepKind::Create || step.kind == StepKind::Remove) releaseBlocked();
    ++task.nextStep;
    return;
  }
  task.failed = true;
  if (task.rollingBack) {
    ++task.nextStep;
    return;
  }
  if (task.currentPhase() == Phase::Create) {
    // Undo what was done, newest first (jail.c walks startcommands backwards).
    std::vector<Step> undo;
    for (auto it = task.doneSteps.rbegin(); it != task.doneSteps.rend(); ++it)
      if (std::optional<Step> u = undoStep(*it)) undo.push_back(*u);
    task.steps = std::move(undo);
    task.nextStep = 0;
    task.rollingBack = true;
    task.doneSteps.clear();
    return;
  }
  // Removing: before the jail is gone a failure leaves it running and stops
  // here; afterwards the remaining clean-up still runs.
  task.nextStep = task.jailRemoved ? task.nextStep + 1 : task.steps.size();
}

void JailRunner::endPhase(size_t index) {
  JailTask& task = (*tasks_)[index];
  if (task.currentPhase() == Phase::Remove) task.removePhaseDone = true;
  if (!task.failed && task.phase + 1 < task.phases.size()) {
    ++task.phase;
    task.phaseStarted = false;
    task.steps.clear();
    task.nextStep = 0;
    task.rollingBack = false;
    task.jailCreated = false;
    pushFirst(index);
  } else {
    task.finished = true;
  }
  releaseBlocked();
}

void JailRunner::waitForEvents() {
  std::vector<JailTask>& tasks = *tasks_;
  Clock::time_point until = Clock::now() + kIdleWait;
  // A jail's init ends as soon as the processes it was told to stop are
  // gone: its pidfd turns readable then, and stop.timeout bounds the wait.
  std::vector<int> stopping;
  for (size_t index : sleeping_) {
    const JailTask& task = tasks[index];
    if (task.command && task.command->deadline) until = std::min(until, *task.command->deadline);
    if (task.terminateDeadline) {
      until = std::min(until, *task.terminateDeadline);
      if (task.init) stopping.push_back(task.init->descriptor());
    }
  }
  waitForChildOrInit(childSignals_, stopping, std::max(Clock::duration::zero(), until - Clock::now()));

  auto wake = [&](size_t index) {
    sleeping_.erase(std::find(sleeping_.begin(), sleeping_.end(), index));
    pushFirst(index);
  };
  int status = 0;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    for (size_t index : sleeping_) {
      JailTask& task = tasks[index];
      if (!task.command || task.command->pid != pid) continue;
      --runningCommands_;
      const bool ok = executor_.commandEnded(task, status);
      resumeOneRunnable();
      finishStep(index, ok);
      wake(index);
      break;
    }
  }
  const Clock::time_point now = Clock::now();
  for (size_t index : std::vector<size_t>(sleeping_)) {
    JailTask& task = tasks[index];
    if (task.command && task.command->deadline && now >= *task.command->deadline) {
      // jail(8) stops waiting but does not kill the command.
      --runningCommands_;
      executor_.commandTimedOut(task);
      resumeOneRunnable();
      finishStep(index, false);
      wake(index);
    } else if (task.terminateDeadline && executor_.terminateFinished(task)) {
      task.terminateDeadline.reset();
      finishStep(index, true);
      wake(index);
    }
  }
}

}  // namespace rcjail::compat
