// The kernel parameters of FreeBSD jails as the Linux jail(8) knows them:
// each enforced with namespaces or only recorded for jls, with its type and
// the value jls shows when a jail did not set it. One row per parameter. (The
// internal parameters jail(8) acts on are jail_conf.h's known-parameter table.)
// Here, below compat/, because `rcjail check` also needs the one list of the
// names a jail.conf file may use.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rcjail {

enum class ParamType {
  Boolean,  // "true"/"false", or an integer
  Integer,
  String,
  Ip4List,  // array of IPv4 addresses
  Ip6List,
  JailSys,  // "disable" / "new" / "inherit" (0 / 1 / 2)
};

enum class OnLinux {
  Enforced,  // a namespace, a mount, the registry or the jail's restrictions make it true
  Recorded,  // accepted, stored and shown by jls, but Linux does not enforce it
  ReadOnly,  // reported by jls, cannot be set
};

struct KernelParam {
  std::string_view name;
  ParamType type;
  bool createOnly;  // FreeBSD's CTLFLAG_RDTUN: -m cannot change it
  OnLinux onLinux;
  // What jls shows for a jail that did not set it; "@hostname", "@osrelease"
  // and "@jid" are filled in from the host or the jail at creation.
  std::string_view defaultValue;
};

std::span<const KernelParam> kernelParams();
const KernelParam* findKernelParam(std::string_view name);

// A name as written, resolved against the kernel table: "allow.nomount" is
// the boolean "allow.mount" negated (libjail's no-prefix rule).
struct ResolvedParam {
  const KernelParam* param = nullptr;
  bool negated = false;
};
std::optional<ResolvedParam> resolveKernelParam(std::string_view name);

// FreeBSD's boolean spelling: true/false in any case, or an integer.
std::optional<bool> parseBoolean(std::string_view value);
// A whole decimal integer (strtol with nothing left over).
std::optional<long> parseInteger(std::string_view value);

// The canonical values jls shows for `values` given to `param` (negated for
// a no-prefixed spelling), or an error text as libjail words it
// ("ip4.addr: not an IPv4 address: x"). An empty `values` is a valueless
// statement (`persist;`, `vnet;`).
struct NormalizedValue {
  std::vector<std::string> values;
  std::string error;  // empty on success
};
NormalizedValue normalizeKernelValue(const KernelParam& param, bool negated,
                                     const std::vector<std::string>& values);

// jail(8)'s quoting of a value in -J and -e output: quoted only when it is
// empty or holds a quote or blank, with backslash escapes inside.
std::string quoteParamValue(std::string_view value);

}  // namespace rcjail
