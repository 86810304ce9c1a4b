// The two behaviours rcjail has: stock FreeBSD rc.d/jail byte for byte
// (jail_quirks="stock"), or stock with the fixes A-J of the README (default).
#pragma once

#include "variables.h"

namespace rcjail {

enum class Quirks { Fixed, Stock };

inline Quirks quirksFrom(const Variables& vars) {
  return vars.get("jail_quirks") == "stock" ? Quirks::Stock : Quirks::Fixed;
}

}  // namespace rcjail
