// Moving a network interface to another network namespace over rtnetlink
// (libmnl): how the vnet.interface interfaces of a vnet jail go back to the
// host, whether jail(8) removes the jail or the jail ends by itself (then
// its init does it before its network namespace goes, which would destroy
// a virtual interface such as one end of a veth pair).
#pragma once

#include <string>

#include "jail_identity.h"

namespace rcjail::compat {

// Moves the interface `name` of the caller's network namespace into the
// namespace `netnsFd` refers to. Error text, empty on success.
std::string moveInterfaceToNamespace(const std::string& name, int netnsFd);

// jail -r: moves the interface `name` from the jail of `init` to the
// caller's network namespace. Error text, empty on success.
std::string returnInterface(const JailInit& init, const std::string& name);

}  // namespace rcjail::compat
