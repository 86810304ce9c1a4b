// rc.conf variables for the unit tests: a tree's configuration as rcjail
// reads it, and a jail set up the obsolete jail_<name>_* way.
#pragma once

#include <string>

#include "fs_root.h"
#include "location.h"
#include "rc_conf_load.h"
#include "rc_conf_reader.h"
#include "variables.h"

namespace rcjail::testing {

// The variables of the rc.conf files under `root`, read natively (without
// /bin/sh) and from no earlier variables.
inline Variables loadNativeRcConf(const FsRoot& root) {
  RcConfOptions options{root};
  options.mode = RcConfOptions::Mode::Native;
  return loadRcConfig(options, Variables{}).vars;
}

// jail_<name>_rootdir=/j/<name>, jail_<name>_hostname (<name>.example.org
// unless given) and jail_<name>_ip=192.0.2.1, each set at `where`.
inline void setLegacyJail(Variables& vars, const std::string& name, const Location& where = {},
                          const std::string& hostname = {}) {
  vars.set("jail_" + name + "_rootdir", "/j/" + name, where);
  vars.set("jail_" + name + "_hostname", hostname.empty() ? name + ".example.org" : hostname, where);
  vars.set("jail_" + name + "_ip", "192.0.2.1", where);
}

}  // namespace rcjail::testing
