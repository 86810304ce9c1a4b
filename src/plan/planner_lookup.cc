// What the configuration says about one jail, for the planner: found by
// name (rc.conf-style or a jail.conf block) or in a jail.conf file, its
// dependencies, deadlines, readiness and the commands that remove it.
#include <algorithm>

#include "jail_names.h"
#include "planner.h"
#include "text_fields.h"

namespace rcjail::planner {

using Seconds = std::chrono::seconds;

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
      parsed = parseJailConfFile(env_.settings.root, path, env_.settings.jailConfGrammar);
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

}  // namespace rcjail::planner
