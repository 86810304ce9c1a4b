// The parameter table and the value rules libjail applies to kernel parameters.
#include "jail_kernel_params.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <strings.h>

namespace rcjail {
namespace {

using enum ParamType;
using enum OnLinux;

// FreeBSD's kernel parameters as jls lists them. Linux enforces those a
// namespace, a mount, the registry or the jail's restrictions
// (jail_privileges.h) can make true; the rest are accepted so that FreeBSD
// configurations load unchanged, and are reported by jls.
constexpr std::array kKernelParams{
    KernelParam{"jid", Integer, true, Enforced, "0"},
    KernelParam{"name", String, false, Enforced, "@jid"},
    KernelParam{"path", String, true, Enforced, "/"},
    KernelParam{"persist", Boolean, false, Enforced, "false"},
    KernelParam{"dying", Boolean, false, ReadOnly, "false"},
    KernelParam{"parent", Integer, false, ReadOnly, "0"},
    KernelParam{"cpuset.id", Integer, false, ReadOnly, "0"},
    KernelParam{"host", JailSys, true, Enforced, "new"},
    KernelParam{"host.hostname", String, false, Enforced, "@hostname"},
    KernelParam{"host.domainname", String, false, Enforced, "@domainname"},
    KernelParam{"host.hostuuid", String, false, Recorded, "00000000-0000-0000-0000-000000000000"},
    KernelParam{"host.hostid", Integer, false, Recorded, "0"},
    KernelParam{"vnet", JailSys, true, Enforced, "inherit"},
    KernelParam{"ip4", JailSys, true, Enforced, "inherit"},
    KernelParam{"ip4.addr", Ip4List, false, Enforced, ""},
    KernelParam{"ip4.saddrsel", Boolean, false, Recorded, "true"},
    KernelParam{"ip6", JailSys, true, Enforced, "inherit"},
    KernelParam{"ip6.addr", Ip6List, false, Enforced, ""},
    KernelParam{"ip6.saddrsel", Boolean, false, Recorded, "true"},
    KernelParam{"securelevel", Integer, false, Enforced, "-1"},
    KernelParam{"enforce_statfs", Integer, false, Recorded, "2"},
    KernelParam{"devfs_ruleset", Integer, false, Recorded, "0"},
    KernelParam{"children.max", Integer, false, Enforced, "0"},
    KernelParam{"children.cur", Integer, false, ReadOnly, "0"},
    KernelParam{"osrelease", String, true, Recorded, "@osrelease"},
    KernelParam{"osreldate", Integer, true, Recorded, "0"},
    KernelParam{"meta", String, false, Recorded, ""},
    KernelParam{"env", String, false, Recorded, ""},
    KernelParam{"sysvmsg", JailSys, false, Enforced, "disable"},
    KernelParam{"sysvsem", JailSys, false, Enforced, "disable"},
    KernelParam{"sysvshm", JailSys, false, Enforced, "disable"},
    KernelParam{"linux", JailSys, false, Recorded, "new"},
    KernelParam{"linux.osname", String, false, Recorded, "Linux"},
    KernelParam{"linux.osrelease", String, false, Recorded, "@osrelease"},
    KernelParam{"linux.oss_version", Integer, false, Recorded, "198144"},
    KernelParam{"allow.set_hostname", Boolean, false, Recorded, "true"},
    KernelParam{"allow.sysvipc", Boolean, false, Enforced, "false"},
    KernelParam{"allow.raw_sockets", Boolean, false, Enforced, "false"},
    KernelParam{"allow.chflags", Boolean, false, Enforced, "false"},
    KernelParam{"allow.mount", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.devfs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.fdescfs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.fusefs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.linprocfs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.linsysfs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.nullfs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.procfs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.tmpfs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mount.zfs", Boolean, false, Recorded, "false"},
    KernelParam{"allow.quotas", Boolean, false, Enforced, "false"},
    KernelParam{"allow.socket_af", Boolean, false, Recorded, "false"},
    KernelParam{"allow.mlock", Boolean, false, Enforced, "false"},
    KernelParam{"allow.reserved_ports", Boolean, false, Enforced, "true"},
    KernelParam{"allow.read_msgbuf", Boolean, false, Enforced, "false"},
    KernelParam{"allow.unprivileged_proc_debug", Boolean, false, Recorded, "false"},
    KernelParam{"allow.suser", Boolean, false, Enforced, "true"},
    KernelParam{"allow.extattr", Boolean, false, Recorded, "false"},
    KernelParam{"allow.adjtime", Boolean, false, Enforced, "false"},
    KernelParam{"allow.settime", Boolean, false, Enforced, "false"},
    KernelParam{"allow.nfsd", Boolean, false, Recorded, "false"},
    KernelParam{"allow.routing", Boolean, false, Recorded, "false"},
    KernelParam{"allow.vmm", Boolean, false, Recorded, "false"},
};

// "a.b.noc" -> "a.b.c"; nullopt when the last component has no "no" prefix.
std::optional<std::string> withoutNoPrefix(std::string_view name) {
  const size_t dot = name.rfind('.');
  const size_t last = dot == std::string_view::npos ? 0 : dot + 1;
  if (name.substr(last).substr(0, 2) != "no") return std::nullopt;
  std::string base(name.substr(0, last));
  base += name.substr(last + 2);
  return base;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

std::span<const KernelParam> kernelParams() { return kKernelParams; }

const KernelParam* findKernelParam(std::string_view name) {
  for (const KernelParam& param : kKernelParams)
    if (param.name == name) return &param;
  return nullptr;
}

std::optional<ResolvedParam> resolveKernelParam(std::string_view name) {
  if (const KernelParam* param = findKernelParam(name)) return ResolvedParam{param, false};
  if (auto base = withoutNoPrefix(name)) {
    const KernelParam* param = findKernelParam(*base);
    if (param && (param->type == Boolean || param->type == JailSys))
      return ResolvedParam{param, true};
  }
  return std::nullopt;
}

std::optional<long> parseInteger(std::string_view value) {
  const std::string text(value);
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long number = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0' || errno == ERANGE) return std::nullopt;
  return number;
}

std::optional<bool> parseBoolean(std::string_view value) {
  const std::string text(value);
  if (strcasecmp(text.c_str(), "true") == 0) return true;
  if (strcasecmp(text.c_str(), "false") == 0) return false;
  if (auto number = parseInteger(value)) return *number != 0;
  return std::nullopt;
}

namespace {

// A jailsys parameter: "disable", "new" or "inherit",
// by word in any case or by number 0-2; the no-form disables, no value means new.
void normalizeJailSys(const std::string& name, bool negated, const std::vector<std::string>& values,
                      NormalizedValue& out) {
  static constexpr std::array<std::string_view, 3> kWords{"disable", "new", "inherit"};
  if (negated) {
    out.values.emplace_back("disable");
    return;
  }
  if (values.empty()) {
    out.values.emplace_back("new");
    return;
  }
  const std::string& last = values.back();
  auto word = std::find_if(kWords.begin(), kWords.end(), [&](std::string_view w) {
    return strcasecmp(std::string(w).c_str(), last.c_str()) == 0;
  });
  const std::optional<long> number = parseInteger(last);
  if (word != kWords.end())
    out.values.emplace_back(*word);
  else if (number && *number >= 0 && *number <= 2)
    out.values.emplace_back(kWords[static_cast<size_t>(*number)]);
  else
    out.error = name + ": unknown jailsys value " + quoted(last);
}

// An address list: each non-empty value in the canonical text of its
// family; the first that is not an address is the error.
void normalizeAddresses(const std::string& name, bool inet6, const std::vector<std::string>& values,
                        NormalizedValue& out) {
  const int family = inet6 ? AF_INET6 : AF_INET;
  for (const std::string& value : values) {
    if (value.empty()) continue;
    unsigned char address[16];
    char text[INET6_ADDRSTRLEN];
    if (inet_pton(family, value.c_str(), address) != 1) {
      out.error = name + (inet6 ? ": not an IPv6 address: " : ": not an IPv4 address: ") + value;
      return;
    }
    inet_ntop(family, address, text, sizeof text);
    out.values.emplace_back(text);
  }
}

}  // namespace

NormalizedValue normalizeKernelValue(const KernelParam& param, bool negated,
                                     const std::vector<std::string>& values) {
  NormalizedValue out;
  const std::string name(param.name);
  const std::string last = values.empty() ? std::string() : values.back();
  switch (param.type) {
    case Boolean: {
      std::optional<bool> truth = values.empty() ? std::optional<bool>(true) : parseBoolean(last);
      if (!truth) {
        out.error = name + ": unknown boolean value " + quoted(last);
        break;
      }
      out.values.push_back(*truth != negated ? "true" : "false");
      break;
    }
    case Integer:
      if (!parseInteger(last)) {
        out.error = name + ": non-integer value " + quoted(last);
        break;
      }
      out.values.push_back(std::to_string(*parseInteger(last)));
      break;
    case String:
      out.values.push_back(last);
      break;
    case JailSys:
      normalizeJailSys(name, negated, values, out);
      break;
    case Ip4List:
    case Ip6List:
      normalizeAddresses(name, param.type == Ip6List, values, out);
      break;
  }
  return out;
}

std::string quoteParamValue(std::string_view value) {
  char quote = 0;
  if (value.empty() || value.find('\'') != std::string_view::npos)
    quote = '"';
  else if (value.find('"') != std::string_view::npos)
    quote = '\'';
  else if (value.find_first_of(" \t") != std::string_view::npos)
    quote = '"';
  std::string out;
  if (quote) out += quote;
  for (char c : value) {
    // jail(8) escapes a backslash even in an unquoted value.
    if (c == '\\' || (quote && c == quote)) out += '\\';
    out += c;
  }
  if (quote) out += quote;
  return out;
}

}  // namespace rcjail
