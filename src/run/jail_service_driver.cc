// start and stop when one of rcjail's ordering knobs is set: plan first
// (a jail with a configuration problem is not run, and nothing is when a
// problem concerns the whole run), then run the plan through the
// job scheduler, one thread per jail in flight. The threads only run
// processes and probes; the console, the /var/run files and the outcome
// sink are touched by the calling thread alone, in a stable order.
#include <algorithm>
#include <map>
#include <sstream>

#include "atomic_file.h"
#include "jail_service.h"
#include "job_scheduler.h"
#include "readiness.h"
#include "running_jail.h"
#include "shutdown_budget.h"
#include "text_fields.h"

namespace rcjail {

namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string seconds(const TimeLimit& t) { return std::to_string(t.value.count()) + " s"; }

std::string withNewline(const std::string& text) {
  return text.empty() || text.back() == '\n' ? text : text + "\n";
}

// The file jail(8) is handed for the jail (its -f argument).
std::string configFileOf(const PlannedJail& j) {
  if (j.config) return j.config->path;
  auto file = std::find(j.command.begin(), j.command.end(), "-f");
  return file != j.command.end() && file + 1 != j.command.end() ? *(file + 1) : "";
}

}  // namespace

struct JailService::JailRun {
  JailResult result = JailResult::Ok;
  RunResult process;            // jail(8)'s
  std::string jid;              // `jls -j NAME jid` after a start
  bool alreadyRunning = false;  // a dependency pulled in that was up already
  bool adopted = false;         // up already: started by an earlier run
  bool notRunning = false;      // stop: nothing to stop
  bool notReady = false;        // started, but its readiness check timed out
  bool leftRunning = false;     // after a deadline, the jail could not be removed
  bool removed = false;         // after a deadline, jail -R took the jail down
  std::chrono::milliseconds duration{0};
};

bool JailService::jailExists(const std::string& name) const {
  RunRequest r{concat(splitFields(env_.vars.get("jail_jls")), {"-j", name})};
  r.output = OutputMode::Discard;
  return env_.system.run(r).status == 0;
}

JailService::JailRun JailService::startJail(const PlannedJail& j, const std::atomic<bool>& stopping) const {
  const auto started = Clock::now();
  JailRun r;
  if (j.pulledIn && jailExists(j.name)) {
    r.alreadyRunning = true;
  } else {
    RunRequest request{j.command};
    if (j.deadline) request.deadline = started + j.deadline->value;
    r.process = env_.system.run(request);
    if (r.process.timedOut) {
      r.result = JailResult::TimedOut;
      if (jailExists(j.name)) {  // it came up half-way
        RunRequest remove{j.removeCommand};
        remove.deadline = Clock::now() + kForceRemoveTimeout;
        env_.system.run(remove);
        r.removed = !jailExists(j.name);
        r.leftRunning = !r.removed;
      }
    } else if (!r.process.ok()) {
      r.result = JailResult::Failed;
      const std::string path =
          configuredPath(env_.root, j.name, configFileOf(j), j.config ? &j.config->text : nullptr);
      if (!startedBefore(j.name, path).empty()) {
        r.result = JailResult::Ok;
        r.alreadyRunning = r.adopted = true;
      }
    }
  }
  if (r.result == JailResult::Ok) {
    r.jid = env_.system.run(jidLookup(j.name)).output;
    if (j.ready && !waitUntilReady(*j.ready, env_.system, splitFields(env_.vars.get("jail_jexec")), j.name,
                                   Clock::now() + j.ready->timeout, std::chrono::milliseconds(100),
                                   [&stopping] { return stopping.load(); })) {
      r.result = JailResult::TimedOut;
      r.notReady = true;
    }
  }
  r.duration = since(started);
  return r;
}

JailService::JailRun JailService::stopJail(const PlannedJail& j) const {
  const auto started = Clock::now();
  JailRun r;
  if (!jailExists(j.name)) {
    r.notRunning = true;
    return r;
  }
  RunRequest request{j.command};
  if (j.deadline) request.deadline = started + j.deadline->value;
  r.process = env_.system.run(request);
  if (r.process.timedOut) {
    r.result = JailResult::TimedOut;
    RunRequest remove{j.removeCommand};
    remove.deadline = Clock::now() + kForceRemoveTimeout;
    env_.system.run(remove);
  }
  if (jailExists(j.name)) {
    r.leftRunning = true;
    if (r.result == JailResult::Ok) r.result = JailResult::Failed;
  } else {
    r.removed = r.result == JailResult::TimedOut;
  }
  r.duration = since(started);
  return r;
}

void JailService::showStart(const PlannedJail& j, const JailRun& r, bool lines) {
  Console& out = env_.console;
  const std::string& name = j.displayName;
  if (r.result == JailResult::Ok) {
    if (lines) out.startmsg(" " + name + (r.alreadyRunning ? ": already running\n" : "\n"));
    else if (!r.alreadyRunning) out.startmsg(" " + name);
    else if (r.adopted) out.startmsg(" " + name + " (already running)");
  } else if (r.result == JailResult::Failed) {
    out.startmsg(lines ? " " + name + ": cannot start:\n" : " cannot start jail  \"" + name + "\": \n");
    out.print(lines ? withNewline(r.process.output) : r.process.output);
  } else if (r.notReady) {
    if (lines) out.startmsg(" " + name + ": not ready after " + seconds(*j.readyTimeout) + "\n");
  } else if (lines) {
    out.startmsg(" " + name + ": timed out after " + seconds(*j.deadline) + "\n");
  }
}

void JailService::showStop(const PlannedJail& j, const JailRun& r, bool lines) {
  Console& out = env_.console;
  if (r.notRunning) return;
  const std::string& name = j.displayName;
  if (!lines) {
    out.print(" " + name);
    if (r.leftRunning) {
      if (quirks_ == Quirks::Fixed) out.print("\n");
      out.print(r.process.output);
    }
    return;
  }
  if (r.result == JailResult::Ok) out.print(" " + name + "\n");
  else if (r.result == JailResult::Failed) out.print(" " + name + ": cannot stop:\n" + withNewline(r.process.output));
  else out.print(" " + name + ": timed out after " + seconds(*j.deadline) + (r.removed ? ", removed with jail -R\n" : ", still running\n"));
}

// Prints the plan's problems. True when the run can go on: every problem
// names the jails it concerns, which are then left out (see runPlan).
bool JailService::reportProblems(const JailPlan& plan, const char* verbPast) {
  if (plan.problems.empty()) return true;
  Console& out = env_.console;
  bool wholeRun = false;
  for (const PlanProblem& p : plan.problems) {
    out.error(p.describe());
    wholeRun = wholeRun || p.jails.empty();
  }
  failed_ = true;
  if (wholeRun) out.error(std::string("no jail ") + verbPast + ": the configuration above has problems.");
  return !wholeRun;
}

// The jails of one runPlan while the scheduler runs them: which were shown,
// what each run found, and the scheduler's callbacks over them.
class JailService::PlanRun {
 public:
  PlanRun(JailService& service, const JailPlan& plan, bool start, std::vector<std::string> problemOf)
      : service_(service), out_(service.env_.console), plan_(plan), start_(start), verb_(start ? "start" : "stop"),
        problemOf_(std::move(problemOf)), shown_(plan.jails.size(), Shown::Pending), runs_(plan.jails.size()),
        causes_(plan.jails.size()) {}

  SchedulerCallbacks callbacks() {
    SchedulerCallbacks callbacks;
    callbacks.launch = [this](size_t i) { return launch(i); };
    callbacks.work = [this](size_t i) {
      runs_[i] = start_ ? service_.startJail(plan_.jails[i], stopping_) : service_.stopJail(plan_.jails[i]);
      return runs_[i].result == JailResult::Ok;
    };
    callbacks.interrupted = [this] {
      if (service_.interrupted()) stopping_ = true;
      return stopping_.load();
    };
    callbacks.finished = [this](size_t i, JobStatus status, std::optional<size_t> cause) {
      finished(i, status, cause);
    };
    return callbacks;
  }

  // One line (or stock word) per jail, in plan order, as soon as every
  // jail before it is done.
  void flushLines() {
    for (; printed_ < shown_.size() && shown_[printed_] != Shown::Pending; ++printed_) {
      const PlannedJail& j = plan_.jails[printed_];
      if (shown_[printed_] == Shown::Run) {
        if (start_) service_.showStart(j, runs_[printed_], plan_.parallel);
        else service_.showStop(j, runs_[printed_], plan_.parallel);
      } else if (shown_[printed_] == Shown::Skipped && plan_.parallel) {
        std::optional<size_t> c = causes_[printed_];
        std::string line = " " + j.displayName + ": skipped, " +
                           (c ? "needs " + plan_.jails[*c].name : std::string("interrupted")) + "\n";
        if (start_) out_.startmsg(line);
        else out_.print(line);
      }
    }
    out_.flush();
  }

 private:
  enum class Shown { Pending, Run, Skipped, Silent };

  // Before a jail's thread: its plan problem, its messages, its generated
  // jail.conf. False when it does not run.
  bool launch(size_t i) {
    const PlannedJail& j = plan_.jails[i];
    if (!problemOf_[i].empty()) {
      shown_[i] = Shown::Silent;  // its problem was reported before the run
      service_.report(j.name, verb_, JailResult::Failed, problemOf_[i] + "\n");
      return false;
    }
    out_.emit(j.messages);
    if (!j.skipReason.empty()) {
      shown_[i] = Shown::Silent;  // parse_options failed: stock warns and goes on
      return false;
    }
    service_.obsoleteWarning_ = service_.quirks_ == Quirks::Stock
                                    ? j.obsoleteWarning
                                    : (service_.obsoleteWarning_ || j.obsoleteWarning);
    if (j.config) {
      std::string error = writeFileAtomically(service_.env_.root.map(j.config->path), j.config->text, 0644,
                                              FileOwner{0, 0}, false);
      if (!error.empty()) {
        out_.warn("cannot write " + j.config->path + ": " + error + ".  Jail " + j.name + " was ignored.");
        shown_[i] = Shown::Silent;
        service_.failed_ = true;
        service_.report(j.name, verb_, JailResult::Failed, "");
        return false;
      }
    }
    out_.flush();
    return true;
  }

  void finished(size_t i, JobStatus status, std::optional<size_t> cause) {
    const PlannedJail& j = plan_.jails[i];
    if (status == JobStatus::Skipped) {
      shown_[i] = Shown::Skipped;
      causes_[i] = cause;
      service_.report(j.name, verb_, JailResult::Skipped, "");
      if (start_) service_.failed_ = true;
      out_.warn("jail " + j.name + " not " + (start_ ? "started" : "stopped") + ": " +
                (cause ? "it depends on " + plan_.jails[*cause].name + ", which did not start"
                       : std::string("interrupted")));
    } else if (shown_[i] == Shown::Pending) {
      shown_[i] = Shown::Run;
      // stock: a jail that is not running is passed over in silence; its
      // id file, left by a run that was killed, goes
      if (!runs_[i].notRunning) recordRun(j, runs_[i]);
      else if (service_.quirks_ == Quirks::Fixed) service_.removeJidFile(j.name);
    }
    flushLines();
  }

  // The history, the jid file and the warnings of a jail that ran.
  void recordRun(const PlannedJail& j, const JailRun& r) {
    service_.report(j.name, verb_, r.result, r.process.output, r.duration);
    if (r.result != JailResult::Ok) service_.failed_ = true;
    if (start_ && (r.result == JailResult::Ok || r.notReady)) service_.writeJidFile(j.name, r.jid);
    if (!start_ && !r.leftRunning) service_.removeJidFile(j.name);
    if (r.notReady)
      out_.warn("jail " + j.name + ": not ready after " + seconds(*j.readyTimeout) + " (" + j.ready->spec +
                "); the jails that depend on it are not started");
    else if (r.result == JailResult::TimedOut)
      out_.warn("jail " + j.name + ": " + verb_ + " timed out after " + seconds(*j.deadline) + " (" +
                j.deadline->variable + "); jail(8) was killed" +
                (r.removed ? std::string(start_ ? " and the half-started jail removed"
                                                : " and the jail removed with jail -R")
                           : r.leftRunning ? std::string(", and the jail could not be removed") : std::string()));
  }

  JailService& service_;
  Console& out_;
  const JailPlan& plan_;
  const bool start_;
  const char* verb_;
  const std::vector<std::string> problemOf_;  // the plan problem of each jail ("" when none)
  std::vector<Shown> shown_;
  std::vector<JailRun> runs_;
  std::vector<std::optional<size_t>> causes_;  // why a skipped jail was skipped
  size_t printed_ = 0;
  std::atomic<bool> stopping_{false};
};

void JailService::runPlan(const JailPlan& plan, bool start) {
  const size_t n = plan.jails.size();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < n; ++i) index[plan.jails[i].name] = i;
  // The jails a problem names fail at once, without waiting for anything
  // (that also breaks their cycles), and what needs them is skipped.
  std::vector<std::string> problemOf(n);
  for (const PlanProblem& p : plan.problems)
    for (const std::string& name : p.jails)
      if (auto it = index.find(name); it != index.end() && problemOf[it->second].empty())
        problemOf[it->second] = p.message;
  std::vector<std::vector<size_t>> after(n);
  for (size_t i = 0; i < n; ++i)
    if (problemOf[i].empty())
      for (const std::string& a : plan.jails[i].after) after[i].push_back(index.at(a));

  PlanRun run(*this, plan, start, std::move(problemOf));
  SchedulerOptions options;
  options.limit = plan.parallel ? static_cast<size_t>(plan.limit.value_or(0)) : 1;
  options.skipAfterFailure = start;
  env_.console.flush();
  runJobs(after, options, run.callbacks());
  run.flushLines();
}

int JailService::driveStart(const std::vector<std::string>& names) {
  Console& out = env_.console;
  PlanEnvironment penv{settingsEnvironment(), {}};
  StartPlan plan = planStart(env_.vars, names, penv);
  out.emit(plan.messages);
  if (!reportProblems(plan, "started")) return 1;
  for (const std::string& problem :
       shutdownBudgetProblems(planShutdownStop(env_.vars, plan, penv), rcshutdownTimeout(env_.vars)))
    out.warn(problem);
  out.startmsg(plan.parallel ? "Starting jails:\n" : "Starting jails:");
  runPlan(plan, true);
  return plan.parallel ? 0 : finishStart();
}

int JailService::driveStop(const std::vector<std::string>& names) {
  Console& out = env_.console;
  RunRequest jls{concat(splitFields(env_.vars.get("jail_jls")), {"name"})};
  jls.output = OutputMode::StdoutOnly;
  out.flush();
  PlanEnvironment penv{settingsEnvironment(), {}};
  std::istringstream listed(env_.system.run(jls).output);
  for (std::string line; std::getline(listed, line);)
    if (auto words = splitFields(line); !words.empty()) penv.running.push_back(words[0]);
  StopPlan plan = planStop(env_.vars, names, penv);
  if (names[0] == "_ALL") removeStaleRunFiles(penv.running, false);
  out.emit(plan.messages);
  if (!reportProblems(plan, "stopped")) return 1;
  out.print(plan.parallel ? "Stopping jails:\n" : "Stopping jails:");
  runPlan(plan, false);
  if (names[0] != "_ALL" && !interrupted()) removeStaleRunFiles(stillConfigured(names), true);
  if (!plan.parallel) out.print(".\n");
  return quirks_ == Quirks::Fixed && failed_ ? 1 : 0;
}

}  // namespace rcjail
