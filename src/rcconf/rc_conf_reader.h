// Reads rc.conf the way rc.subr's `load_rc_config NAME` does: built-in
// defaults, /etc/defaults/rc.conf and its source_rc_confs (rc_conf_files, two
// passes), then rc.conf.d/NAME under /etc and every ${local_startup}.
// Evaluation is native (ShInterpreter) unless a file steps outside the sh
// subset it understands; then the whole load is redone by /bin/sh.
#pragma once

#include <string>
#include <vector>

#include "fs_root.h"
#include "sh_limits.h"
#include "variables.h"

namespace rcjail {

struct RcConfOptions {
  FsRoot root;
  std::string service = "jail";  // NAME of load_rc_config NAME
  std::string shell = "/bin/sh"; // host path of the fallback shell
  enum class Mode { Auto, Native, Shell } mode = Mode::Auto;
  std::string arg0 = "/etc/rc.d/jail";  // $0 as the files see it
  ShLimits limits{};  // bounds of the native evaluation; exceeding one is a ConfigError, never a fallback
};

struct RcConfResult {
  Variables vars;
  std::vector<std::string> debug;  // rc.subr-style debug lines ("Sourcing FILE", fallback reasons)
  std::vector<std::string> files;  // files sourced, in order
  bool evaluatedByShell = false;
};

// The jail_* and rc.subr defaults rcjail needs when /etc/defaults/rc.conf is
// absent, assigned as `: ${v:=value}` (only where unset or empty).
void addBuiltinDefaults(Variables& vars);

// `initial` is what the shell starts with (the environment, exported). The
// built-in defaults are applied to it, then the files are loaded.
// Throws ConfigError with file and line on a syntax error or a failed `${v:?}`.
RcConfResult loadRcConfig(const RcConfOptions& options, const Variables& initial);

// The process environment as exported variables (the `initial` of a real run).
Variables environmentVariables(char** envp);

}  // namespace rcjail
