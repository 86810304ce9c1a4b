// The jail_<name>_ip and jail_<name>_ip_multi<N> values turned into jail.conf
// ip4.addr / ip6.addr lines: comma lists, "IFACE|" prefixes, /prefix,
// /dotted-netmask and "netmask MASK" forms, default /32 and /128.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quirks.h"

namespace rcjail {

struct JailAddress {
  bool inet6 = false;
  std::string value;  // "em0|192.0.2.10/32", unquoted
};

struct AddressList {
  std::vector<JailAddress> addresses;
  std::vector<std::string> warnings;  // rc.subr warn texts, in order
  bool hasInet6() const;
};

// One address variable with the jail's interface (per-jail or global).
// Stock: the value and the interface are word-split as the unquoted shell call
// does (so "ADDR netmask MASK" breaks and empty elements shift the interface
// into the address); Fixed: fixes C and D.
void addAddressOption(std::string_view value, std::string_view interface, Quirks quirks,
                      AddressList& out);

}  // namespace rcjail
