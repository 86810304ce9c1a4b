// The one answer, for every verb, to the sysctl questions that shape a
// jail's configuration: does the kernel have VIMAGE (a jail without an
// address needs it), how many duplicate address probes does IPv6 make
// (the generated config waits that long + 1), and which release is it (its
// jail(8) reads jail.conf with the grammar of that release). start, plan,
// check, migrate and status all read them through here, so they agree.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "jail_conf.h"
#include "jail_system.h"

namespace rcjail {

struct HostFeatures {
  // kern.features.vimage exists, whatever its value: rc.subr's
  // check_kern_features asks the oid, not its value.
  std::function<bool()> hasVimage;
  // net.inet6.ip6.dad_count, see dadCountFrom.
  std::function<int()> dadCount;
  // The jail.conf grammar of the host's jail(8), from kern.osreldate (see
  // jailConfGrammarFor; no answer, as on Linux: the current grammar).
  JailConfGrammarSource jailConfGrammar = {};
};

// Asks `system` on first use and at most once per question for all the
// copies of the result (stock caches check_kern_features the same way).
// `system` must outlive the functions.
HostFeatures hostFeatures(JailSystem& system);

// What the stock `$(( $(sysctl -n net.inet6.ip6.dad_count) + 1 ))` takes for
// the count: the number the answer holds, 0 when there is no such oid (the
// arithmetic then sees an empty operand) or the answer is not a number.
int dadCountFrom(const std::optional<std::string>& answer);

// kern.osreldate as a number; nullopt when there is no such oid or the
// answer is not a number.
std::optional<long> osreldateFrom(const std::optional<std::string>& answer);

}  // namespace rcjail
