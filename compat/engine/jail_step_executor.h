// Carries out one step of a jail's create or remove sequence: starts its
// command (the runner waits for it), talks to the jail's init, registers and
// unregisters the jail, and prints what jail(8) prints for it.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "jail_registry.h"
#include "jail_reporter.h"
#include "jail_task.h"

namespace rcjail::compat {

struct ExecutorSettings {
  bool printJid = false;            // -i
  std::ostream* jidFile = nullptr;  // -J
  std::string separator = "\t";
  bool legacyStyle = false;         // -J lines in the legacy format
  bool noteRemove = false;          // print "removed" for -r (config file, several or wildcard targets)
  HostFacts host;
};

enum class StepOutcome {
  Done,
  Waiting,   // a command or the stop.timeout wait is running
  NeedSlot,  // the -p limit is reached; try again when a command ends
  Failed,
};

enum class ModifyOutcome { Updated, Failed, NeedsRestart };

class StepExecutor {
 public:
  StepExecutor(const JailRegistry& registry, JailReporter& reporter, ExecutorSettings settings);

  StepOutcome run(JailTask& task, const Step& step, bool slotFree);
  // The command the task waited for has ended; false when that is a failure
  // (the message has been printed).
  bool commandEnded(JailTask& task, int waitStatus);
  void commandTimedOut(JailTask& task);
  // stop.timeout: true once no process of the jail is left or time is up.
  bool terminateFinished(JailTask& task);
  // jail -m on a running jail.
  ModifyOutcome modify(JailTask& task);

  const JailRegistry& registry() const { return registry_; }
  JailReporter& reporter() { return reporter_; }

 private:
  StepOutcome runCommand(JailTask& task, const Step& step, bool slotFree);
  StepOutcome moveInterface(JailTask& task, const Step& step);
  StepOutcome spawnHolder(JailTask& task);
  StepOutcome changeAddress(JailTask& task, const Step& step);
  // A step jail(8) does itself where FreeBSD runs `argv`: -v shows argv, and
  // a failure is reported as argv's, after the error's own line.
  StepOutcome asCommand(JailTask& task, const std::vector<std::string>& argv,
                        const std::function<std::string()>& action);
  StepOutcome mount(JailTask& task, const Step& step);
  StepOutcome create(JailTask& task);
  StepOutcome clearPersist(JailTask& task);
  StepOutcome terminate(JailTask& task);
  StepOutcome remove(JailTask& task);
  // The proven init of the task's jail; nullptr with `error` set when there
  // is none or the record does not match what runs.
  const JailInit* initOf(JailTask& task, std::string& error) const;


  const JailRegistry& registry_;
  JailReporter& reporter_;
  ExecutorSettings settings_;
};

}  // namespace rcjail::compat
