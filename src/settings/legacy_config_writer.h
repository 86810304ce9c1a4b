// Turns the legacy rc.conf variables of one jail (jail_<name>_*, falling back
// to the global jail_*) into the jail.conf block rc.d/jail writes to
// /var/run/jail.<name>.conf, line for line.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "fs_root.h"
#include "message.h"
#include "quirks.h"
#include "variables.h"

namespace rcjail {

struct LegacyJail {
  std::string name;     // the jail(8) name (X)
  std::string varName;  // the variable part (JV)
};

struct LegacyConfigInputs {
  const Variables& vars;
  LegacyJail jail;
  Quirks quirks = Quirks::Fixed;
  const FsRoot& root;             // where mount.fstab readability is tested
  std::string timestamp;          // "YYYY-MM-DD HH:MM:SS", local time
  std::function<int()> dadCount;  // net.inet6.ip6.dad_count, asked only for IPv6 jails
};

struct LegacyConfig {
  std::string text;               // the whole file
  std::vector<Message> messages;  // warnings and checkyesno debug lines, in order
};

LegacyConfig writeLegacyConfig(const LegacyConfigInputs& in);

// The exec.start / exec.stop pair rc.d/jail chooses: jail_<n>_exec (legacy,
// empty stop), else exec_start (default /bin/sh /etc/rc, and only then the
// default stop /bin/sh /etc/rc.shutdown jail), no global fallback.
struct ExecPair {
  std::string start;
  std::string stop;
};
ExecPair legacyExecCommands(const Variables& vars, const std::string& varName);

// Every legacy suffix rcjail understands, for `check` and `migrate`: the
// numbered ones (exec_prestart and the like) without their index.
const std::vector<std::string>& legacySuffixes();

}  // namespace rcjail
