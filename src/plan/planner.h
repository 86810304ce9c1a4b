// The planner behind start_plan.h, shared by its two files: start_plan.cc
// (closing the set over dependencies, ordering, the plans) and
// planner_lookup.cc (what the configuration says about one jail: by name,
// in a jail.conf file, its dependencies, limits and commands). Not for use
// outside plan/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jail_conf.h"
#include "start_plan.h"

namespace rcjail::planner {

inline std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

inline bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

inline bool allDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// Words separated by blanks or commas: `jail_web_depend="db, cache"`.
inline std::vector<std::string> nameList(const std::string& value) {
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
  // The pieces of start() and stop(): without the ordering knobs (stock's
  // plain loop), the graph of jail_conf's jails or of named ones and what
  // they depend on, and the running jails that depend on those stopped.
  void plainStart(StartPlan& plan, const std::vector<std::string>& names, bool all);
  bool graphOfFile(StartPlan& plan, DependencyGraph& graph, std::map<std::string, Known>& known);
  void graphOfNames(StartPlan& plan, const std::vector<std::string>& names, DependencyGraph& graph,
                    std::map<std::string, Known>& known);
  void plainStop(StopPlan& plan, const std::vector<std::string>& base, bool all);
  Known& stopKnown(std::map<std::string, Known>& known, const std::string& name, const JailConf* conf, bool all);
  void addRunningDependents(DependencyGraph& graph, std::vector<std::string>& order,
                            std::map<std::string, Known>& known, const JailConf* conf, bool all);

  const Variables& vars_;
  Variables scratch_;  // parse_options assigns jail_confwarn
  const PlanEnvironment& env_;
  Quirks quirks_;
  std::map<std::string, std::optional<JailConf>> confs_;
  std::map<std::string, std::string> confErrors_;
};

}  // namespace rcjail::planner
