// Reads rc.conf the way rc.subr's `load_rc_config NAME` does: built-in
// defaults, /etc/defaults/rc.conf and its source_rc_confs (rc_conf_files, two
// passes), then rc.conf.d/NAME under /etc and every ${local_startup}.
// Evaluation is native (ShInterpreter) unless a file steps outside the sh
// subset it understands, or when sh would print an error (its words are
// /bin/sh's to give); then the whole load is redone by /bin/sh.
#pragma once

#include <optional>
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

// An error message sh printed while loading, without the shell's prefix.
struct RcConfMessage {
  Location where;  // file "" when the shell did not say
  std::string message;
};

// The load stopped before its end: `exit N` in a file, or sh stopped on an
// error. rc.d/jail ends there with `status`, printing nothing more.
struct RcConfStop {
  Location where;
  int status = 0;
  std::string reason;  // for `check`
};

struct RcConfResult {
  Variables vars;  // incomplete when `stop` is set
  std::string out, err;  // what the files wrote to stdout and stderr, byte for byte
  std::vector<RcConfMessage> errors;  // sh's error messages, in the order printed
  std::optional<RcConfStop> stop;
  std::vector<std::string> debug;  // rc.subr-style debug lines ("Sourcing FILE", fallback reasons)
  std::vector<std::string> files;  // files sourced, in order
  bool evaluatedByShell = false;
};

// The jail_* and rc.subr defaults rcjail needs when /etc/defaults/rc.conf is
// absent, assigned as `: ${v:=value}` (only where unset or empty).
void addBuiltinDefaults(Variables& vars);

// `initial` is what the shell starts with (the environment, exported). The
// built-in defaults are applied to it, then the files are loaded.
// An sh error (syntax, `${v:?}`, ...) is `errors` and `stop` as /bin/sh
// reports it; with Mode::Native it is thrown as ShError instead. Throws
// ConfigError when a limit of the native reader is passed.
RcConfResult loadRcConfig(const RcConfOptions& options, const Variables& initial);

// The process environment as exported variables (the `initial` of a real run).
Variables environmentVariables(char** envp);

}  // namespace rcjail
