// Builds each jail's parameter list from the blocks of a configuration, as
// jail(8)'s load_config() does: the implicit name or jid, the statements of
// every matching wildcard block written before the jail, its own, those of
// matching ones written after it; then its variables are substituted.
#pragma once

#include <vector>

#include "jail_conf_model.h"
#include "jail_conf_syntax.h"

namespace rcjail {

// Every non-wildcard block as a jail, in file order, with its per-jail errors.
std::vector<JailConfJail> mergeJailConfBlocks(const std::vector<JailConfBlock>& blocks);

}  // namespace rcjail
