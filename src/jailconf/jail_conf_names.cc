// equalopts, wildcard names and jid names, as jail(8)'s config.c decides them.
#include "jail_conf_names.h"

#include <cstdlib>

#include "jail_conf_model.h"

namespace rcjail {

namespace {

bool isNoFormOf(std::string_view withNo, std::string_view plain) {
  return withNo.starts_with("no") && withNo.substr(2) == plain;
}

}  // namespace

bool jailConfEqualOpts(std::string_view a, std::string_view b) {
  if (a == b || isNoFormOf(a, b) || isNoFormOf(b, a)) return true;
  // Walk the common dotted prefix; any later component may differ by `no`.
  for (std::size_t dot = a.find('.'); dot != std::string_view::npos; dot = a.find('.')) {
    if (b.substr(0, dot + 1) != a.substr(0, dot + 1)) break;
    a.remove_prefix(dot + 1);
    b.remove_prefix(dot + 1);
    if (isNoFormOf(a, b) || isNoFormOf(b, a)) return true;
  }
  return false;
}

bool isJailConfWildcard(std::string_view name) {
  for (std::size_t star = name.find('*'); star != std::string_view::npos; star = name.find('*', star + 1)) {
    bool startsComponent = star == 0 || name[star - 1] == '.';
    bool endsComponent = star + 1 == name.size() || name[star + 1] == '.';
    if (startsComponent && endsComponent) return true;
  }
  return false;
}

bool jailConfWildcardMatches(std::string_view wildcard, std::string_view jailName) {
  std::string_view jail = jailName;
  std::string_view wild = wildcard;
  for (;;) {
    std::size_t jailDot = jail.find('.');
    std::size_t wildDot = wild.find('.');
    if (jailDot == std::string_view::npos || wildDot == std::string_view::npos) break;
    if (wild.substr(0, jailDot + 1) != jail.substr(0, jailDot + 1) && !wild.starts_with("*.")) return false;
    jail.remove_prefix(jailDot + 1);
    wild.remove_prefix(wildDot + 1);
  }
  // A final `*` takes all remaining components, dots included.
  return jail == wild || wild == "*";
}

bool isJailConfJidName(const std::string& name) {
  char* end = nullptr;
  long value = std::strtol(name.c_str(), &end, 10);
  return value != 0 && *end == '\0';
}

}  // namespace rcjail
