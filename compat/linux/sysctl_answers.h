// The oids the compat sysctl(8) knows, answered from Linux's /proc: what
// rcjail asks (jail_sysctl) to decide how it configures a jail.
#pragma once

#include <optional>
#include <string>

namespace rcjail::compat {

// The value FreeBSD's `sysctl -n NAME` would print, or nullopt when NAME is
// an unknown oid here. procRoot is "/proc" but for tests.
//   kern.features.vimage     "1" where the kernel has network namespaces
//                            (what the compat jail(8) builds vnet on)
//   net.inet6.ip6.dad_count  the duplicate address probes of a new
//                            interface (conf/default/dad_transmits), where IPv6 is
std::optional<std::string> sysctlAnswer(const std::string& name, const std::string& procRoot = "/proc");

}  // namespace rcjail::compat
