// parse_options of rc.d/jail as a pure decision plus the generated text.
#include "jail_settings.h"

#include <sstream>

#include "jail_names.h"

namespace rcjail {

namespace {

void warn(SettingsResult& r, std::string text) {
  r.messages.push_back({MessageLevel::Warning, std::move(text)});
}

}  // namespace

std::string generatedConfigPath(const std::string& name) { return "/var/run/jail." + name + ".conf"; }

bool includesJailConfDir(const FsRoot& root, const std::string& jailConf) {
  if (!root.readable(jailConf)) return false;
  std::string text;
  try {
    text = root.readFile(jailConf);
  } catch (const ConfigError&) {
    return false;
  }
  std::istringstream lines(text);
  std::string line;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; };
  while (std::getline(lines, line)) {
    size_t i = 0;
    while (i < line.size() && blank(line[i])) ++i;
    if (line.compare(i, 8, ".include") != 0) continue;
    i += 8;
    while (i < line.size() && blank(line[i])) ++i;
    if (i < line.size() && (line[i] == '"' || line[i] == '\'')) ++i;
    if (line.compare(i, 17, "/etc/jail.conf.d/") == 0) return true;
  }
  return false;
}

SettingsResult resolveJailSettings(Variables& vars, const std::string& name,
                                   const SettingsEnvironment& env) {
  SettingsResult result;
  JailSettings s;
  s.name = name;
  s.varName = variableName(name);
  s.hostname = vars.get(jailVariable(s.varName, "hostname"));
  const std::string& rootdir = vars.get(jailVariable(s.varName, "rootdir"));
  const std::string& jailConf = vars.get("jail_conf");
  std::string perJailFile = vars.get(jailVariable(s.varName, "conf"));
  if (perJailFile.empty()) perJailFile = "/etc/jail." + name + ".conf";

  if (rootdir.empty() || s.hostname.empty()) {
    std::string confDirFile = "/etc/jail.conf.d/" + name + ".conf";
    if (env.root.readable(perJailFile)) {
      s.configFile = perJailFile;
      s.source = ConfigSource::PerJailFile;
    } else if (env.root.readable(confDirFile) && !includesJailConfDir(env.root, jailConf)) {
      s.configFile = confDirFile;
      s.source = ConfigSource::JailConfDir;
    } else if (env.root.readable(jailConf)) {
      s.configFile = jailConf;
      s.source = ConfigSource::JailConf;
    } else {
      warn(result, "Invalid configuration for " + name + "  (no jail.conf, no hostname, or no path).   Jail " +
                       name + " was ignored.");
      return result;
    }
    result.settings = std::move(s);
    return result;
  }

  if (vars.get(jailVariable(s.varName, "ip")).empty() && !(env.hasVimage && env.hasVimage())) {
    warn(result, "no ipaddress specified and no vimage support.   Jail " + name + " was ignored.");
    return result;
  }
  s.source = ConfigSource::Generated;
  s.configFile = generatedConfigPath(name);
  if (vars.get("jail_confwarn").empty()) vars.set("jail_confwarn", "YES");
  result.obsoleteWarning = checkYesNo("jail_confwarn", vars.get("jail_confwarn"), result.messages);
  if (env.root.readable(jailConf) || env.root.readable(perJailFile)) {
    if (!checkYesNo("jail_parallel_start", vars.get("jail_parallel_start"), result.messages))
      warn(result, s.configFile + " is created and used for jail " + name + ".");
  }
  LegacyConfig config = writeLegacyConfig(
      {vars, {s.name, s.varName}, env.quirks, env.root, env.timestamp, env.dadCount});
  s.generatedText = std::move(config.text);
  for (Message& m : config.messages) result.messages.push_back(std::move(m));
  result.settings = std::move(s);
  return result;
}

}  // namespace rcjail
