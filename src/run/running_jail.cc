// Running jails from jls, id files from /var/run, and how they fit.
#include "running_jail.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "jail_conf.h"
#include "legacy_config_writer.h"
#include "text_fields.h"

namespace rcjail {

namespace {

// "JID PATH": the jid, then the rest of the line (a path may hold blanks).
std::optional<RunningJail> jidAndPath(const std::string& line) {
  std::vector<std::string> words = splitFields(line);
  if (words.empty()) return std::nullopt;
  const size_t at = line.find(words[0]) + words[0].size();
  std::string rest = line.substr(at);
  const size_t first = rest.find_first_not_of(" \t");
  rest = first == std::string::npos ? "" : rest.substr(first);
  while (!rest.empty() && (rest.back() == '\n' || rest.back() == ' ' || rest.back() == '\t')) rest.pop_back();
  return RunningJail{words[0], rest};
}

std::string withoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

bool generatedByRcJail(const std::string& path) {
  std::ifstream in(path);
  std::string first(kGeneratedConfigHeader.size(), '\0');
  return in.read(first.data(), static_cast<std::streamsize>(first.size())) && first == kGeneratedConfigHeader;
}

// The jail a /var/run file is about: jail_NAME.id, or a jail.NAME.conf that
// rc.d/jail generated; "" for any other file.
std::string jailOfRunFile(const std::string& file, const std::string& path) {
  if (file.size() > 8 && file.starts_with("jail_") && file.ends_with(".id")) return file.substr(5, file.size() - 8);
  if (file.size() > 10 && file.starts_with("jail.") && file.ends_with(".conf") && generatedByRcJail(path))
    return file.substr(5, file.size() - 10);
  return {};
}

}  // namespace

void removeStaleRunFiles(const FsRoot& root, JailSystem& system, const Variables& vars, std::vector<std::string> keep,
                         bool askJls) {
  const std::string varRun = root.map("/var/run/");
  const auto kept = [&keep](const std::string& name) { return std::find(keep.begin(), keep.end(), name) != keep.end(); };
  std::vector<std::pair<std::string, std::string>> candidates;  // file, jail
  if (DIR* dir = opendir(varRun.c_str())) {
    while (const dirent* entry = readdir(dir)) {
      const std::string jail = jailOfRunFile(entry->d_name, varRun + entry->d_name);
      if (!jail.empty() && !kept(jail)) candidates.emplace_back(entry->d_name, jail);
    }
    closedir(dir);
  }
  if (askJls && !candidates.empty()) {
    std::vector<std::string> argv = splitFields(vars.get("jail_jls"));
    argv.push_back("name");
    RunRequest request{argv};
    request.output = OutputMode::StdoutOnly;
    std::istringstream text(system.run(request).output);
    for (std::string line; std::getline(text, line);)
      if (std::vector<std::string> words = splitFields(line); !words.empty()) keep.push_back(words[0]);
  }
  for (const auto& [file, jail] : candidates)
    if (!kept(jail)) unlink((varRun + file).c_str());
}

std::optional<RunningJail> findRunningJail(JailSystem& system, const Variables& vars, const std::string& name) {
  std::vector<std::string> argv = splitFields(vars.get("jail_jls"));
  argv.insert(argv.end(), {"-j", name, "jid", "path"});
  RunRequest request{argv};
  request.output = OutputMode::StdoutOnly;
  request.discardStderr = true;
  RunResult r = system.run(request);
  if (!r.ok()) return std::nullopt;
  return jidAndPath(r.output);
}

std::map<std::string, RunningJail> listRunningJails(JailSystem& system, const Variables& vars) {
  std::vector<std::string> argv = splitFields(vars.get("jail_jls"));
  argv.insert(argv.end(), {"jid", "name", "path"});
  RunRequest request{argv};
  request.output = OutputMode::StdoutOnly;
  request.discardStderr = true;
  std::map<std::string, RunningJail> out;
  std::istringstream text(system.run(request).output);
  for (std::string line; std::getline(text, line);) {
    std::vector<std::string> words = splitFields(line);
    if (words.size() < 2) continue;
    // "JID NAME PATH": drop the jid, then read NAME PATH as JID PATH.
    std::optional<RunningJail> rest = jidAndPath(line.substr(line.find(words[0]) + words[0].size()));
    if (rest) out[words[1]] = RunningJail{words[0], rest->path};
  }
  return out;
}

std::string configuredPath(const FsRoot& root, const std::string& name, const std::string& configFile,
                           const std::string* text) {
  if (configFile.empty()) return "";
  const JailConf conf = text ? parseJailConfText(root, *text, configFile) : parseJailConfFile(root, configFile);
  const JailConfJail* block = conf.find(name);
  return block ? block->last("path") : "";
}

std::string configuredPath(const FsRoot& root, const JailSettings& settings) {
  return configuredPath(root, settings.name, settings.configFile,
                        settings.rcConfStyle() ? &settings.generatedText : nullptr);
}

bool samePath(const std::string& a, const std::string& b) {
  return !a.empty() && withoutTrailingSlash(a) == withoutTrailingSlash(b);
}

std::optional<std::string> readJidFile(const FsRoot& root, const std::string& name) {
  std::ifstream in(root.map("/var/run/jail_" + name + ".id"));
  if (!in) return std::nullopt;
  std::string line;
  std::getline(in, line);
  std::vector<std::string> words = splitFields(line);
  return words.empty() ? std::string() : words[0];
}

std::string describeRunState(const std::optional<RunningJail>& running, const std::optional<std::string>& jidFile,
                             const std::string& configured, const std::string& name) {
  const std::string idFile = "/var/run/jail_" + name + ".id";
  if (!running) return jidFile ? idFile + " is stale" : "";
  std::string note;
  if (!configured.empty() && !running->path.empty() && !samePath(configured, running->path))
    note = "runs from " + running->path + ", not from the configured " + configured;
  else if (!jidFile)
    note = "no " + idFile + ": started outside rcjail or by a run that was killed";
  else if (*jidFile != running->jid)
    note = idFile + " says " + (jidFile->empty() ? std::string("nothing") : *jidFile);
  return note;
}

}  // namespace rcjail
