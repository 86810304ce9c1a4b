// From names and configuration to a StartPlan or StopPlan: resolve each
// jail as parse_options would (or from the jail.conf file for _ALL), gather
// its dependencies, close the set over them, order it, and attach the
// deadlines and readiness checks.
#include "start_plan.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "address_list.h"
#include "jail_conf.h"
#include "jail_names.h"
#include "plan_schedule.h"

namespace rcjail {

namespace {

using Seconds = std::chrono::seconds;

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool allDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// Words separated by blanks or commas: `jail_web_depend="db, cache"`.
std::vector<std::string> nameList(const std::string& value) {
  std::vector<std::string> out;
  std::string word;
  for (char c : value + " ") {
    if (c == ' ' || c == '\t' || c == '\n' || c == ',') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

// What the configuration says about one jail.
struct Known {
  bool usable = false;
  bool hasSettings = false;  // parse_options succeeded (stock would run jail(8))
  std::string reason;        // why it is not usable
  PlannedJail jail;
  std::vector<DependencyEdge> edges;  // its dependencies
  std::vector<PlanProblem> problems;  // its own configuration errors
  std::string rootPath;               // its path, for file: readiness ("" unknown)
  std::string varName;                // JV
};

class Planner {
 public:
  Planner(const Variables& vars, const PlanEnvironment& env)
      : vars_(vars), scratch_(vars), env_(env), quirks_(env.settings.quirks) {}

  StartPlan start(const std::vector<std::string>& names);
  StopPlan stop(const std::vector<std::string>& names);

 private:
  bool yesNo(const std::string& name, JailPlan& plan) {
    return checkYesNo(name, vars_.get(name), plan.messages);
  }
  std::optional<int> parallelLimit(JailPlan& plan);
  std::optional<TimeLimit> timeLimit(const std::string& jail, const std::string& perJail, const std::string& global,
                                     std::vector<PlanProblem>& problems) const;
  const JailConf* jailConf(const std::string& path, std::string* error);
  Known byName(const std::string& name, bool start);
  Known inFile(const std::string& name, const JailConf* conf, bool start);
  void fileDepends(Known& k, const JailConfJail& jail, const JailConf& conf, const std::string& file, bool sanitize);
  void rcConfDepends(Known& k, bool sanitize) const;
  void addLimits(PlannedJail& j, const Known& k, bool start, std::vector<PlanProblem>& problems) const;
  std::vector<std::string> removeCommand(const std::string& varName, const std::string& name) const;
  void finish(JailPlan& plan, const DependencyGraph& graph, std::map<std::string, Known>& known,
              const std::vector<std::string>& order, bool start);

  const Variables& vars_;
  Variables scratch_;  // parse_options assigns jail_confwarn
  const PlanEnvironment& env_;
  Quirks quirks_;
  std::map<std::string, std::optional<JailConf>> confs_;
  std::map<std::string, std::string> confErrors_;
};

std::optional<int> Planner::parallelLimit(JailPlan& plan) {
  const Variable* v = vars_.find("jail_parallel_limit");
  if (!v || v->value.empty()) return std::nullopt;
  if (!allDigits(v->value) || v->value.size() > 6) {
    plan.problems.push_back({v->where, "jail_parallel_limit: \"" + v->value + "\" is not a number of jails", {}});
    return std::nullopt;
  }
  int n = std::stoi(v->value);
  return n > 0 ? std::optional<int>(n) : std::nullopt;
}

std::optional<TimeLimit> Planner::timeLimit(const std::string& jail, const std::string& perJail,
                                            const std::string& global, std::vector<PlanProblem>& problems) const {
  const bool own = !vars_.get(perJail).empty();
  const std::string& name = own ? perJail : global;
  const Variable* v = vars_.find(name);
  if (!v || v->value.empty()) return std::nullopt;
  if (!allDigits(v->value) || v->value.size() > 7) {
    PlanProblem problem{v->where, name + ": \"" + v->value + "\" is not a number of seconds", {}};
    if (own) problem.jails = {jail};
    // A bad global value is one problem of the whole run, said once.
    if (own || std::find(problems.begin(), problems.end(), problem) == problems.end()) problems.push_back(problem);
    return std::nullopt;
  }
  long seconds = std::stol(v->value);
  if (seconds == 0) return std::nullopt;
  return TimeLimit{Seconds(seconds), name, v->where};
}

const JailConf* Planner::jailConf(const std::string& path, std::string* error) {
  auto it = confs_.find(path);
  if (it == confs_.end()) {
    std::optional<JailConf> parsed;
    try {
      if (!env_.settings.root.readable(path)) throw JailConfError({path, 0}, {path + ": cannot be read"});
      parsed = parseJailConfFile(env_.settings.root, path);
    } catch (const JailConfError& e) {
      confErrors_[path] = e.messages().empty() ? path + ": cannot be read" : e.messages().front();
    } catch (const ConfigError& e) {
      confErrors_[path] = e.describe();
    }
    it = confs_.emplace(path, std::move(parsed)).first;
  }
  if (!it->second && error) *error = confErrors_[path];
  return it->second ? &*it->second : nullptr;
}

void Planner::fileDepends(Known& k, const JailConfJail& jail, const JailConf& conf, const std::string& file,
                          bool sanitize) {
  const JailConfParam* param = jail.find("depend");
  for (const std::string& d : jail.values("depend")) {
    if (!conf.find(d)) {
      k.problems.push_back({param->where,
                            "depend: " + k.jail.name + " depends on \"" + d + "\", which " + file + " does not define",
                            {k.jail.name}});
      continue;
    }
    k.edges.push_back({k.jail.name, sanitize ? jailName(d) : d, "depend", param->where});
  }
}

void Planner::rcConfDepends(Known& k, bool sanitize) const {
  std::string name = jailVariable(k.varName, "depend");
  const Variable* v = vars_.find(name);
  if (!v) return;
  for (const std::string& d : nameList(v->value)) k.edges.push_back({k.jail.name, sanitize ? jailName(d) : d, name, v->where});
}

std::vector<std::string> Planner::removeCommand(const std::string& varName, const std::string& name) const {
  std::string program = vars_.get(jailVariable(varName, "program"));
  if (program.empty()) program = vars_.get("jail_program");
  return concat(splitFields(program), {"-q", "-R", name});
}

Known Planner::byName(const std::string& name, bool start) {
  Known k;
  k.jail.name = k.jail.displayName = name;
  k.varName = variableName(name);
  SettingsResult r = resolveJailSettings(scratch_, name, env_.settings);
  k.jail.messages = r.messages;
  k.jail.obsoleteWarning = r.obsoleteWarning;
  if (!r.settings) {
    for (const Message& m : r.messages)
      if (m.level == MessageLevel::Warning) k.reason += (k.reason.empty() ? "" : " ") + m.text;
    if (k.reason.empty()) k.reason = "it has no usable configuration";
    return k;
  }
  const JailSettings& s = *r.settings;
  k.hasSettings = true;
  k.varName = s.varName;
  k.jail.displayName = s.displayName();
  k.jail.command = start ? namedStartCommand(scratch_, s, quirks_) : namedStopCommand(scratch_, s);
  k.jail.removeCommand = removeCommand(s.varName, name);
  if (s.rcConfStyle()) {
    k.jail.config = GeneratedConfig{s.configFile, s.generatedText};
    k.rootPath = vars_.get(jailVariable(s.varName, "rootdir"));
  } else {
    const JailConf* conf = jailConf(s.configFile, &k.reason);
    if (!conf) return k;
    const JailConfJail* jail = conf->find(name);
    if (!jail) {
      k.reason = s.configFile + " does not define it";
      return k;
    }
    k.rootPath = jail->last("path");
    for (std::size_t i = 0; i < jail->errors.size(); ++i)
      k.jail.configErrors.push_back({jail->errorLocations[i], jail->errors[i], {name}});
    fileDepends(k, *jail, *conf, s.configFile, true);
  }
  rcConfDepends(k, true);
  k.usable = true;
  return k;
}

Known Planner::inFile(const std::string& name, const JailConf* conf, bool start) {
  Known k;
  k.usable = k.hasSettings = true;
  k.jail.name = k.jail.displayName = name;
  k.varName = variableName(name);
  const std::string& file = vars_.get("jail_conf");
  k.jail.command = concat(concat(splitFields(vars_.get("jail_program")), splitFields(vars_.get("jail_flags"))),
                          concat(concat({"-f"}, splitFields(file)), {start ? "-c" : "-r", name}));
  k.jail.removeCommand = concat(splitFields(vars_.get("jail_program")), {"-q", "-R", name});
  if (const JailConfJail* jail = conf ? conf->find(name) : nullptr) {
    k.rootPath = jail->last("path");
    for (std::size_t i = 0; i < jail->errors.size(); ++i)
      k.jail.configErrors.push_back({jail->errorLocations[i], jail->errors[i], {name}});
    fileDepends(k, *jail, *conf, file, false);
    // jail(8): a.b needs its parent a when the file defines one.
    size_t dot = name.rfind('.');
    if (dot != std::string::npos && conf->find(name.substr(0, dot)))
      k.edges.push_back({name, name.substr(0, dot), "jail(8) parent", jail->where});
  }
  rcConfDepends(k, false);
  return k;
}

void Planner::addLimits(PlannedJail& j, const Known& k, bool start, std::vector<PlanProblem>& problems) const {
  const std::string kind = start ? "start_timeout" : "stop_timeout";
  j.deadline = timeLimit(j.name, jailVariable(k.varName, kind), "jail_" + kind, problems);
  if (!start) return;
  std::string readyName = jailVariable(k.varName, "ready");
  const Variable* ready = vars_.find(readyName);
  if (!ready || ready->value.empty()) return;
  std::string root = k.rootPath.empty() ? "" : env_.settings.root.map(k.rootPath);
  auto parsed = parseReadiness(ready->value, root);
  if (auto* error = std::get_if<std::string>(&parsed)) {
    problems.push_back({ready->where, readyName + ": " + *error, {j.name}});
    return;
  }
  j.ready = std::get<ReadinessCheck>(parsed);
  j.readyTimeout = timeLimit(j.name, jailVariable(k.varName, "ready_timeout"), "jail_ready_timeout", problems);
  if (!j.readyTimeout) j.readyTimeout = TimeLimit{kDefaultReadyTimeout, "", {}};
  j.ready->timeout = j.readyTimeout->value;
}

void Planner::finish(JailPlan& plan, const DependencyGraph& graph, std::map<std::string, Known>& known,
                     const std::vector<std::string>& order, bool start) {
  for (PlanProblem& p : graph.cycles()) plan.problems.push_back(std::move(p));
  plan.waves = start ? graph.startWaves(order) : graph.stopWaves(order);
  std::map<std::string, int> waveOf;
  for (size_t w = 0; w < plan.waves.size(); ++w)
    for (const std::string& name : plan.waves[w]) waveOf[name] = static_cast<int>(w + 1);
  for (const std::string& name : order) {
    Known& k = known.at(name);
    for (PlanProblem& p : k.problems) plan.problems.push_back(std::move(p));
    PlannedJail j = k.jail;
    j.after = start ? graph.dependencies(name) : graph.dependents(name);
    j.wave = waveOf[name];
    addLimits(j, k, start, plan.problems);
    plan.jails.push_back(std::move(j));
  }
  // In parallel, the earlier wave first; one at a time, the order itself.
  if (plan.parallel)
    std::stable_sort(plan.jails.begin(), plan.jails.end(),
                     [](const PlannedJail& a, const PlannedJail& b) { return a.wave < b.wave; });
}

StartPlan Planner::start(const std::vector<std::string>& names) {
  StartPlan plan;
  plan.driver = orderingKnobsSet(vars_);
  plan.parallel = yesNo("jail_parallel_start", plan);
  const bool all = !names.empty() && names[0] == "_ALL";
  if (!plan.driver) {
    if (all) {
      plan.wholeFileCommand = concat(concat(splitFields(vars_.get("jail_program")), splitFields(vars_.get("jail_flags"))),
                                     concat(concat({"-f"}, splitFields(vars_.get("jail_conf"))), {"-c"}));
      if (!plan.parallel) plan.wholeFileCommand.push_back("-p1");
      return plan;
    }
    for (const std::string& given : names) {
      Known k = byName(jailName(given), true);
      if (!k.hasSettings) k.jail.skipReason = k.reason;
      k.jail.wave = plan.parallel ? 1 : static_cast<int>(plan.jails.size() + 1);
      plan.jails.push_back(k.jail);
    }
    if (plan.parallel && !plan.jails.empty()) plan.waves.emplace_back();
    for (const PlannedJail& j : plan.jails) {
      if (plan.parallel) plan.waves[0].push_back(j.name);
      else plan.waves.push_back({j.name});
    }
    return plan;
  }
  plan.limit = parallelLimit(plan);

  DependencyGraph graph;
  std::map<std::string, Known> known;
  if (all) {
    const std::string& file = vars_.get("jail_conf");
    std::string error;
    const JailConf* conf = jailConf(file, &error);
    if (!conf) {
      plan.problems.push_back({vars_.find("jail_conf") ? vars_.find("jail_conf")->where : Location{},
                               "jail_conf: " + error, {}});
      return plan;
    }
    for (const JailConfJail& j : conf->jails) {
      if (graph.contains(j.name)) continue;
      graph.addJail(j.name);
      known.emplace(j.name, inFile(j.name, conf, true));
    }
    for (const std::string& name : graph.jails())
      for (const DependencyEdge& e : known.at(name).edges) graph.addEdge(e);
    for (PlanProblem& p : graph.unknownNames()) plan.problems.push_back(std::move(p));
  } else {
    const bool fromList = names == splitFields(vars_.get("jail_list"));
    const std::string source = fromList ? "jail_list" : "command line";
    const Location where = fromList && vars_.find("jail_list") ? vars_.find("jail_list")->where : Location{};
    std::set<std::string> named;
    for (const std::string& given : names) named.insert(jailName(given));
    // Depth first, so that a jail's dependencies join right behind it.
    std::function<bool(const std::string&, const DependencyEdge*)> visit = [&](const std::string& name,
                                                                              const DependencyEdge* via) {
      if (auto it = known.find(name); it != known.end()) return it->second.usable;
      Known& k = known.emplace(name, byName(name, true)).first->second;
      k.jail.pulledIn = !named.count(name);
      if (!k.usable) {
        if (via)
          plan.problems.push_back(
              {via->where, via->source + ": " + via->from + " depends on \"" + name + "\": " + k.reason, {via->from}});
        else
          plan.problems.push_back({where, source + ": jail \"" + name + "\": " + k.reason, {name}});
        return false;
      }
      graph.addJail(name);
      std::vector<DependencyEdge> edges = k.edges;
      for (const DependencyEdge& e : edges)
        if (visit(e.to, &e)) graph.addEdge(e);
      return true;
    };
    for (const std::string& given : names) visit(jailName(given), nullptr);
  }
  finish(plan, graph, known, graph.startOrder(), true);
  return plan;
}

StopPlan Planner::stop(const std::vector<std::string>& names) {
  StopPlan plan;
  plan.driver = orderingKnobsSet(vars_);
  const bool all = !names.empty() && names[0] == "_ALL";
  std::vector<std::string> base = all ? env_.running : names;
  if (yesNo("jail_reverse_stop", plan)) std::reverse(base.begin(), base.end());
  if (!plan.driver) {
    const JailConf* none = nullptr;
    for (const std::string& given : base) {
      Known k = all ? inFile(given, none, false) : byName(jailName(given), false);
      if (!k.hasSettings) k.jail.skipReason = k.reason;
      k.jail.wave = static_cast<int>(plan.jails.size() + 1);
      plan.waves.push_back({k.jail.name});
      plan.jails.push_back(k.jail);
    }
    return plan;
  }
  // rcjail's own knob: unset is a plain no, not checkyesno's "not set properly".
  plan.parallel = !vars_.get("jail_parallel_stop").empty() && yesNo("jail_parallel_stop", plan);
  plan.limit = parallelLimit(plan);

  DependencyGraph graph;
  std::map<std::string, Known> known;
  const JailConf* conf = all ? jailConf(vars_.get("jail_conf"), nullptr) : nullptr;
  auto resolve = [&](const std::string& name) -> Known& {
    auto it = known.find(name);
    if (it == known.end()) it = known.emplace(name, all ? inFile(name, conf, false) : byName(name, false)).first;
    return it->second;
  };
  std::vector<std::string> order;
  for (const std::string& given : base) {
    std::string name = all ? given : jailName(given);
    Known& k = resolve(name);
    if (!k.hasSettings) {
      // parse_options failed: stock warns and goes on.
      if (!plan.find(name)) {
        plan.jails.push_back(k.jail);
        plan.jails.back().skipReason = k.reason;
      }
      continue;
    }
    if (graph.contains(name)) continue;
    graph.addJail(name);
    order.push_back(name);
  }
  // The running jails that depend on one being stopped are stopped first.
  for (bool grew = true; grew;) {
    grew = false;
    for (const std::string& running : env_.running) {
      if (graph.contains(running)) continue;
      Known& k = resolve(running);
      if (!k.hasSettings) continue;
      for (const DependencyEdge& e : k.edges) {
        if (!graph.contains(e.to)) continue;
        k.jail.pulledIn = true;
        graph.addJail(running);
        order.push_back(running);
        grew = true;
        break;
      }
    }
  }
  for (const std::string& name : graph.jails())
    for (const DependencyEdge& e : known.at(name).edges)
      if (graph.contains(e.to)) graph.addEdge(e);
  std::vector<PlannedJail> skipped = std::move(plan.jails);
  plan.jails.clear();
  for (auto& [name, k] : known) k.problems.clear();  // a stop does not check what it does not use
  finish(plan, graph, known, graph.stopOrder(order), false);
  for (PlannedJail& j : skipped) plan.jails.push_back(std::move(j));
  return plan;
}

std::string seconds(Seconds s) { return std::to_string(s.count()) + " s"; }

}  // namespace

const PlannedJail* JailPlan::find(const std::string& name) const {
  for (const PlannedJail& j : jails)
    if (j.name == name) return &j;
  return nullptr;
}

const std::vector<std::string>& orderingGlobals() {
  static const std::vector<std::string> names{"parallel_limit", "parallel_stop", "start_timeout", "stop_timeout",
                                              "ready_timeout"};
  return names;
}

const std::vector<std::string>& orderingSuffixes() {
  static const std::vector<std::string> names{"depend", "start_timeout", "stop_timeout", "ready", "ready_timeout"};
  return names;
}

bool orderingKnobsSet(const Variables& vars) {
  if (!vars.get("jail_parallel_limit").empty() || !vars.get("jail_start_timeout").empty() ||
      !vars.get("jail_stop_timeout").empty() || parseYesNo(vars.get("jail_parallel_stop")).value_or(false))
    return true;
  // jail_NAME_ready_timeout alone changes nothing: it needs jail_NAME_ready.
  for (const std::string& name : vars.namesWithPrefix("jail_"))
    for (const std::string& suffix : orderingSuffixes())
      if (suffix != "ready_timeout" && name.size() > 6 + suffix.size() && endsWith(name, "_" + suffix) &&
          !vars.get(name).empty())
        return true;
  return false;
}

PlanCheck checkPlans(const Variables& vars, const PlanEnvironment& env) {
  PlanCheck out;
  std::vector<std::string> names = splitFields(vars.get("jail_list"));
  if (names.empty()) names.push_back("_ALL");
  StartPlan start = planStart(vars, names, env);
  if (!start.driver) return out;
  out.problems = start.problems;
  if (out.problems.empty()) out.budget = shutdownBudgetProblems(planShutdownStop(vars, start, env), rcshutdownTimeout(vars));
  return out;
}

StartPlan planStart(const Variables& vars, const std::vector<std::string>& names, const PlanEnvironment& env) {
  return Planner(vars, env).start(names);
}

StopPlan planStop(const Variables& vars, const std::vector<std::string>& names, const PlanEnvironment& env) {
  return Planner(vars, env).stop(names);
}

StopPlan planShutdownStop(const Variables& vars, const StartPlan& start, const PlanEnvironment& env) {
  std::vector<std::string> names = splitFields(vars.get("jail_list"));
  if (names.empty()) names.push_back("_ALL");
  PlanEnvironment after{env.settings, {}};
  for (const PlannedJail& j : start.jails) after.running.push_back(j.name);
  return planStop(vars, names, after);
}

int rcshutdownTimeout(const Variables& vars) {
  const std::string& v = vars.get("rcshutdown_timeout");
  return allDigits(v) && v.size() < 8 ? std::stoi(v) : 0;
}

std::optional<Seconds> worstCaseDuration(const StopPlan& plan) { return worstCaseSchedule(plan, false).total; }

std::vector<std::string> shutdownBudgetProblems(const StopPlan& plan, int rcshutdownTimeout) {
  std::vector<std::string> out;
  if (rcshutdownTimeout <= 0) return out;
  std::string unbounded;
  bool anyDeadline = false;
  for (const PlannedJail& j : plan.jails) {
    if (!j.skipReason.empty()) continue;
    if (j.deadline) anyDeadline = true;
    else unbounded += (unbounded.empty() ? "" : ", ") + j.name;
  }
  if (!anyDeadline) return out;
  const std::string budget = "rcshutdown_timeout (" + std::to_string(rcshutdownTimeout) + " s)";
  if (!unbounded.empty())
    out.push_back("no stop timeout for " + unbounded + ": stopping " + (unbounded.find(',') == std::string::npos ? "it" : "them") +
                  " can outlast " + budget + "; set jail_stop_timeout or jail_NAME_stop_timeout");
  // The unbounded stops are reported above; what the bounded ones take is
  // the least the shutdown needs, counted with the same schedule `plan` shows.
  std::vector<std::optional<Seconds>> durations;
  for (const PlannedJail& j : plan.jails) durations.push_back(worstCaseOf(j, false).value_or(Seconds(0)));
  Schedule s = scheduleOf(plan, durations);
  if (!s.total || s.total->count() <= rcshutdownTimeout) return out;
  std::string names;
  for (const std::string& name : s.criticalPath) {
    const ScheduledJail& j = *std::find_if(s.jails.begin(), s.jails.end(), [&](const ScheduledJail& x) { return x.name == name; });
    if (j.duration && j.duration->count() > 0)
      names += (names.empty() ? "" : ", then ") + name + " (" + seconds(*j.duration) + ")";
  }
  out.push_back("stopping the jails can take up to " + seconds(*s.total) + ", more than " + budget + ": " + names +
                " (each stop timeout plus " + seconds(kForceRemoveTimeout) + " for jail -R)");
  return out;
}

std::vector<std::string> namedStartCommand(const Variables& v, const JailSettings& s, Quirks quirks) {
  std::string program = v.get(jailVariable(s.varName, "program"));
  std::string flags = v.get(jailVariable(s.varName, "flags"));
  if (program.empty()) program = v.get("jail_program");
  if (flags.empty()) flags = v.get("jail_flags");
  std::vector<std::string> argv = concat(splitFields(program), splitFields(flags));
  argv.insert(argv.end(), {"-i", "-f"});
  argv = concat(argv, quirks == Quirks::Stock ? splitFields(s.configFile) : std::vector{s.configFile});
  argv.insert(argv.end(), {"-c", s.name});
  return argv;
}

std::vector<std::string> namedStopCommand(const Variables& v, const JailSettings& s) {
  std::string program = v.get(jailVariable(s.varName, "program"));
  if (program.empty()) program = v.get("jail_program");
  return concat(splitFields(program), {"-q", "-f", s.configFile, "-r", s.name});
}

}  // namespace rcjail
