// The privilege test and the test of the names, before the verb runs.
#include "preflight.h"

#include <algorithm>

#include "host_features.h"
#include "jail_inventory.h"
#include "jail_names.h"
#include "quirks.h"
#include "unconfigured_jails.h"

namespace rcjail {

namespace {

// rc.d/jail's verbs that create, stop or enter jails, or write rc.conf.
bool needsPrivileges(const std::string& verb) {
  for (const char* v : {"start", "stop", "restart", "config", "console", "enable", "disable", "delete"})
    if (verb == v) return true;
  return false;
}

bool writesVarRun(const std::string& verb) {
  return verb == "start" || verb == "stop" || verb == "restart" || verb == "config";
}

bool takesJailNames(const std::string& verb) { return verb == "start" || verb == "stop" || verb == "restart"; }

// Every configured jail's name, or nothing when the configuration cannot be
// read (the verb itself then says why).
std::optional<std::vector<std::string>> configuredNames(const PreflightEnvironment& env) {
  const HostFeatures host = hostFeatures(env.system);
  try {
    std::vector<std::string> names;
    for (const ConfiguredJail& j : configuredJails(env.vars, {env.root, host.hasVimage, host.dadCount}))
      names.push_back(j.name);
    return names;
  } catch (const ConfigError&) {
    return std::nullopt;
  }
}

}  // namespace

std::string baseVerb(const std::string& word) {
  for (const char* prefix : {"fast", "force", "one", "quiet"})
    if (word.rfind(prefix, 0) == 0) return word.substr(std::string(prefix).size());
  return word;
}

std::optional<int> preflight(const std::vector<std::string>& rest, const PreflightEnvironment& env) {
  if (rest.empty() || quirksFrom(env.vars) == Quirks::Stock) return std::nullopt;
  const std::string verb = baseVerb(rest[0]);
  if (!needsPrivileges(verb)) return std::nullopt;
  const bool varRun = writesVarRun(verb);
  const std::string problem = privilegeProblem(verb, env.who, varRun, varRun ? varRunWriteError(env.root) : 0);
  if (!problem.empty()) {
    env.console.error(problem + ".");
    return 1;
  }
  if (!takesJailNames(verb) || rest.size() < 2) return std::nullopt;
  const std::optional<std::vector<std::string>> configured = configuredNames(env);
  if (!configured) return std::nullopt;
  const std::vector<std::string> unknown = unconfiguredNames({rest.begin() + 1, rest.end()}, *configured);
  for (const std::string& line : unknown) env.console.error(line);
  return unknown.empty() ? std::nullopt : std::optional<int>(1);
}

}  // namespace rcjail
