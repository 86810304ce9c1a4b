// load_rc_config evaluated by a real /bin/sh, for rc.conf files that step
// outside what the native interpreter runs. The shell sources the files in
// rc.subr's order and then dumps every variable NUL-separated, which no value
// (newlines, quotes, '=') can break; the dump is read back into Variables.
#pragma once

#include <string>

#include "rc_conf_load.h"

namespace rcjail {

// `start` is the state the load begins with (environment and built-in
// defaults). Variables the shell creates on its own (PPID, PS1, ...) are left
// out unless a file changed them. Locations are a best effort: the last line
// of the files read that assigns the name textually, else where `start` had
// the variable if its value is unchanged, else the last file read.
// What the files print is the result's out and err; the shell's error
// messages also its errors (file and line taken from them). A load that ends
// early (`exit`, a fatal error) has `stop` set and no variables.
// Throws ConfigError when the shell cannot be run.
RcConfResult loadRcConfigWithShell(const RcConfOptions& options, const Variables& start);

// `value` in single quotes, for sh.
std::string shSingleQuote(const std::string& value);

}  // namespace rcjail
