// Network interfaces over rtnetlink (libmnl), without a process of their
// own. Moving one to another network namespace: how the vnet.interface
// interfaces of a vnet jail go into it, and back to the host whether jail(8)
// removes the jail or the jail ends by itself (then its init does it before
// its network namespace goes, which would destroy a virtual interface such
// as one end of a veth pair). Adding and removing an address: ip4.addr and
// ip6.addr entries with an interface, as FreeBSD's jail(8) does with ifconfig.
#pragma once

#include <string>

#include "jail_identity.h"
#include "jail_spec.h"

namespace rcjail::compat {

// Moves the interface `name` of the caller's network namespace into the
// namespace `netnsFd` refers to. Error text, empty on success.
std::string moveInterfaceToNamespace(const std::string& name, int netnsFd);

// Adds `address` to its interface (an error if it is there already, as
// `ip addr add`), or removes it. Error text in ip(8)'s words, empty on
// success.
std::string changeInterfaceAddress(const InterfaceAddress& address, bool add);

// vnet.interface: moves the interface `name` of the caller's network
// namespace into the jail of `init`. Error text in ip(8)'s words, empty on
// success.
std::string giveInterface(const JailInit& init, const std::string& name);

// jail -r: moves the interface `name` from the jail of `init` to the
// caller's network namespace. Error text, empty on success.
std::string returnInterface(const JailInit& init, const std::string& name);

}  // namespace rcjail::compat
