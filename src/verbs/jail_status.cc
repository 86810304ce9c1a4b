// The inventory of configured jails and the `status -a` report over it.
#include "jail_status.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <set>

#include "address_list.h"
#include "host_features.h"
#include "jail_names.h"
#include "json_text.h"

namespace rcjail {

namespace {

bool fromAFile(const Variable& v) {
  return !v.where.file.empty() && v.where.file != "(environment)" && v.where.file != "/etc/defaults/rc.conf";
}

std::string joined(const std::vector<std::string>& words, const std::string& sep) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : sep) + w;
  return out;
}

// The block names of every jail.conf file a jail might come from.
std::vector<std::string> jailConfNames(const FsRoot& root, const Variables& vars) {
  std::vector<std::string> names;
  std::vector<std::string> files{vars.get("jail_conf")};
  std::error_code ec;
  std::vector<std::string> dropins;
  for (const auto& entry : std::filesystem::directory_iterator(root.map("/etc/jail.conf.d"), ec))
    if (entry.path().extension() == ".conf") dropins.push_back("/etc/jail.conf.d/" + entry.path().filename().string());
  std::sort(dropins.begin(), dropins.end());
  files.insert(files.end(), dropins.begin(), dropins.end());
  for (const std::string& file : files) {
    if (file.empty() || !root.readable(file)) continue;
    try {
      for (const JailConfJail& j : parseJailConfFile(root, file).jails) names.push_back(j.name);
    } catch (const JailConfError&) {
      // check reports it; the inventory lists what it can.
    }
  }
  return names;
}

std::string field(const std::optional<JailConfJail>& block, const char* name) {
  return block ? block->last(name) : "";
}

std::vector<std::string> addresses(const std::optional<JailConfJail>& block) {
  if (!block) return {};
  std::vector<std::string> out = block->values("ip4.addr");
  for (const std::string& a : block->values("ip6.addr")) out.push_back(a);
  return out;
}

std::string describeRecord(const std::optional<HistoryRecord>& r) {
  if (!r) return "-";
  char when[32];
  std::tm tm{};
  std::time_t t = r->time;
  localtime_r(&t, &tm);
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
  return resultName(r->result) + " " + when;
}

Json jsonRecord(const std::optional<HistoryRecord>& r) {
  if (!r) return nullptr;
  return Json{{"time", static_cast<long long>(r->time)},
              {"result", resultName(r->result)},
              {"boot", r->boot},
              {"duration_ms", r->durationMs},
              {"output", r->output}};
}

}  // namespace

std::vector<std::string> rcConfStyleJails(const Variables& vars) {
  std::set<std::string> out;
  for (const auto& [name, v] : vars.all()) {
    if (!fromAFile(v) || name.rfind("jail_", 0) != 0) continue;
    for (const char* suffix : {"_rootdir", "_hostname"}) {
      std::string s(suffix);
      if (name.size() > 5 + s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
        out.insert(name.substr(5, name.size() - 5 - s.size()));
    }
  }
  return {out.begin(), out.end()};
}

std::vector<ConfiguredJail> configuredJails(const Variables& original, const InventoryEnvironment& env) {
  Variables vars = original;
  std::vector<std::string> listed;
  for (const std::string& given : splitFields(vars.get("jail_list"))) listed.push_back(jailName(given));
  std::vector<std::string> others = jailConfNames(env.root, vars);
  for (const std::string& v : rcConfStyleJails(vars)) others.push_back(v);
  std::sort(others.begin(), others.end());

  std::vector<std::string> names;
  for (const std::string& n : listed)
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  for (const std::string& n : others)
    if (std::find(names.begin(), names.end(), n) == names.end() && n != "*") names.push_back(n);

  std::vector<ConfiguredJail> out;
  for (const std::string& name : names) {
    ConfiguredJail j;
    j.name = name;
    j.listed = std::find(listed.begin(), listed.end(), name) != listed.end();
    SettingsEnvironment settingsEnv{env.root, Quirks::Fixed, "", env.hasVimage, env.dadCount};
    SettingsResult r = resolveJailSettings(vars, name, settingsEnv);
    j.messages = r.messages;
    j.settings = r.settings;
    if (!j.settings) {
      j.problem = "no configuration";
      const Variable* v = nullptr;
      for (const char* suffix : {"rootdir", "hostname"})
        if (!v) v = vars.find(jailVariable(variableName(name), suffix));
      if (!v && j.listed) v = vars.find("jail_list");
      if (v) j.where = v->where;
      out.push_back(std::move(j));
      continue;
    }
    try {
      JailConf conf = j.settings->rcConfStyle()
                          ? parseJailConfText(env.root, j.settings->generatedText, j.settings->configFile)
                          : parseJailConfFile(env.root, j.settings->configFile);
      if (const JailConfJail* block = conf.find(name)) {
        j.block = *block;
        for (std::size_t i = 0; i < block->errors.size(); ++i)
          j.errors.push_back(block->errorLocations[i].str() + ": " + block->errors[i]);
      } else j.problem = "no block \"" + name + "\" in " + j.settings->configFile;
    } catch (const JailConfError& e) {
      j.problem = e.messages().empty() ? "unreadable" : e.messages().front();
    }
    if (j.settings->rcConfStyle()) {
      const Variable* v = vars.find(jailVariable(j.settings->varName, "rootdir"));
      j.where = v ? v->where : Location{};
    } else if (j.block) {
      j.where = j.block->where;
    } else {
      j.where = {j.settings->configFile, 0};
    }
    out.push_back(std::move(j));
  }
  return out;
}

std::map<std::string, std::string> runningJids(JailSystem& system, const Variables& vars) {
  std::vector<std::string> argv = splitFields(vars.get("jail_jls"));
  argv.insert(argv.end(), {"jid", "name"});
  RunRequest request{argv};
  request.output = OutputMode::StdoutOnly;
  request.discardStderr = true;
  std::map<std::string, std::string> out;
  std::string text = system.run(request).output;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::vector<std::string> words = splitFields(text.substr(pos, nl == std::string::npos ? nl : nl - pos));
    if (words.size() >= 2) out[words[1]] = words[0];
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

std::string formatStatus(const std::vector<ConfiguredJail>& jails, const std::map<std::string, std::string>& jids,
                         const std::vector<HistoryRecord>& history, const StatusOptions& options) {
  std::string out;
  if (options.json) {
    Json list = Json::array();
    for (const ConfiguredJail& j : jails) {
      auto jid = jids.find(j.name);
      LastOutcomes last = lastOutcomes(history, j.name);
      // jls prints the jid as a number; keep it one in JSON, whatever else as text.
      Json jidValue = jid == jids.end() ? Json(nullptr) : Json(jid->second);
      if (jid != jids.end() && !jid->second.empty() && jid->second.size() < 10 &&
          jid->second.find_first_not_of("0123456789") == std::string::npos) jidValue = std::stoi(jid->second);
      list.push_back(Json{{"name", j.name},
                          {"jid", jidValue},
                          {"hostname", field(j.block, "host.hostname")},
                          {"addresses", addresses(j.block)},
                          {"path", field(j.block, "path")},
                          {"configured", j.where.str()},
                          {"listed", j.listed},
                          {"problem", j.problem},
                          {"errors", j.errors},
                          {"last_start", jsonRecord(last.start)},
                          {"last_stop", jsonRecord(last.stop)}});
    }
    return jsonText(list);
  }
  for (const ConfiguredJail& j : jails) {
    auto jid = jids.find(j.name);
    LastOutcomes last = lastOutcomes(history, j.name);
    std::vector<std::string> addrs = addresses(j.block);
    out += j.name + "\n";
    out += "  jid:        " + (jid == jids.end() ? std::string("- (not running)") : jid->second) + "\n";
    out += "  hostname:   " + (field(j.block, "host.hostname").empty() ? "-" : field(j.block, "host.hostname")) + "\n";
    out += "  addresses:  " + (addrs.empty() ? "-" : joined(addrs, " ")) + "\n";
    out += "  path:       " + (field(j.block, "path").empty() ? "-" : field(j.block, "path")) + "\n";
    out += "  configured: " + j.where.str() + (j.listed ? " (jail_list)" : "") +
           (j.problem.empty() ? "" : " (" + j.problem + ")") + "\n";
    for (const std::string& e : j.errors) out += "  error:      " + e + " (jail(8) fails it)\n";
    out += "  last start: " + describeRecord(last.start) + "\n";
    out += "  last stop:  " + describeRecord(last.stop) + "\n";
  }
  return out;
}

int runStatusAll(const VerbContext& ctx, const std::vector<std::string>& args) {
  StatusOptions options;
  for (const std::string& a : args) {
    if (a == "--json") {
      options.json = true;
    } else if (a != "-a" && a != "--all") {
      ctx.console.printError("usage: rcjail status -a [--json]\n");
      return 2;
    }
  }
  const HostFeatures host = hostFeatures(ctx.system);
  std::vector<ConfiguredJail> jails = configuredJails(ctx.vars, {ctx.root, host.hasVimage, host.dadCount});
  ctx.console.flush();
  std::map<std::string, std::string> jids = runningJids(ctx.system, ctx.vars);
  ctx.console.print(formatStatus(jails, jids, readHistory(ctx.root), options));
  ctx.console.flush();
  return 0;
}

}  // namespace rcjail
