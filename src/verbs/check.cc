// Runs the rule sets of `check` over the configured jails and formats what
// they found.
#include "check.h"

#include <net/if.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>

#include "boot_history.h"
#include "check_rules.h"
#include "host_features.h"
#include "jail_names.h"
#include "json_text.h"
#include "start_plan.h"
#include "shutdown_budget.h"

namespace rcjail {

bool hostInterfaceExists(const std::string& name) { return if_nametoindex(name.c_str()) != 0; }

int programError(const std::string& path) { return access(path.c_str(), X_OK) == 0 ? 0 : errno; }

void checkShutdownBudget(const CheckInputs& in, std::vector<Finding>& out) {
  // The ordering unit plans the boot's start and the shutdown's stop that
  // follows it; nothing is reported when no ordering knob is set.
  PlanEnvironment env{{in.env.root, Quirks::Fixed, "", in.env.hasVimage, in.env.dadCount}, {}};
  PlanCheck plans;
  try {
    plans = checkPlans(in.vars, env);
  } catch (const ConfigError& e) {
    out.push_back({Severity::Error, e.where(), "", e.what(), ""});
    return;
  }
  for (const PlanProblem& p : plans.problems) out.push_back({Severity::Error, p.where, "", p.message, ""});
  const Variable* timeout = in.vars.find("rcshutdown_timeout");
  for (const std::string& b : plans.budget) out.push_back({Severity::Warning, timeout ? timeout->where : Location{}, "", b, ""});
}

namespace {

void checkQuarantine(const CheckInputs& in, std::vector<Finding>& out) {
  int after = quarantineAfter(in.vars);
  if (after == 0) return;
  std::vector<HistoryRecord> history = readHistory(in.env.root);
  const Variable* knob = in.vars.find("jail_quarantine_after");
  for (const ConfiguredJail& j : in.jails)
    if (quarantined(history, j.name, after))
      out.push_back({Severity::Warning, knob ? knob->where : Location{}, j.name,
                     "quarantined: its start failed at the last " + std::to_string(after) +
                         " boots; the next boot skips it (start it by hand to clear this)",
                     ""});
}

}  // namespace

std::vector<Finding> checkConfiguration(const Variables& vars, const CheckEnvironment& env,
                                        const std::vector<std::string>& only) {
  std::vector<ConfiguredJail> all = configuredJails(vars, {env.root, env.hasVimage, env.dadCount, env.jailConfGrammar});
  std::vector<ConfiguredJail> jails;
  for (const ConfiguredJail& j : all)
    if (only.empty() || std::find(only.begin(), only.end(), j.name) != only.end()) jails.push_back(j);
  std::vector<Finding> out;
  for (const std::string& name : only) {
    if (std::any_of(all.begin(), all.end(), [&](const ConfiguredJail& j) { return j.name == name; })) continue;
    // Built member by member: for a braced temporary here, g++ 12 at -O2 and
    // above warns that its strings may be used uninitialized (they are not).
    Finding unknown;
    unknown.severity = Severity::Error;
    unknown.where = {"(command line)", 0};
    unknown.jail = name;
    unknown.message = "no jail " + name + " is configured";
    out.push_back(std::move(unknown));
  }
  CheckInputs in{vars, env, jails, all};
  checkVariables(in, out);
  checkStartMistakes(in, out);
  checkHost(in, out);
  checkJailConf(in, out);
  checkShutdownBudget(in, out);
  checkQuarantine(in, out);
  // One report per distinct problem, in file order.
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.where.file, a.where.line) < std::tie(b.where.file, b.where.line);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Finding& a, const Finding& b) {
                          return a.where == b.where && a.jail == b.jail && a.message == b.message;
                        }),
            out.end());
  return out;
}

std::string formatFindings(const std::vector<Finding>& findings, bool json) {
  std::string out;
  if (json) {
    Json list = Json::array();
    for (const Finding& f : findings)
      list.push_back(Json{{"file", f.where.file},
                          {"line", f.where.line},
                          {"severity", severityName(f.severity)},
                          {"jail", f.jail},
                          {"message", f.message},
                          {"detail", f.detail}});
    return jsonText(list);
  }
  for (const Finding& f : findings) {
    out += f.where.str() + ": " + severityName(f.severity) + ": " + (f.jail.empty() ? "" : f.jail + ": ") + f.message +
           "\n";
    size_t start = 0;
    while (start < f.detail.size()) {
      size_t nl = f.detail.find('\n', start);
      if (nl == std::string::npos) nl = f.detail.size();
      out += "    " + f.detail.substr(start, nl - start) + "\n";
      start = nl + 1;
    }
  }
  return out;
}

namespace {

// "2 warnings, 1 note" on stderr, so that the report on stdout stays findings only.
std::string summary(const std::vector<Finding>& findings) {
  if (findings.empty()) return "rcjail check: no problems found\n";
  std::string out;
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Note}) {
    auto count = std::count_if(findings.begin(), findings.end(), [s](const Finding& f) { return f.severity == s; });
    if (count == 0) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + severityName(s) + (count == 1 ? "" : "s");
  }
  return "rcjail check: " + out + "\n";
}

}  // namespace

int runCheck(const VerbContext& ctx, const std::vector<std::string>& args) {
  const char* usage = "usage: rcjail check [--json] [--severity=error|warning|note] [NAME...]\n";
  bool json = false;
  Severity threshold = Severity::Note;
  std::vector<std::string> names;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::optional<std::string> level;
    if (a == "--severity" || a == "-S") level = i + 1 < args.size() ? args[++i] : "";
    else if (a.rfind("--severity=", 0) == 0) level = a.substr(11);
    if (a == "--json") {
      json = true;
    } else if (level) {
      std::optional<Severity> s = parseSeverity(*level);
      if (!s) {
        ctx.console.printError("rcjail check: unknown severity \"" + *level + "\"\n" + usage);
        return 1;
      }
      threshold = *s;
    } else if (!a.empty() && a[0] == '-') {
      ctx.console.printError(usage);
      return 1;
    } else {
      names.push_back(jailName(a));
    }
  }
  const HostFeatures host = hostFeatures(ctx.system);
  CheckEnvironment env{ctx.root, host.hasVimage, hostInterfaceExists, host.dadCount, host.jailConfGrammar,
                       programError};
  // sh's errors while reading rc.conf come first; a load that stopped early
  // (`exit`, a fatal error) left too little to check anything else.
  std::vector<Finding> findings;
  for (const RcConfMessage& m : ctx.load.errors) findings.push_back({Severity::Error, m.where, "", m.message, ""});
  const RcConfStop* stop = ctx.load.stop ? &*ctx.load.stop : nullptr;
  if (stop && (findings.empty() || findings.back().where != stop->where || findings.back().message != stop->reason))
    findings.push_back({Severity::Error, stop->where, "", stop->reason, ""});
  try {
    if (!stop) {
      std::vector<Finding> rest = checkConfiguration(ctx.vars, env, names);
      findings.insert(findings.end(), rest.begin(), rest.end());
    }
  } catch (const ConfigError& e) {
    ctx.console.printError("rcjail check: " + e.describe() + "\n");
    return 2;
  }
  // Severity is ordered worst first: a finding is kept when it is at least as bad.
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [threshold](const Finding& f) { return f.severity > threshold; }),
                 findings.end());
  ctx.console.print(formatFindings(findings, json));
  if (!json) ctx.console.printError(summary(findings));
  ctx.console.flush();
  if (stop) return 2;  // the load ended early: too little was read to judge the rest
  bool serious = std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity != Severity::Note; });
  return serious ? 1 : 0;
}

}  // namespace rcjail
