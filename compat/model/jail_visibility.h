// Which jails of the registry a caller may see, as FreeBSD lets a jail see
// only its descendants: the records made in the caller's own PID namespace,
// then, level by level, the records made inside those jails. Names of the
// deeper levels carry their ancestors' names ("basejail.nestedjail"). Pure:
// whether a jail's init runs is asked of an injected probe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "jail_record.h"

namespace rcjail::compat {

// Whether a recorded jail's init runs: Unknown when the caller cannot tell
// (the record cannot be checked), which keeps the record untouched.
enum class InitState { Live, Gone, Unknown };
using InitProbe = std::function<InitState(const JailRecord&)>;

struct RegistryView {
  std::vector<JailRecord> visible;    // running, seen by the caller, ascending jid
  std::vector<int> gone;              // records of jails known to have ended
  std::optional<JailRecord> current;  // the jail the caller runs in, if any
};

// `caller`: the caller's PID namespace. Records outside the caller's subtree
// are neither shown nor reported gone, whatever their state.
RegistryView viewRegistry(const std::vector<JailRecord>& all, const NamespaceId& caller, const InitProbe& probe);

// The jail the caller runs in, if any: the record whose init is the PID 1 of
// the caller's namespace (only such records are probed).
std::optional<JailRecord> currentJail(const std::vector<JailRecord>& all, const NamespaceId& caller,
                                      const InitProbe& probe);

// `record` as viewRegistry would show it to the caller (dotted name, parent
// as seen), or nothing when it would not: probes only the record and its
// ancestors, so that finding one jail does not cost a probe of every jail.
std::optional<JailRecord> seenByCaller(const std::vector<JailRecord>& all, const JailRecord& record,
                                       const NamespaceId& caller, const InitProbe& probe);

// The visible descendants of jail `jid`, children after their own children.
std::vector<JailRecord> descendantsDeepestFirst(const RegistryView& view, int jid);

// Creating a jail from where the view was taken, as FreeBSD's kernel allows
// it: from inside a jail only with its children.max above 0 and below that
// many descendants. The error text jail(8) prints, empty when allowed.
std::string childLimitError(const RegistryView& view);

}  // namespace rcjail::compat
