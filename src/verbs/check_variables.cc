// check's rc.conf rules: every jail_* variable set in a file must be read by
// someone; listed names must not collide once sanitised; values stock would
// write unescaped are shown with what rcjail writes; rc.conf-style jails get
// the jail.conf block that replaces them.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "check_rules.h"
#include "jail_names.h"
#include "migration_plan.h"
#include "rc_conf_reader.h"
#include "start_plan.h"
#include "text_fields.h"

namespace rcjail {

namespace {

// Knobs of rc.d/jail and of rcjail that are not per-jail suffixes.
const char* const kGlobals[] = {
    "enable", "conf",   "list",  "parallel_start", "reverse_stop", "confwarn", "program",          "jls",
    "jexec",  "consolecmd", "flags", "env",        "setup",        "offcmd",   "umask", "quirks", "quarantine_after",
    "env_file", "sysctl", "lock_timeout",
};

// Suffixes that take an index (exec_prestart0, ip_multi1, ...).
const char* const kNumbered[] = {"exec_prestart", "exec_poststart", "exec_prestop",
                                 "exec_poststop", "exec_afterstart", "ip_multi"};

bool fromAFile(const Variable& v) {
  return !v.where.file.empty() && v.where.file != "(environment)" && v.where.file != "/etc/defaults/rc.conf";
}

// The suffix without a trailing index when it is one of the numbered ones.
bool knownSuffix(const std::string& suffix) {
  const auto& known = legacySuffixes();
  if (std::find(known.begin(), known.end(), suffix) != known.end()) return true;
  const auto& ordering = orderingSuffixes();
  if (std::find(ordering.begin(), ordering.end(), suffix) != ordering.end()) return true;
  size_t end = suffix.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(suffix[end - 1]))) --end;
  if (end == suffix.size() || end == 0) return false;
  std::string base = suffix.substr(0, end);
  return std::any_of(std::begin(kNumbered), std::end(kNumbered), [&](const char* n) { return base == n; });
}

std::set<std::string> knownGlobals() {
  std::set<std::string> out;
  for (const char* g : kGlobals) out.insert(std::string("jail_") + g);
  for (const std::string& s : legacySuffixes()) out.insert("jail_" + s);
  for (const std::string& g : orderingGlobals()) out.insert("jail_" + g);
  Variables defaults;
  addBuiltinDefaults(defaults);
  for (const std::string& name : defaults.namesWithPrefix("jail_")) out.insert(name);
  return out;
}

// The candidate nearest to `word`, when it is near enough to be a typo.
std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
  std::vector<std::string> best = closestNames(word, candidates);
  return best.empty() ? "" : best.front();
}

std::vector<std::string> allSuffixNames() {
  std::vector<std::string> out = legacySuffixes();
  for (const std::string& s : orderingSuffixes()) out.push_back(s);
  for (const char* n : kNumbered) out.push_back(std::string(n) + "0");
  return out;
}

// The configured jail whose jail_V_ prefix is the longest match of `name`.
const ConfiguredJail* owner(const std::string& name, const std::vector<ConfiguredJail>& jails, std::string& suffix) {
  const ConfiguredJail* best = nullptr;
  size_t bestLength = 0;
  for (const ConfiguredJail& j : jails) {
    std::string prefix = "jail_" + variableName(j.name) + "_";
    if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 && prefix.size() > bestLength) {
      best = &j;
      bestLength = prefix.size();
    }
  }
  if (best) suffix = name.substr(bestLength);
  return best;
}

void checkUnusedVariables(const CheckInputs& in, std::vector<Finding>& out) {
  const std::set<std::string> globals = knownGlobals();
  const std::vector<std::string> suffixes = allSuffixNames();
  const bool haveList = !splitFields(in.vars.get("jail_list")).empty();
  std::set<std::string> reportedJails;
  for (const auto& [name, v] : in.vars.all()) {
    if (name.rfind("jail_", 0) != 0 || !fromAFile(v) || globals.count(name)) continue;
    std::string suffix;
    if (const ConfiguredJail* j = owner(name, in.all, suffix)) {
      if (knownSuffix(suffix)) {
        if (haveList && !j->listed && reportedJails.insert(j->name).second)
          out.push_back({Severity::Warning, v.where, j->name, "jail " + j->name + " is set up here but is not in jail_list", ""});
        continue;
      }
      std::string guess = nearest(suffix, suffixes);
      std::string prefix = name.substr(0, name.size() - suffix.size());
      out.push_back({Severity::Warning, v.where, j->name,
                     guess.empty() ? "unknown variable " + name
                                   : "unknown variable " + name + "; did you mean " + prefix + guess + "?",
                     ""});
      continue;
    }
    // jail_X_<suffix> for an X nobody configured.
    std::string jailPart;
    for (const std::string& s : legacySuffixes()) {
      std::string tail = "_" + s;
      for (const std::string& candidate : {tail, tail + "0", tail + "1", tail + "2"})
        if (name.size() > 5 + candidate.size() &&
            name.compare(name.size() - candidate.size(), candidate.size(), candidate) == 0 &&
            (candidate == tail || knownSuffix(s + candidate.substr(tail.size()))))
          jailPart = name.substr(5, name.size() - 5 - candidate.size());
    }
    if (!jailPart.empty()) {
      out.push_back({Severity::Warning, v.where, "",
                     haveList ? name + " is for jail " + jailPart + ", which is not in jail_list"
                              : name + " is for jail " + jailPart + ", which is not configured",
                     ""});
      continue;
    }
    std::string guess = nearest(name, {globals.begin(), globals.end()});
    out.push_back({Severity::Warning, v.where, "", guess.empty() ? "unknown variable " + name
                                             : "unknown variable " + name + "; did you mean " + guess + "?",
                   ""});
  }
}

void checkNameCollisions(const CheckInputs& in, std::vector<Finding>& out) {
  const Variable* list = in.vars.find("jail_list");
  if (!list) return;
  std::map<std::string, std::vector<std::string>> byVariable;
  for (const std::string& given : splitFields(list->value)) {
    auto& names = byVariable[variableName(jailName(given))];
    if (std::find(names.begin(), names.end(), given) == names.end()) names.push_back(given);
  }
  for (const auto& [var, names] : byVariable) {
    if (names.size() < 2) continue;
    std::string text;
    for (size_t i = 0; i < names.size(); ++i) text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    out.push_back({Severity::Error, list->where, "", "jail_list names " + text + " collide: all of them use the variables jail_" + var +
                                        "_* and would be configured as one jail", ""});
  }
}

// Suffixes whose value stock writes as `param = "VALUE";` with no escaping.
const std::map<std::string, std::string>& quotedSuffixes() {
  static const std::map<std::string, std::string> rows = {
      {"hostname", "host.hostname"}, {"rootdir", "path"},     {"interface", "interface"},
      {"fib", "exec.fib"},           {"consolelog", "exec.consolelog"}, {"fstab", "mount.fstab"},
      {"exec_start", "exec.start"},  {"exec_stop", "exec.stop"}, {"exec", "exec.start"},
      {"osrelease", "osrelease"},    {"osreldate", "osreldate"}, {"enforce_statfs", "enforce_statfs"},
      {"exec_prestart", "exec.prestart"},   {"exec_poststart", "exec.poststart"},
      {"exec_prestop", "exec.prestop"},     {"exec_poststop", "exec.poststop"},
      {"exec_afterstart", "exec.start"},
  };
  return rows;
}

void checkStockQuoting(const ConfiguredJail& j, const CheckInputs& in, std::vector<Finding>& out) {
  const std::string v = variableName(j.name);
  for (const auto& [name, var] : in.vars.all()) {
    std::string prefix = "jail_" + v + "_";
    if (name.rfind(prefix, 0) != 0 || !fromAFile(var)) continue;
    std::string suffix = name.substr(prefix.size());
    std::string base = suffix;
    while (!base.empty() && std::isdigit(static_cast<unsigned char>(base.back()))) base.pop_back();
    if (suffix == "parameters") {
      std::vector<std::string> words = splitFields(var.value);
      for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (i > 0 && w.find('=') == std::string::npos && words[i - 1].find('=') != std::string::npos)
          out.push_back({Severity::Error, var.where, j.name,
                         name + ": \"" + w + "\" is written as a parameter of its own (" + w +
                             ";): jail_*_parameters cannot hold a value with spaces; use jail.conf",
                         ""});
        if (w.find_first_of("\\$") != std::string::npos)
          out.push_back({Severity::Warning, var.where, j.name, name + ": \"" + w + "\" is written as is (" + w +
                                                ";), and jail.conf reads its backslashes and $ itself",
                         ""});
      }
      continue;
    }
    auto row = quotedSuffixes().find(suffix);
    if (row == quotedSuffixes().end()) row = quotedSuffixes().find(base);
    if (row == quotedSuffixes().end() || var.value.find_first_of("\"\\") == std::string::npos) continue;
    out.push_back({Severity::Note, var.where, j.name,
                   name + ": stock rc.d/jail writes " + row->second + " = \"" + var.value +
                       "\"; which jail(8) reads differently; rcjail writes " + row->second + " = " +
                       quoteJailConfString(var.value, false) + ";",
                   ""});
  }
}

void checkObsolete(const ConfiguredJail& j, std::vector<Finding>& out) {
  if (!j.settings || !j.settings->rcConfStyle() || !j.block) return;
  out.push_back({Severity::Note, j.where, j.name,
                 "configured with obsolete jail_" + j.settings->varName +
                     "_* variables; `rcjail migrate " + j.name + "` writes this /etc/jail.conf.d/" + j.name +
                     ".conf instead",
                 renderJailConfBlock(*j.block)});
}

}  // namespace

void checkVariables(const CheckInputs& in, std::vector<Finding>& out) {
  checkUnusedVariables(in, out);
  checkNameCollisions(in, out);
  const Variable* list = in.vars.find("jail_list");
  for (const ConfiguredJail& j : in.jails) {
    if (j.listed && !j.settings)
      out.push_back({Severity::Error, list ? list->where : Location{}, j.name,
                     "jail " + j.name + " is in jail_list but has no configuration (no jail.conf block, no rootdir and hostname)",
                     ""});
    else if (j.listed && !j.block && !j.problem.empty() && j.problem.rfind("no block", 0) == 0)
      out.push_back({Severity::Error, list ? list->where : Location{}, j.name, "jail " + j.name + " is in jail_list but " + j.problem, ""});
    if (!list || splitFields(list->value).empty())
      if (j.settings && j.settings->rcConfStyle())
        out.push_back({Severity::Warning, j.where, j.name,
                       "jail_list is empty, so no start reads this rc.conf-style jail (only " +
                           in.vars.get("jail_conf") + " is started)",
                       ""});
    if (j.settings && j.settings->rcConfStyle() && !j.block)
      out.push_back({Severity::Error, j.where, j.name, "the jail.conf rc.d/jail generates for this jail does not parse: " + j.problem, ""});
    checkStockQuoting(j, in, out);
    checkObsolete(j, out);
  }
}

}  // namespace rcjail
