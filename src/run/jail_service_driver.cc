// start and stop when one of rcjail's ordering knobs is set: plan first
// (a jail with a configuration problem is not run, and nothing is when a
// problem concerns the whole run), then run the plan through the
// job scheduler, one thread per jail in flight. The threads only run
// processes and probes; the console, the /var/run files and the outcome
// sink are touched by the calling thread alone, in a stable order.
#include <map>
#include <sstream>

#include "address_list.h"
#include "atomic_file.h"
#include "jail_service.h"
#include "job_scheduler.h"
#include "readiness.h"
#include "shutdown_budget.h"

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

}  // namespace

struct JailService::JailRun {
  JailResult result = JailResult::Ok;
  RunResult process;            // jail(8)'s
  std::string jid;              // `jls -j NAME jid` after a start
  bool alreadyRunning = false;  // a dependency pulled in that was up already
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
    }
  }
  if (r.result == JailResult::Ok) {
    RunRequest jls{concat(splitFields(env_.vars.get("jail_jls")), {"-j", j.name, "jid"})};
    jls.output = OutputMode::StdoutOnly;
    r.jid = env_.system.run(jls).output;
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

void JailService::runPlan(const JailPlan& plan, bool start) {
  Console& out = env_.console;
  const char* verb = start ? "start" : "stop";
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

  enum class Shown { Pending, Run, Skipped, Silent };
  std::vector<Shown> shown(n, Shown::Pending);
  std::vector<JailRun> runs(n);
  std::vector<std::optional<size_t>> causes(n);
  size_t printed = 0;
  std::atomic<bool> stopping{false};

  // One line (or stock word) per jail, in plan order, as soon as every
  // jail before it is done.
  auto flushLines = [&] {
    for (; printed < n && shown[printed] != Shown::Pending; ++printed) {
      const PlannedJail& j = plan.jails[printed];
      if (shown[printed] == Shown::Run) {
        if (start) showStart(j, runs[printed], plan.parallel);
        else showStop(j, runs[printed], plan.parallel);
      } else if (shown[printed] == Shown::Skipped && plan.parallel) {
        std::optional<size_t> c = causes[printed];
        std::string line = " " + j.displayName + ": skipped, " +
                           (c ? "needs " + plan.jails[*c].name : std::string("interrupted")) + "\n";
        if (start) out.startmsg(line);
        else out.print(line);
      }
    }
    out.flush();
  };

  SchedulerOptions options;
  options.limit = plan.parallel ? static_cast<size_t>(plan.limit.value_or(0)) : 1;
  options.skipAfterFailure = start;
  SchedulerCallbacks callbacks;
  callbacks.launch = [&](size_t i) {
    const PlannedJail& j = plan.jails[i];
    if (!problemOf[i].empty()) {
      shown[i] = Shown::Silent;  // its problem was reported before the run
      report(j.name, verb, JailResult::Failed, problemOf[i] + "\n");
      return false;
    }
    out.emit(j.messages);
    if (!j.skipReason.empty()) {
      shown[i] = Shown::Silent;  // parse_options failed: stock warns and goes on
      return false;
    }
    obsoleteWarning_ = quirks_ == Quirks::Stock ? j.obsoleteWarning : (obsoleteWarning_ || j.obsoleteWarning);
    if (j.config) {
      std::string error = writeFileAtomically(env_.root.map(j.config->path), j.config->text, 0644,
                                              FileOwner{0, 0}, false);
      if (!error.empty()) {
        out.warn("cannot write " + j.config->path + ": " + error + ".  Jail " + j.name + " was ignored.");
        shown[i] = Shown::Silent;
        failed_ = true;
        report(j.name, verb, JailResult::Failed, "");
        return false;
      }
    }
    out.flush();
    return true;
  };
  callbacks.work = [&](size_t i) {
    runs[i] = start ? startJail(plan.jails[i], stopping) : stopJail(plan.jails[i]);
    return runs[i].result == JailResult::Ok;
  };
  callbacks.interrupted = [&] {
    if (interrupted()) stopping = true;
    return stopping.load();
  };
  callbacks.finished = [&](size_t i, JobStatus status, std::optional<size_t> cause) {
    const PlannedJail& j = plan.jails[i];
    if (status == JobStatus::Skipped) {
      shown[i] = Shown::Skipped;
      causes[i] = cause;
      report(j.name, verb, JailResult::Skipped, "");
      if (start) failed_ = true;
      out.warn("jail " + j.name + " not " + (start ? "started" : "stopped") + ": " +
               (cause ? "it depends on " + plan.jails[*cause].name + ", which did not start" : std::string("interrupted")));
    } else if (shown[i] == Shown::Pending) {
      const JailRun& r = runs[i];
      shown[i] = Shown::Run;
      if (r.notRunning) {
        // stock: a jail that is not running is passed over in silence
      } else {
        report(j.name, verb, r.result, r.process.output, r.duration);
        if (r.result != JailResult::Ok) failed_ = true;
        if (start && (r.result == JailResult::Ok || r.notReady)) writeJidFile(j.name, r.jid);
        if (!start && !r.leftRunning) removeJidFile(j.name);
        if (r.notReady)
          out.warn("jail " + j.name + ": not ready after " + seconds(*j.readyTimeout) + " (" + j.ready->spec +
                   "); the jails that depend on it are not started");
        else if (r.result == JailResult::TimedOut)
          out.warn("jail " + j.name + ": " + verb + " timed out after " + seconds(*j.deadline) + " (" +
                   j.deadline->variable + "); jail(8) was killed" +
                   (r.removed ? std::string(start ? " and the half-started jail removed" : " and the jail removed with jail -R")
                              : r.leftRunning ? std::string(", and the jail could not be removed") : std::string()));
      }
    }
    flushLines();
  };
  out.flush();
  runJobs(after, options, callbacks);
  flushLines();
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
  out.emit(plan.messages);
  if (!reportProblems(plan, "stopped")) return 1;
  out.print(plan.parallel ? "Stopping jails:\n" : "Stopping jails:");
  runPlan(plan, false);
  if (!plan.parallel) out.print(".\n");
  return quirks_ == Quirks::Fixed && failed_ ? 1 : 0;
}

}  // namespace rcjail
