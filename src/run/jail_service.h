// The verbs of rc.d/jail itself: start, stop, config, console, status, and
// the start_postcmd warning. Everything the stock script prints, runs and
// writes, through Console and JailSystem only. When one of rcjail's ordering
// knobs is set (start_plan.h), start and stop go through a plan instead:
// dependency order, bounded parallelism, deadlines and readiness checks
// (jail_service_driver.cc); otherwise the stock code paths run unchanged.
#pragma once

#include <atomic>
#include <chrono>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "console.h"
#include "fs_root.h"
#include "host_features.h"
#include "jail_outcome.h"
#include "jail_settings.h"
#include "jail_system.h"
#include "quirks.h"
#include "start_plan.h"
#include "variables.h"

namespace rcjail {

// rc.subr's `err N`: the script exits with N at once.
struct RcExit {
  int status;
};

struct ServiceEnvironment {
  Variables& vars;
  Console& console;
  JailSystem& system;
  const FsRoot& root;  // /var/run and configuration paths are mapped through it
  std::function<std::time_t()> now;
  OutcomeSink* outcomes = nullptr;  // told about every jail started or stopped
  // Asked before each jail (or wave) is started or stopped: true stops
  // there, and the jails not yet handled are reported Skipped. Empty: never.
  std::function<bool()> interrupted = {};
  // The run before this one was killed part way (it left the run lock's
  // file behind): a configured jail found running under its name and path
  // without its id file is taken as started by it (default mode only).
  bool afterKilledRun = false;
};


class JailService {
 public:
  explicit JailService(ServiceEnvironment env);

  // Each returns what the shell function would return.
  int start(const std::vector<std::string>& names);
  int stop(const std::vector<std::string>& names);
  int config(const std::vector<std::string>& names);
  int console(const std::vector<std::string>& args);
  int status();
  // start_postcmd (jail_warn): the obsolescence warning, and in the default
  // mode the failure status of the start (fix F).
  int warnObsolete();

  Quirks quirks() const { return quirks_; }

 private:
  struct Prepared {
    JailSettings settings;
    std::vector<std::string> command;  // jail(8) argv
  };
  struct JailRun;  // what one jail's thread found (driver)
  class PlanRun;   // the state of one runPlan (driver)
  SettingsEnvironment settingsEnvironment();
  std::optional<JailSettings> parseOptions(const std::string& name);
  bool writeGeneratedConfig(const JailSettings& s);
  std::vector<std::string> startCommand(const JailSettings& s) const;
  // `lookup`: its `jls -j NAME jid`, already running (parallel start).
  void startOne(const Prepared& p, const RunResult& result, std::chrono::milliseconds duration,
                std::unique_ptr<RunningProcess> lookup = nullptr);
  RunRequest jidLookup(const std::string& name) const;
  void report(const std::string& jail, const char* verb, JailResult result, const std::string& output,
              std::chrono::milliseconds duration = std::chrono::milliseconds(0));
  bool interrupted() const { return env_.interrupted && env_.interrupted(); }
  void writeJidFile(const std::string& name, const std::string& jid);
  void removeJidFile(const std::string& name);
  bool isRunning(const std::string& name);
  // Default mode: the jid of `name` when it runs from `path` and was started
  // by rcjail (its id file holds that jid, or the run before was killed);
  // "" when not.
  std::string startedBefore(const std::string& name, const std::string& path) const;
  void removeStaleRunFiles(std::vector<std::string> keep, bool askJls);
  std::vector<std::string> stillConfigured(const std::vector<std::string>& names) const;
  int startAll();
  int stopAll();
  int finishStart();
  // The driver (jail_service_driver.cc).
  int driveStart(const std::vector<std::string>& names);
  int driveStop(const std::vector<std::string>& names);
  bool reportProblems(const JailPlan& plan, const char* verbPast);
  void runPlan(const JailPlan& plan, bool start);
  JailRun startJail(const PlannedJail& j, const std::atomic<bool>& stopping) const;
  JailRun stopJail(const PlannedJail& j) const;
  bool jailExists(const std::string& name) const;
  void showStart(const PlannedJail& j, const JailRun& r, bool lines);
  void showStop(const PlannedJail& j, const JailRun& r, bool lines);
  std::string timestamp() const;
  bool checkYesNo(const std::string& name);
  std::string varRun(const std::string& file) const;

  ServiceEnvironment env_;
  Quirks quirks_;
  bool obsoleteWarning_ = false;  // _confwarn
  bool failed_ = false;           // fix F
  HostFeatures host_;             // kern.features.vimage and dad_count, asked once
};

// rc.subr's reverse_list.
std::vector<std::string> reversed(std::vector<std::string> names);

}  // namespace rcjail
