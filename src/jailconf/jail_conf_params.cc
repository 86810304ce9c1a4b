// What jail(8) knows about parameters (its intparams table), the typed reads
// it makes of a jail's list (bool_param, int_param, string_param) and the
// value checks of check_intparams().
#include <algorithm>
#include <cstdlib>
#include <strings.h>
#include <utility>
#include <vector>

#include "jail_conf_model.h"
#include "jail_conf_names.h"

namespace rcjail {

namespace {

using Type = JailConfParamType;

// config.c's intparams[], in its order (the first row a name matches wins).
// The ip4.addr/ip6.addr/mount.fstab rows jail(8) only uses for its own
// derived lists are left out: nothing in a file can name them.
constexpr JailConfKnownParam kKnownParams[] = {
    {"allow.dying", Type::Boolean, false, false},  // deprecated; no effect in FreeBSD 15
    {"command", Type::List, false, false},         // run in the jail after exec.start
    {"depend", Type::List, false, false},          // jails to create before this one
    {"exec.clean", Type::Boolean, false, false},   // clean environment for commands
    {"exec.consolelog", Type::String, false, false},
    {"exec.fib", Type::Integer, false, false},
    {"exec.jail_user", Type::String, false, false},
    {"exec.poststart", Type::List, false, false},
    {"exec.poststop", Type::List, false, false},
    {"exec.prepare", Type::List, false, false},
    {"exec.prestart", Type::List, false, false},
    {"exec.prestop", Type::List, false, false},
    {"exec.release", Type::List, false, false},
    {"exec.created", Type::List, false, false},
    {"exec.start", Type::List, false, false},
    {"exec.stop", Type::List, false, false},
    {"exec.system_jail_user", Type::Boolean, false, false},
    {"exec.system_user", Type::String, false, false},
    {"exec.timeout", Type::Integer, false, false},
    {"interface", Type::String, false, false},
    {"ip_hostname", Type::Boolean, false, false},
    {"mount", Type::List, true, false},
    {"mount.devfs", Type::Boolean, false, false},
    {"mount.fdescfs", Type::Boolean, false, false},
    {"mount.procfs", Type::Boolean, false, false},
    {"mount.fstab", Type::List, true, false},
    {"stop.timeout", Type::Integer, false, false},
    {"vnet.interface", Type::List, false, false},
    {"zfs.dataset", Type::List, false, false},
    {"allow.chflags", Type::Kernel, false, false},
    {"allow.mount", Type::Kernel, false, false},
    {"allow.raw_sockets", Type::Kernel, false, false},
    {"allow.set_hostname", Type::Kernel, false, false},
    {"allow.socket_af", Type::Kernel, false, false},
    {"allow.sysvipc", Type::Kernel, false, false},
    {"devfs_ruleset", Type::Kernel, false, false},
    {"host.hostname", Type::Kernel, false, false},
    {"ip4.addr", Type::Kernel, true, false},
    {"ip6.addr", Type::Kernel, true, false},
    {"jid", Type::Kernel, false, true},
    {"name", Type::Kernel, false, true},
    {"path", Type::Kernel, false, false},
    {"persist", Type::Kernel, false, false},
    {"securelevel", Type::Kernel, false, false},
    {"vnet", Type::Kernel, false, false},
};

// strtol(value, &end, 10), the way jail(8) reads numbers and checks them.
struct LeadingInteger {
  long value = 0;
  bool converted = false;     // some digits were read
  bool stoppedAtEnd = false;  // nothing follows them (also true for "")
};

LeadingInteger leadingInteger(const std::string& text) {
  char* end = nullptr;
  LeadingInteger result;
  result.value = std::strtol(text.c_str(), &end, 10);
  result.converted = end != text.c_str();
  result.stoppedAtEnd = *end == '\0';
  return result;
}

bool isTrueOrFalse(const std::string& value) {
  return strcasecmp(value.c_str(), "true") == 0 || strcasecmp(value.c_str(), "false") == 0;
}

}  // namespace

std::span<const JailConfKnownParam> jailConfKnownParams() { return kKnownParams; }

const JailConfKnownParam* findJailConfKnownParam(std::string_view name) {
  using Entry = std::pair<std::string_view, std::size_t>;
  static const std::vector<Entry> byName = [] {
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < std::size(kKnownParams); ++i) entries.emplace_back(kKnownParams[i].name, i);
    std::sort(entries.begin(), entries.end());
    return entries;
  }();
  std::size_t best = std::size(kKnownParams);
  forEachJailConfEqualOptsSpelling(name, [&](const std::string& spelling) {
    auto it = std::lower_bound(byName.begin(), byName.end(), Entry{spelling, 0});
    if (it != byName.end() && it->first == spelling) best = std::min(best, it->second);
  });
  return best < std::size(kKnownParams) ? &kKnownParams[best] : nullptr;
}

std::vector<std::string> checkJailConfInternalValues(const JailConfJail& jail) {
  std::vector<std::string> errors;
  for (const JailConfParam& param : jail.params) {
    if (param.values.empty()) continue;
    const JailConfKnownParam* known = findJailConfKnownParam(param.name);
    if (!known) continue;
    const std::string& value = param.values.back();
    LeadingInteger number = leadingInteger(value);
    // jail(8) lets an empty boolean through (strtol stops at its end), but
    // not an empty integer.
    if (known->type == Type::Boolean && !isTrueOrFalse(value) && !number.stoppedAtEnd) {
      errors.push_back(param.name + ": unknown boolean value \"" + value + "\"");
    } else if (known->type == Type::Integer && !(number.converted && number.stoppedAtEnd)) {
      errors.push_back(param.name + ": non-integer value \"" + value + "\"");
    }
  }
  return errors;
}

const JailConfParam* JailConfJail::find(std::string_view wanted) const {
  for (const JailConfParam& param : params) {
    if (jailConfEqualOpts(param.name, wanted)) return &param;
  }
  return nullptr;
}

std::optional<bool> JailConfJail::flag(std::string_view wanted) const {
  const JailConfParam* param = find(wanted);
  if (!param) return std::nullopt;
  std::size_t dot = param->name.rfind('.');
  bool negated = std::string_view(param->name).substr(dot == std::string::npos ? 0 : dot + 1).starts_with("no");
  bool set = param->values.empty() || strcasecmp(param->values.back().c_str(), "true") == 0 ||
             leadingInteger(param->values.back()).value != 0;
  return negated != set;
}

std::optional<long> JailConfJail::integer(std::string_view wanted) const {
  const JailConfParam* param = find(wanted);
  if (!param || param->values.empty()) return std::nullopt;
  return leadingInteger(param->values.back()).value;
}

std::vector<std::string> JailConfJail::values(std::string_view wanted) const {
  const JailConfParam* param = find(wanted);
  return param ? param->values : std::vector<std::string>{};
}

std::string JailConfJail::last(std::string_view wanted) const {
  const JailConfParam* param = find(wanted);
  return param && !param->values.empty() ? param->values.back() : std::string();
}

const JailConfJail* JailConf::find(std::string_view name) const {
  for (const JailConfJail& jail : jails) {
    if (jail.name == name) return &jail;
  }
  return nullptr;
}

}  // namespace rcjail
