// Every jail the configuration knows about, running or not (jail_list, the
// jail.conf files, rc.conf-style jail_*_rootdir variables), with the
// parameters jail(8) would get and where they come from: what
// `rcjail status -a` prints and what `check` and `migrate` walk over.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fs_root.h"
#include "jail_conf.h"
#include "jail_settings.h"
#include "location.h"
#include "message.h"
#include "variables.h"

namespace rcjail {

struct ConfiguredJail {
  std::string name;                   // jail(8) name
  bool listed = false;                // named in jail_list
  std::optional<JailSettings> settings;  // nullopt: rc.d/jail would skip it
  std::vector<Message> messages;      // what resolving the settings said
  std::optional<JailConfJail> block;  // the block jail(8) would read for it
  std::string problem;                // why there is no block ("" when there is)
  // What jail(8) would fail the block for, as "FILE:LINE: message".
  std::vector<std::string> errors;
  Location where;                     // where it is configured
};

struct InventoryEnvironment {
  const FsRoot& root;
  std::function<bool()> hasVimage;
  std::function<int()> dadCount;  // net.inet6.ip6.dad_count for the legacy translation
  JailConfGrammarSource jailConfGrammar = {};  // of the host's jail(8); empty: the current one
};

// Names in jail_list order, then the others sorted. `vars` is copied: the
// settings resolution assigns variables as a side effect.
std::vector<ConfiguredJail> configuredJails(const Variables& vars, const InventoryEnvironment& env);

// The variable part V of every jail_V_rootdir / jail_V_hostname set in a file
// (not a default): the rc.conf-style jails.
std::vector<std::string> rcConfStyleJails(const Variables& vars);

// Whether `v` was set by an rc.conf file (not the environment, not
// /etc/defaults/rc.conf).
bool setInAFile(const Variable& v);

}  // namespace rcjail
