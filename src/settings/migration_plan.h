// The pure part of `rcjail migrate`: an rc.conf-style jail (jail_NAME_*
// variables) rendered as an /etc/jail.conf.d/NAME.conf file with the same
// parameters, properly quoted, verified by parsing it back, and the sysrc(8)
// commands that remove the old variables.
#pragma once

#include <string>
#include <vector>

#include "jail_conf.h"
#include "jail_inventory.h"
#include "variables.h"

namespace rcjail {

// A jail.conf block with the parameters of `jail`, in order, every value
// quoted so that it parses back exactly (list parameters one `+=` a value).
std::string renderJailConfBlock(const JailConfJail& jail);

struct Migration {
  std::string jail;
  std::string path;                      // /etc/jail.conf.d/NAME.conf
  std::string text;                      // the file
  std::vector<std::string> sysrcCommands;  // one per rc.conf file holding variables
  std::string error;                     // "" when the migration is sound
};

// The migration of one rc.conf-style jail, verified: parsed back, `text`
// gives exactly the parameters of the legacy translation (else `error`).
Migration planMigration(const Variables& vars, const ConfiguredJail& jail);

// The parameter lists of two blocks, compared as jail(8) reads them: "" when
// equal, else the first difference.
std::string compareParameters(const JailConfJail& expected, const JailConfJail& actual);

}  // namespace rcjail
