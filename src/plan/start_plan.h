// Planning a start or a stop before anything runs: which jails (with the
// dependencies a start pulls in, or the dependents a stop pulls in), in
// which order, with the exact jail(8) command lines, the
// configurations that would be generated, the deadlines and the readiness
// checks. Pure: it reads configuration files through FsRoot and sysctls
// through the functions it is given, and never runs or writes anything.
//
// rcjail's own ordering knobs (all off by default; any one of them set
// makes rcjail drive the jails itself instead of the stock code path):
// jail_parallel_limit, jail_parallel_stop, jail_<name>_depend,
// jail_start_timeout, jail_<name>_start_timeout, jail_stop_timeout,
// jail_<name>_stop_timeout, jail_<name>_ready (with jail_<name>_ready_timeout
// or jail_ready_timeout).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "dependency_graph.h"
#include "jail_settings.h"
#include "readiness_spec.h"
#include "variables.h"

namespace rcjail {

// What `jail -R` is given after a deadline, to take the jail down without
// its configuration (jail(8) still waits its default stop.timeout of 10 s).
constexpr std::chrono::seconds kForceRemoveTimeout{15};
// jail_<name>_ready_timeout when neither it nor jail_ready_timeout is set.
constexpr std::chrono::seconds kDefaultReadyTimeout{60};

// True when any of rcjail's ordering knobs is set (see above).
bool orderingKnobsSet(const Variables& vars);

// The variables this unit reads, for check's "is anyone reading this"
// rules: global ones without the jail_ prefix (parallel_limit,
// parallel_stop, start_timeout, stop_timeout, ready_timeout) and per-jail
// suffixes (depend, start_timeout, stop_timeout, ready, ready_timeout).
const std::vector<std::string>& orderingGlobals();
const std::vector<std::string>& orderingSuffixes();

struct TimeLimit {
  std::chrono::seconds value{0};
  std::string variable;  // the variable that set it; empty for rcjail's default
  Location where;
};

struct GeneratedConfig {
  std::string path;  // as jail(8) is given it (/var/run/jail.NAME.conf)
  std::string text;
};

struct PlannedJail {
  std::string name;         // jail(8) name
  std::string displayName;  // as the console shows it
  std::vector<std::string> command;        // the jail(8) argv
  std::vector<std::string> removeCommand;  // jail -R NAME: after a deadline
  // Jails of the plan that must be done first: for a start the jails it
  // depends on, for a stop the jails that depend on it.
  std::vector<std::string> after;
  int wave = 1;
  bool pulledIn = false;  // not asked for: a dependency (start) or a dependent (stop)
  std::optional<TimeLimit> deadline;
  std::optional<ReadinessCheck> ready;  // start only
  std::optional<TimeLimit> readyTimeout;
  std::optional<GeneratedConfig> config;  // written just before the command
  std::vector<Message> messages;          // parse_options' warnings, shown when the jail is handled
  bool obsoleteWarning = false;           // asks for the jail_* obsolescence warning
  std::string skipReason;                 // stock mode: the jail would be skipped, and why
  // What jail(8) would fail this jail for when it reads its block (variables
  // that are not defined or loop, ...), where the statement is.
  std::vector<PlanProblem> configErrors;
};

struct JailPlan {
  bool driver = false;  // rcjail orders and runs the jails itself: a knob is set
  bool parallel = false;
  std::optional<int> limit;                   // at most this many jails at once
  std::vector<std::string> wholeFileCommand;  // stock _ALL start: one jail(8) for the whole file
  std::vector<PlannedJail> jails;             // in the order they are tried
  std::vector<std::vector<std::string>> waves;
  std::vector<Message> messages;      // warnings about the knobs themselves
  // Configuration errors: the jails they name (and, for a start, the jails
  // that depend on those) are not run; one that names no jail stops the run.
  std::vector<PlanProblem> problems;

  const PlannedJail* find(const std::string& name) const;
};

struct StartPlan : JailPlan {};
struct StopPlan : JailPlan {};

struct PlanEnvironment {
  SettingsEnvironment settings;
  // The jails running now (jls name), in jls order: what a stop of _ALL
  // stops, and where a stop looks for the dependents of the jails it stops.
  std::vector<std::string> running;
};

// `names`: as rc.d/jail gets them (jail_list, the command line, or _ALL).
// Without a knob set the plan is the stock one (driver false), for `plan`
// to show; JailService runs the stock code path itself then.
StartPlan planStart(const Variables& vars, const std::vector<std::string>& names, const PlanEnvironment& env);
StopPlan planStop(const Variables& vars, const std::vector<std::string>& names, const PlanEnvironment& env);

// The stop that shutdown would run once the jails of `start` are up:
// jail_list (or _ALL), with those jails running.
StopPlan planShutdownStop(const Variables& vars, const StartPlan& start, const PlanEnvironment& env);

// The argv stock rc.d/jail runs to start / stop a jail by name.
std::vector<std::string> namedStartCommand(const Variables& vars, const JailSettings& s, Quirks quirks);
std::vector<std::string> namedStopCommand(const Variables& vars, const JailSettings& s);

}  // namespace rcjail
