// Reads rc.conf the way rc.subr's `load_rc_config NAME` does: built-in
// defaults, /etc/defaults/rc.conf and its source_rc_confs (rc_conf_files, two
// passes), then rc.conf.d/NAME under /etc and every ${local_startup}.
// Evaluation is native (ShInterpreter) unless a file steps outside the sh
// subset it understands, or when sh would print an error (its words are
// /bin/sh's to give); then the whole load is redone by /bin/sh.
#pragma once

#include "rc_conf_load.h"
#include "variables.h"

namespace rcjail {

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
