// The inventory of configured jails.
#include "jail_inventory.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "jail_names.h"
#include "text_fields.h"

namespace rcjail {

namespace {

// The block names of every jail.conf file a jail might come from.
std::vector<std::string> jailConfNames(const FsRoot& root, const Variables& vars,
                                       const JailConfGrammarSource& grammar) {
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
      for (const JailConfJail& j : parseJailConfFile(root, file, grammar).jails) names.push_back(j.name);
    } catch (const JailConfError&) {
      // check reports it; the inventory lists what it can.
    }
  }
  return names;
}

}  // namespace

bool setInAFile(const Variable& v) {
  return !v.where.file.empty() && v.where.file != "(environment)" && v.where.file != "/etc/defaults/rc.conf";
}

std::vector<std::string> rcConfStyleJails(const Variables& vars) {
  std::set<std::string> out;
  for (const auto& [name, v] : vars.all()) {
    if (!setInAFile(v) || name.rfind("jail_", 0) != 0) continue;
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
  std::vector<std::string> others = jailConfNames(env.root, vars, env.jailConfGrammar);
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
    SettingsEnvironment settingsEnv{env.root, Quirks::Fixed, "", env.hasVimage, env.dadCount, env.jailConfGrammar};
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
                          : parseJailConfFile(env.root, j.settings->configFile, env.jailConfGrammar);
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

}  // namespace rcjail
