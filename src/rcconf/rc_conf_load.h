// What one load of rc.conf takes and gives: the options (root, service,
// shell, mode, limits) and the result (variables, the files' own output,
// sh's errors, an early stop). Shared by the native reader and the /bin/sh
// fallback, so that neither needs the other's header.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fs_root.h"
#include "location.h"
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
  // How the fallback shell runs under a root other than "/". Chroot (what
  // `rcjail --root` asks for): chrooted into the root, so that whatever the
  // files run acts on the root's paths, never the host's; refused (a
  // ConfigError) when this process cannot chroot or the root has no /bin/sh.
  // HostPaths: on the host, only the paths the load sources itself mapped,
  // for trees whose files name nothing outside them.
  enum class ShellConfinement { Chroot, HostPaths } confinement = ShellConfinement::HostPaths;
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

}  // namespace rcjail
