// Name rules of jail.conf beyond the public ones in jail_conf.h: every
// spelling equalopts() takes for the same parameter (so lookups can hash
// instead of comparing against every parameter), and jid block names.
#pragma once

#include <string>
#include <string_view>

namespace rcjail {

// Calls fn(spelling) for every name jailConfEqualOpts() matches with `name`:
// the name itself, then `no` added to or removed from the whole name or from
// one component after a dotted prefix. `spelling` is a reused buffer.
template <typename Fn>
void forEachJailConfEqualOptsSpelling(std::string_view name, Fn&& fn) {
  std::string spelling(name);
  fn(static_cast<const std::string&>(spelling));
  std::size_t start = 0;  // where the component that may carry `no` begins
  for (;;) {
    std::string_view prefix = name.substr(0, start);
    std::string_view rest = name.substr(start);
    spelling.assign(prefix).append("no").append(rest);
    fn(static_cast<const std::string&>(spelling));
    if (rest.starts_with("no")) {
      spelling.assign(prefix).append(rest.substr(2));
      fn(static_cast<const std::string&>(spelling));
    }
    std::size_t dot = name.find('.', start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
}

// jail(8) reads a block name that strtol() takes whole as a non-zero number
// as the jail's jid, any other as its name.
bool isJailConfJidName(const std::string& name);

}  // namespace rcjail
