// check's rules for the mistakes that make a start fail or do nothing while
// every file still reads: the knobs rc.subr tests with checkyesno, the
// programs rc.d/jail runs, jail_conf, names listed twice, jail.conf
// parameters jail(8) does not know, two blocks of one jail, and the line a
// missing `;` really is on.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

#include "check_rules.h"
#include "jail_kernel_params.h"
#include "jail_names.h"
#include "text_fields.h"

namespace rcjail {

namespace {

Finding finding(Severity severity, const Location& where, const std::string& jail, const std::string& message) {
  Finding f;
  f.severity = severity;
  f.where = where;
  f.jail = jail;
  f.message = message;
  return f;
}

Location whereSet(const Variables& vars, const std::string& name) {
  const Variable* v = vars.find(name);
  return v ? v->where : Location{};
}

// rc.subr's checkyesno: anything but yes/no/true/false/on/off/1/0 is "not
// set properly" and counts as NO.
void checkYesNoKnobs(const Variables& vars, std::vector<Finding>& out) {
  for (const char* name : {"jail_enable", "jail_parallel_start", "jail_reverse_stop", "jail_confwarn",
                           "jail_parallel_stop"}) {
    const Variable* v = vars.find(name);
    if (!v || v->value.empty()) continue;
    if (parseYesNo(v->value)) continue;
    const bool enable = std::string(name) == "jail_enable";
    out.push_back(finding(enable ? Severity::Error : Severity::Warning, v->where, "",
                          std::string(name) + "=\"" + v->value + "\" is neither YES nor NO, and counts as NO" +
                              (enable ? ": start and stop do nothing" : "")));
  }
}

// The programs rc.d/jail runs. They run from the host's paths, --root or
// not, so that is where they must be (CheckEnvironment::programError).
void checkPrograms(const CheckInputs& in, std::vector<Finding>& out) {
  struct Program {
    const char* variable;
    Severity severity;
    const char* consequence;
  };
  for (const Program& p : {Program{"jail_program", Severity::Error, "no jail can start or stop"},
                           Program{"jail_jls", Severity::Warning, "stop and status cannot see the jails"},
                           Program{"jail_jexec", Severity::Warning, "console cannot enter a jail"}}) {
    const std::vector<std::string> words = splitFields(in.vars.get(p.variable));
    if (!in.env.programError || words.empty() || words[0].find('/') == std::string::npos) continue;
    const int error = in.env.programError(words[0]);
    if (error == 0) continue;
    const std::string why = error == ENOENT ? "does not exist" : std::string("cannot be run: ") + std::strerror(error);
    out.push_back(finding(p.severity, whereSet(in.vars, p.variable), "",
                          std::string(p.variable) + " " + words[0] + " " + why + ": " + p.consequence));
  }
}

// jail_conf: what an empty jail_list starts, and the default file of the
// jail.conf-style jails.
void checkJailConfFile(const CheckInputs& in, std::vector<Finding>& out) {
  const std::string file = in.vars.get("jail_conf");
  if (file.empty()) return;
  const std::string path = in.env.root.map(file);
  const bool used = splitFields(in.vars.get("jail_list")).empty() ||
                    std::any_of(in.all.begin(), in.all.end(), [&](const ConfiguredJail& j) {
                      return j.listed && j.settings && !j.settings->rcConfStyle() && j.settings->configFile == file;
                    });
  if (access(path.c_str(), F_OK) != 0) {
    const Variable* v = in.vars.find("jail_conf");
    if (used || (v && setInAFile(*v)))
      out.push_back(finding(Severity::Error, whereSet(in.vars, "jail_conf"), "",
                            "jail_conf " + file + " does not exist" + (used ? ": the start fails" : "")));
  } else if (!in.env.root.readable(file)) {
    out.push_back(finding(Severity::Error, whereSet(in.vars, "jail_conf"), "",
                          "jail_conf " + file + " cannot be read: " + std::strerror(errno)));
  }
}

void checkListedTwice(const CheckInputs& in, std::vector<Finding>& out) {
  std::set<std::string> seen, reported;
  for (const std::string& name : splitFields(in.vars.get("jail_list"))) {
    if (!seen.insert(name).second && reported.insert(name).second)
      out.push_back(finding(Severity::Error, whereSet(in.vars, "jail_list"), name,
                            "jail_list names " + name + " twice: the second start fails (the jail already exists)"));
  }
}

std::vector<std::string> parameterNames() {
  std::vector<std::string> out;
  for (const JailConfKnownParam& p : jailConfKnownParams()) out.emplace_back(p.name);
  for (const KernelParam& p : kernelParams()) out.emplace_back(p.name);
  return out;
}

bool knownParameter(const std::string& name) {
  return findJailConfKnownParam(name) != nullptr || resolveKernelParam(name).has_value();
}

}  // namespace

void checkStartMistakes(const CheckInputs& in, std::vector<Finding>& out) {
  checkYesNoKnobs(in.vars, out);
  checkPrograms(in, out);
  checkJailConfFile(in, out);
  checkListedTwice(in, out);
}

void checkBlocks(const JailConf& conf, std::vector<Finding>& out) {
  static const std::vector<std::string> names = parameterNames();
  std::set<std::pair<std::string, int>> reported;
  std::map<std::string, const JailConfJail*> first;
  for (const JailConfJail& j : conf.jails) {
    if (auto [it, fresh] = first.emplace(j.name, &j); !fresh)
      out.push_back(finding(Severity::Error, j.where, j.name,
                            "a second block of jail " + j.name + " (the first is at " + it->second->where.str() +
                                "): jail(8) creates the jail twice, and the second fails"));
    for (const JailConfParam& p : j.params) {
      if (knownParameter(p.name) || !reported.insert({p.where.file, p.where.line}).second) continue;
      const std::vector<std::string> near = closestNames(p.name, names, 3);
      out.push_back(finding(Severity::Error, p.where, j.name,
                            "unknown parameter " + p.name + ": jail(8) fails the jail" +
                                (near.empty() ? "" : "; did you mean " + alternatives(near) + "?")));
    }
  }
}

void placeMissingSemicolon(const FsRoot& root, Finding& f) {
  const std::string suffix = ": syntax error";
  if (f.where.line <= 1 || f.message.size() <= suffix.size() ||
      f.message.compare(f.message.size() - suffix.size(), suffix.size(), suffix) != 0)
    return;
  std::string text;
  try {
    text = root.readFile(f.where.file);
  } catch (const ConfigError&) {
    return;
  }
  std::istringstream lines(text);
  std::string line, before;
  int number = 0, beforeNumber = 0;
  while (std::getline(lines, line) && ++number < f.where.line) {
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#' || line.compare(first, 2, "//") == 0) continue;
    before = line.substr(0, line.find_last_not_of(" \t\r") + 1);
    beforeNumber = number;
  }
  if (before.empty() || before.back() == ';' || before.back() == '{' || before.back() == '}') return;
  f.message = "missing ';' at the end of this line (jail(8) says line " + std::to_string(f.where.line) + ": " +
              f.message + ")";
  f.where.line = beforeNumber;
}

}  // namespace rcjail
