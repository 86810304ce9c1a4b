// The plan verb: make the plan start or stop would make, and print it as
// text for people or as JSON for tools.
#include "plan_verb.h"

#include <algorithm>

#include <sstream>

#include "host_features.h"
#include "jail_inventory.h"
#include "json_text.h"
#include "plan_schedule.h"
#include "shutdown_budget.h"
#include "text_fields.h"
#include "timestamp.h"
#include "unconfigured_jails.h"

namespace rcjail {

namespace {

// A word as sh would need it written.
std::string shellWord(const std::string& word) {
  if (!word.empty() && word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-") ==
                           std::string::npos)
    return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string commandLine(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& a : argv) out += (out.empty() ? "" : " ") + shellWord(a);
  return out;
}

std::string joined(const std::vector<std::string>& words, const char* separator = " ") {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

std::string readyKind(ReadinessCheck::Kind k) {
  switch (k) {
    case ReadinessCheck::Kind::Tcp: return "tcp";
    case ReadinessCheck::Kind::Unix: return "unix";
    case ReadinessCheck::Kind::File: return "file";
    case ReadinessCheck::Kind::Exec: return "exec";
  }
  return "";
}

Json json(const std::optional<TimeLimit>& t) {
  if (!t) return nullptr;
  return Json{{"seconds", t->value.count()},
              {"variable", t->variable.empty() ? Json(nullptr) : Json(t->variable)},
              {"where", t->where.file.empty() ? Json(nullptr) : Json(t->where.str())}};
}

std::vector<std::string> warningsOf(const std::vector<Message>& messages) {
  std::vector<std::string> out;
  for (const Message& m : messages)
    if (m.level == MessageLevel::Warning) out.push_back(m.text);
  return out;
}

Json jailJson(const PlannedJail& j) {
  Json ready = nullptr;
  if (j.ready) ready = Json{{"check", j.ready->spec}, {"kind", readyKind(j.ready->kind)}, {"timeout", json(j.readyTimeout)}};
  Json config = nullptr;
  if (j.config) config = Json{{"path", j.config->path}, {"text", j.config->text}};
  std::vector<std::string> errors;
  for (const PlanProblem& e : j.configErrors) errors.push_back(e.describe());
  return Json{{"name", j.name},
              {"display", j.displayName},
              {"after", j.after},
              {"pulledIn", j.pulledIn},
              {"command", j.command},
              {"deadline", json(j.deadline)},
              {"onDeadline", j.deadline ? Json(j.removeCommand) : Json(nullptr)},
              {"ready", ready},
              {"config", config},
              {"warnings", warningsOf(j.messages)},
              {"errors", errors},
              {"skipped", j.skipReason.empty() ? Json(nullptr) : Json(j.skipReason)}};
}

// "starts by 25 s" or "starts: unbounded".
std::string byText(const std::string& what, const std::optional<std::chrono::seconds>& s) {
  return s ? what + " by " + std::to_string(s->count()) + " s" : what + ": unbounded";
}

Json secondsJson(const std::optional<std::chrono::seconds>& s) { return s ? Json(s->count()) : Json(nullptr); }

// The jails of the critical path that no deadline bounds.
std::vector<std::string> unboundedOn(const Schedule& s) {
  std::vector<std::string> out;
  for (const std::string& name : s.criticalPath)
    for (const ScheduledJail& j : s.jails)
      if (j.name == name && !j.duration) out.push_back(name);
  return out;
}

// When each jail can start and be done at the latest, and the chain of jails
// that makes the total what it is.
void scheduleText(std::ostream& out, const Schedule& s, bool start) {
  out << "worst case, from the " << (start ? "deadlines and readiness timeouts" : "deadlines") << ":\n";
  for (const ScheduledJail& j : s.jails)
    out << "  " << j.name << ": waits for " << (j.waitsFor.empty() ? "nothing" : joined(j.waitsFor, ", "))
        << "; " << byText("starts", j.start) << ", " << byText("done", j.done) << "\n";
  if (s.criticalPath.empty()) {
    // Only jails that wait for one another are left: nothing can go first.
    out << "critical path: none: these jails wait for one another in a cycle (above), so none of them would "
        << (start ? "start" : "stop") << "\n";
    return;
  }
  out << "critical path: " << joined(s.criticalPath, ", ");
  if (s.total) out << "; all done by " << s.total->count() << " s\n";
  else out << "; unbounded: " << joined(unboundedOn(s), ", ") << " with no " << (start ? "start" : "stop") << " timeout\n";
}

Json scheduleJson(const Schedule& s) {
  Json jails = Json::array();
  for (const ScheduledJail& j : s.jails)
    jails.push_back(Json{{"name", j.name},
                         {"waitsFor", j.waitsFor},
                         {"duration", secondsJson(j.duration)},
                         {"start", secondsJson(j.start)},
                         {"done", secondsJson(j.done)}});
  return Json{{"jails", jails}, {"criticalPath", s.criticalPath}, {"total", secondsJson(s.total)}};
}

std::string limitText(const TimeLimit& t) {
  if (t.variable.empty()) return std::to_string(t.value.count()) + " s (the default)";
  return std::to_string(t.value.count()) + " s (" + t.variable + (t.where.file.empty() ? "" : ", " + t.where.str()) + ")";
}

std::string modeText(const JailPlan& plan) {
  if (!plan.parallel) return "one at a time";
  if (plan.limit) return "in parallel, at most " + std::to_string(*plan.limit) + " at once";
  return "in parallel, no limit";
}

// The stock path plans names nothing configures as stock runs them (a
// warning, then nothing); the plan says they are problems, as the ordered
// path does, so that it exits 1.
void addUnconfiguredNames(const VerbContext& ctx, const Variables& vars, const std::vector<std::string>& args,
                          std::vector<PlanProblem>& problems) {
  std::vector<std::string> names;  // the words after the verb, --json aside
  for (const std::string& a : args)
    if (a != "--json") names.push_back(a);
  names.erase(names.begin());
  if (names.empty()) return;
  const HostFeatures host = hostFeatures(ctx.system);
  std::vector<std::string> configured;
  for (const ConfiguredJail& j : configuredJails(vars, {ctx.root, host.hasVimage, host.dadCount}))
    configured.push_back(j.name);
  for (const std::string& line : unconfiguredNames(names, configured))
    problems.push_back({{"command line", 0}, line, {line.substr(5, line.find(' ', 5) - 5)}});
}

}  // namespace

std::string planText(const PlanReport& r) {
  const JailPlan& plan = r.plan;
  const bool start = r.verb == "start";
  std::ostringstream out;
  out << r.verb << ": "
      << (plan.driver ? "rcjail orders the jails, " + modeText(plan)
                      : std::string("as stock rc.d/jail (no ordering knob is set), ") +
                            (plan.parallel && start ? "in parallel" : "one at a time"))
      << "\n";
  for (const Message& m : plan.messages)
    if (m.level == MessageLevel::Warning) out << "warning: " << m.text << "\n";
  if (!plan.problems.empty()) {
    bool wholeRun = std::any_of(plan.problems.begin(), plan.problems.end(),
                                [](const PlanProblem& p) { return p.jails.empty(); });
    out << (wholeRun ? "problems (nothing would " + r.verb + "):\n"
                     : "problems (the jails they name, and what depends on those, would not " + r.verb + "):\n");
    for (const PlanProblem& p : plan.problems) out << "  " << p.describe() << "\n";
  }
  if (!plan.wholeFileCommand.empty()) {
    out << "run: " << commandLine(plan.wholeFileCommand) << "\n";
    return out.str();
  }
  if (plan.jails.empty()) out << "no jail to " << r.verb << "\n";
  if (plan.driver && !plan.jails.empty()) scheduleText(out, worstCaseSchedule(plan, start), start);
  for (const PlannedJail& j : plan.jails) {
    out << "\n" << j.name;
    if (j.displayName != j.name) out << " (" << j.displayName << ")";
    if (j.pulledIn) out << (start ? ", pulled in as a dependency" : ", pulled in as a dependent");
    out << "\n";
    for (const Message& m : j.messages)
      if (m.level == MessageLevel::Warning) out << "  warning: " << m.text << "\n";
    for (const PlanProblem& e : j.configErrors) out << "  jail(8) fails it: " << e.describe() << "\n";
    if (!j.skipReason.empty()) {
      out << "  skipped: " << j.skipReason << "\n";
      continue;
    }
    if (!j.after.empty()) out << (start ? "  after: " : "  after its dependents: ") << joined(j.after) << "\n";
    if (j.config) {
      out << "  writes " << j.config->path << ":\n";
      std::istringstream text(j.config->text);
      for (std::string line; std::getline(text, line);) out << "    | " << line << "\n";
    }
    if (!start) out << "  if running, run: " << commandLine(j.command) << "\n";
    else out << "  run: " << commandLine(j.command) << (j.pulledIn ? " (unless it is running)" : "") << "\n";
    if (j.deadline)
      out << "  deadline: " << limitText(*j.deadline) << ", then kill it"
          << (start ? " and, if the jail is half up, run: " : " and run: ") << commandLine(j.removeCommand) << "\n";
    if (j.ready) out << "  ready when: " << j.ready->spec << ", within " << limitText(*j.readyTimeout) << "\n";
  }
  if (!r.budget.empty() || r.worstStop) out << "\n";
  if (r.worstStop)
    out << "shutdown: stopping these jails takes at most " << r.worstStop->count() << " s"
        << (r.rcshutdownTimeout > 0 ? " (rcshutdown_timeout: " + std::to_string(r.rcshutdownTimeout) + " s)" : "")
        << ", critical path: " << joined(r.stopPath, ", ") << "\n";
  for (const std::string& b : r.budget) out << "shutdown budget: " << b << "\n";
  return out.str();
}

std::string planJson(const PlanReport& r) {
  const JailPlan& plan = r.plan;
  std::vector<std::string> problems;
  for (const PlanProblem& p : plan.problems) problems.push_back(p.describe());
  Json jails = Json::array();
  for (const PlannedJail& j : plan.jails) jails.push_back(jailJson(j));
  Json out{{"verb", r.verb},
           {"driver", plan.driver},
           {"parallel", plan.parallel},
           {"limit", plan.limit ? Json(*plan.limit) : Json(nullptr)},
           {"problems", problems},
           {"warnings", warningsOf(plan.messages)},
           {"command", plan.wholeFileCommand.empty() ? Json(nullptr) : Json(plan.wholeFileCommand)},
           {"schedule", plan.driver ? scheduleJson(worstCaseSchedule(plan, r.verb == "start")) : Json(nullptr)},
           {"jails", jails},
           {"shutdown", Json{{"rcshutdown_timeout", r.rcshutdownTimeout},
                             {"worstCase", r.worstStop ? Json(r.worstStop->count()) : Json(nullptr)},
                             {"criticalPath", r.stopPath},
                             {"problems", r.budget}}}};
  return jsonText(out);
}

int runPlanVerb(const VerbContext& ctx, const std::vector<std::string>& args) {
  std::string verb;
  bool asJson = false;
  std::vector<std::string> names;
  for (const std::string& a : args) {
    if (a == "--json") asJson = true;
    else if (!a.empty() && a[0] == '-') verb = "-";  // an unknown option: the usage, whatever follows
    else if (verb.empty()) verb = a;
    else if (verb != "-") names.push_back(a);
  }
  if (verb != "start" && verb != "stop") {
    ctx.console.printError("usage: rcjail plan start|stop [--json] [NAME...]\n");
    return 1;
  }
  // As rc.d/jail would be run: a copy, so nothing the planning sets stays.
  Variables vars = ctx.vars;
  if (names.empty()) {
    names = splitFields(vars.get("jail_list"));
    if (names.empty()) names.push_back("_ALL");
  } else {
    vars.set("jail_reverse_stop", "no");
  }
  const Quirks quirks = quirksFrom(vars);
  const std::string stamp = localTimestamp(std::time(nullptr));
  const HostFeatures host = hostFeatures(ctx.system);
  SettingsEnvironment settings{ctx.root, quirks, stamp, host.hasVimage, host.dadCount, host.jailConfGrammar};
  PlanEnvironment env{settings, {}};
  if (verb == "stop") {
    RunRequest jls{splitFields(vars.get("jail_jls"))};
    jls.argv.push_back("name");
    jls.output = OutputMode::StdoutOnly;
    jls.discardStderr = true;
    std::istringstream listed(ctx.system.run(jls).output);
    for (std::string line; std::getline(listed, line);)
      if (auto words = splitFields(line); !words.empty()) env.running.push_back(words[0]);
  }
  const int budget = rcshutdownTimeout(vars);
  std::optional<JailPlan> plan;
  std::optional<StopPlan> shutdown;
  if (verb == "start") {
    StartPlan start = planStart(vars, names, env);
    if (start.driver && start.problems.empty()) shutdown = planShutdownStop(vars, start, env);
    plan = start;
  } else {
    StopPlan stop = planStop(vars, names, env);
    if (stop.driver && stop.problems.empty()) shutdown = stop;
    plan = stop;
  }
  PlanReport report{verb, *plan, {}, std::nullopt, {}, budget};
  if (shutdown) {
    report.budget = shutdownBudgetProblems(*shutdown, budget);
    Schedule stop = worstCaseSchedule(*shutdown, false);
    report.worstStop = stop.total;
    report.stopPath = stop.criticalPath;
  }
  if (!plan->driver) addUnconfiguredNames(ctx, vars, args, plan->problems);
  ctx.console.print(asJson ? planJson(report) : planText(report));
  ctx.console.flush();
  return plan->problems.empty() ? 0 : 1;
}

}  // namespace rcjail
