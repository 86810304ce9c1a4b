// start_plan.h, implemented: from names and configuration to a StartPlan or
// StopPlan. Resolve each jail as parse_options would (or from the jail.conf
// file for _ALL; planner_lookup.cc), gather its dependencies, close the set
// over them, order it, and attach the deadlines and readiness checks.
#include "start_plan.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "jail_conf.h"
#include "jail_names.h"
#include "planner.h"
#include "text_fields.h"

namespace rcjail {

namespace planner {

using Seconds = std::chrono::seconds;

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

void Planner::plainStart(StartPlan& plan, const std::vector<std::string>& names, bool all) {
  if (all) {
    plan.wholeFileCommand = concat(concat(splitFields(vars_.get("jail_program")), splitFields(vars_.get("jail_flags"))),
                                   concat(concat({"-f"}, splitFields(vars_.get("jail_conf"))), {"-c"}));
    if (!plan.parallel) plan.wholeFileCommand.push_back("-p1");
    return;
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
}

bool Planner::graphOfFile(StartPlan& plan, DependencyGraph& graph, std::map<std::string, Known>& known) {
  const std::string& file = vars_.get("jail_conf");
  std::string error;
  const JailConf* conf = jailConf(file, &error);
  if (!conf) {
    plan.problems.push_back({vars_.find("jail_conf") ? vars_.find("jail_conf")->where : Location{},
                             "jail_conf: " + error, {}});
    return false;
  }
  for (const JailConfJail& j : conf->jails) {
    if (graph.contains(j.name)) continue;
    graph.addJail(j.name);
    known.emplace(j.name, inFile(j.name, conf, true));
  }
  for (const std::string& name : graph.jails())
    for (const DependencyEdge& e : known.at(name).edges) graph.addEdge(e);
  for (PlanProblem& p : graph.unknownNames()) plan.problems.push_back(std::move(p));
  return true;
}

void Planner::graphOfNames(StartPlan& plan, const std::vector<std::string>& names, DependencyGraph& graph,
                           std::map<std::string, Known>& known) {
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

StartPlan Planner::start(const std::vector<std::string>& names) {
  StartPlan plan;
  plan.driver = orderingKnobsSet(vars_);
  plan.parallel = yesNo("jail_parallel_start", plan);
  const bool all = !names.empty() && names[0] == "_ALL";
  if (!plan.driver) {
    plainStart(plan, names, all);
    return plan;
  }
  plan.limit = parallelLimit(plan);
  DependencyGraph graph;
  std::map<std::string, Known> known;
  if (all) {
    if (!graphOfFile(plan, graph, known)) return plan;
  } else {
    graphOfNames(plan, names, graph, known);
  }
  finish(plan, graph, known, graph.startOrder(), true);
  return plan;
}

void Planner::plainStop(StopPlan& plan, const std::vector<std::string>& base, bool all) {
  const JailConf* none = nullptr;
  for (const std::string& given : base) {
    Known k = all ? inFile(given, none, false) : byName(jailName(given), false);
    if (!k.hasSettings) k.jail.skipReason = k.reason;
    k.jail.wave = static_cast<int>(plan.jails.size() + 1);
    plan.waves.push_back({k.jail.name});
    plan.jails.push_back(k.jail);
  }
}

Known& Planner::stopKnown(std::map<std::string, Known>& known, const std::string& name, const JailConf* conf,
                          bool all) {
  auto it = known.find(name);
  if (it == known.end()) it = known.emplace(name, all ? inFile(name, conf, false) : byName(name, false)).first;
  return it->second;
}

// The running jails that depend on one being stopped are stopped first.
void Planner::addRunningDependents(DependencyGraph& graph, std::vector<std::string>& order,
                                   std::map<std::string, Known>& known, const JailConf* conf, bool all) {
  for (bool grew = true; grew;) {
    grew = false;
    for (const std::string& running : env_.running) {
      if (graph.contains(running)) continue;
      Known& k = stopKnown(known, running, conf, all);
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
}

StopPlan Planner::stop(const std::vector<std::string>& names) {
  StopPlan plan;
  plan.driver = orderingKnobsSet(vars_);
  const bool all = !names.empty() && names[0] == "_ALL";
  std::vector<std::string> base = all ? env_.running : names;
  if (yesNo("jail_reverse_stop", plan)) std::reverse(base.begin(), base.end());
  if (!plan.driver) {
    plainStop(plan, base, all);
    return plan;
  }
  // rcjail's own knob: unset is a plain no, not checkyesno's "not set properly".
  plan.parallel = !vars_.get("jail_parallel_stop").empty() && yesNo("jail_parallel_stop", plan);
  plan.limit = parallelLimit(plan);

  DependencyGraph graph;
  std::map<std::string, Known> known;
  const JailConf* conf = all ? jailConf(vars_.get("jail_conf"), nullptr) : nullptr;
  std::vector<std::string> order;
  for (const std::string& given : base) {
    std::string name = all ? given : jailName(given);
    Known& k = stopKnown(known, name, conf, all);
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
  addRunningDependents(graph, order, known, conf, all);
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

}  // namespace planner

using planner::Planner;
using planner::concat;
using planner::endsWith;

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
