// What a jail may do with each address family, as FreeBSD's kernel decides
// it from ip4 / ip4.addr / ip6 / ip6.addr / vnet (sys/kern/kern_jail.c,
// sys/netinet/in_jail.c): the whole family (inherit), only the listed
// addresses (new), or nothing (disable, or new without an address).
#pragma once

#include <string>
#include <vector>

#include "jail_record.h"

namespace rcjail::compat {

struct FamilyRules {
  bool inherit = true;                 // the host's network, unrestricted
  std::vector<std::string> addresses;  // !inherit: the only ones; none refuses the family
  bool operator==(const FamilyRules&) const = default;
};

struct NetworkRules {
  FamilyRules ip4;
  FamilyRules ip6;
  // Whether the jail needs its socket hooks at all.
  bool confined() const { return !ip4.inherit || !ip6.inherit; }
};

// The ip4 / ip6 value a new jail is recorded with when none is given:
// FreeBSD makes a non-vnet jail without addresses of a family unable to use
// it (kern_jail.c sets PR_IP4_USER, with no address, when neither ip4 nor
// ip4.addr was given); with addresses it is "new"; a vnet jail has a
// network stack of its own and the family is its to use.
std::string defaultFamilyMode(bool vnet, bool addressesGiven);

// The rules of a jail from its record (ip4, ip4.addr, ip6, ip6.addr, vnet).
NetworkRules networkRulesOf(const JailRecord& record);

}  // namespace rcjail::compat
