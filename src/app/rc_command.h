// rc.subr's run_rc_command as it applies to rc.d/jail, and the script's own
// tail: prefixes (fast, force, one, quiet), the jail_enable check and its
// exemptions, the verb table with the built-in verbs (rcvar, enabled,
// describe, extracommands, enable, disable, delete, restart, poll) and the
// custom ones handed to JailService, and the usage text.
#pragma once

#include <string>
#include <vector>

#include "jail_service.h"

namespace rcjail {

struct RcState {
  bool fast = false;
  bool force = false;
  bool quiet = false;
  bool restartDone = false;
};

class RcCommand {
 public:
  explicit RcCommand(ServiceEnvironment env) : env_(env) {}

  // What rc.d/jail does with its arguments ("start", "start a b", "faststart"...).
  int runScript(const std::vector<std::string>& args);
  // run_rc_command ARG [EXTRA...]; namesFromList: the names came from jail_list.
  int run(const std::string& arg, const std::vector<std::string>& extra, RcState state, bool namesFromList);

  // "start|stop|...|poll", the keyword list of the usage text.
  static std::string keywordList();

 private:
  int runScriptArgs(const std::vector<std::string>& args);
  int usage();
  int runBuiltin(const std::string& verb, const std::string& prefix, const std::vector<std::string>& extra,
                 RcState state, bool namesFromList);
  int runCustom(const std::string& verb, const std::vector<std::string>& extra, const RcState& state,
                bool namesFromList);
  int setEnabled(bool on);
  int deleteEnabled();
  int restart(const std::string& prefix, const std::vector<std::string>& extra, RcState state, bool namesFromList);
  int runShellHook(const std::string& code);
  bool checkYesNo(const std::string& name);

  ServiceEnvironment env_;
};

}  // namespace rcjail
