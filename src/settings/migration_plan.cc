// migrate's plan: the legacy translation, parsed, rendered again with proper
// quoting, and checked against itself before a byte is written.
#include "migration_plan.h"

#include <algorithm>
#include <map>

#include "fs_root.h"
#include "legacy_config_writer.h"

namespace rcjail {

namespace {

// Suffixes that stay meaningful for a jail.conf-style jail: not removed.
bool keptAfterMigration(const std::string& suffix) {
  return suffix == "conf" || suffix == "flags" || suffix == "program" || suffix == "consolecmd";
}

bool plainName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// The legacy variables of the jail, grouped by the file that sets them.
std::map<std::string, std::vector<std::string>> legacyVariablesByFile(const Variables& vars,
                                                                       const std::string& varName) {
  std::map<std::string, std::vector<std::string>> out;
  const std::string prefix = "jail_" + varName + "_";
  for (const auto& [name, v] : vars.all()) {
    if (name.rfind(prefix, 0) != 0 || !setInAFile(v)) continue;
    std::string suffix = name.substr(prefix.size());
    std::string base = suffix;
    while (!base.empty() && base.back() >= '0' && base.back() <= '9') base.pop_back();
    const auto& known = legacySuffixes();
    bool isLegacy = std::find(known.begin(), known.end(), suffix) != known.end() ||
                    std::find(known.begin(), known.end(), base) != known.end() || base == "ip_multi";
    if (isLegacy && !keptAfterMigration(suffix)) out[v.where.file].push_back(name);
  }
  return out;
}

// Numbers stay bare (enforce_statfs = 2;), everything else is quoted.
std::string renderedValue(const std::string& value) {
  bool digits = !value.empty() && value.size() < 10 &&
                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? value : quoteJailConfString(value, true);
}

}  // namespace

std::string renderJailConfBlock(const JailConfJail& jail) {
  std::string out = (plainName(jail.name) ? jail.name : quoteJailConfString(jail.name, true)) + " {\n";
  for (const JailConfParam& p : jail.params) {
    if (p.name == "name") continue;  // the block name sets it
    if (!p.hasValue) {
      out += "\t" + p.name + ";\n";
      continue;
    }
    if (p.values.empty()) {
      out += "\t" + p.name + " = \"\";\n";
      continue;
    }
    for (size_t i = 0; i < p.values.size(); ++i)
      out += "\t" + p.name + (i == 0 ? " = " : " += ") + renderedValue(p.values[i]) + ";\n";
  }
  return out + "}\n";
}

std::string compareParameters(const JailConfJail& expected, const JailConfJail& actual) {
  auto visible = [](const JailConfJail& j) {
    std::vector<const JailConfParam*> out;
    for (const JailConfParam& p : j.params)
      if (p.name != "name") out.push_back(&p);
    return out;
  };
  auto a = visible(expected), b = visible(actual);
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    if (i >= a.size()) return "extra parameter " + b[i]->name;
    if (i >= b.size()) return "missing parameter " + a[i]->name;
    if (a[i]->name != b[i]->name) return "parameter " + a[i]->name + " became " + b[i]->name;
    if (a[i]->hasValue != b[i]->hasValue || a[i]->values != b[i]->values)
      return "parameter " + a[i]->name + " has a different value";
  }
  return "";
}

Migration planMigration(const Variables& vars, const ConfiguredJail& jail) {
  Migration m;
  m.jail = jail.name;
  m.path = "/etc/jail.conf.d/" + jail.name + ".conf";
  if (!jail.settings || !jail.settings->rcConfStyle()) {
    m.error = "jail " + jail.name + " is not configured with rc.conf jail_* variables";
    return m;
  }
  if (!jail.block) {
    m.error = "jail " + jail.name + ": " + (jail.problem.empty() ? "no parameters" : jail.problem);
    return m;
  }
  m.text = "# " + jail.name + ", migrated by rcjail from the jail_" + jail.settings->varName +
           "_* variables of rc.conf (" + jail.where.str() + ").\n" + renderJailConfBlock(*jail.block);
  try {
    FsRoot nowhere("/nonexistent-rcjail-migrate");
    JailConf back = parseJailConfText(nowhere, m.text, m.path);
    const JailConfJail* parsed = back.find(jail.name);
    if (!parsed || back.jails.size() != 1) {
      m.error = m.path + ": the written file would not define jail " + jail.name;
    } else if (std::string diff = compareParameters(*jail.block, *parsed); !diff.empty()) {
      m.error = m.path + ": read back, " + diff;
    } else if (!parsed->errors.empty()) {
      m.error = m.path + ": " + parsed->errors.front();
    }
  } catch (const JailConfError& e) {
    m.error = e.messages().empty() ? m.path + ": does not parse" : e.messages().front();
  }
  for (const auto& [file, names] : legacyVariablesByFile(vars, jail.settings->varName)) {
    std::string command = "sysrc -f " + file + " -x";
    for (const std::string& n : names) command += " " + n;
    m.sysrcCommands.push_back(command);
  }
  return m;
}

}  // namespace rcjail
