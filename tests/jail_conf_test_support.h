// Helpers shared by the jail.conf test suites: parsing text or fixture files
// and picking jails, parameter names and error messages out of the result.
#pragma once

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "jail_conf.h"

namespace jail_conf_test {

using Strings = std::vector<std::string>;

// The fixture roots of tests/data/jailconf.
inline const std::string kData = RCJAIL_TEST_DATA "/jailconf";

inline rcjail::JailConf parse(std::string_view text) {
  return rcjail::parseJailConfText(rcjail::FsRoot(), text, "test.conf");
}

inline const rcjail::JailConfJail& jailOf(const rcjail::JailConf& conf, std::string_view name) {
  const rcjail::JailConfJail* jail = conf.find(name);
  BOOST_REQUIRE_MESSAGE(jail, "no jail " << name);
  return *jail;
}

inline Strings jailNames(const rcjail::JailConf& conf) {
  Strings names;
  for (const auto& jail : conf.jails) names.push_back(jail.name);
  return names;
}

inline Strings paramNames(const rcjail::JailConfJail& jail) {
  Strings names;
  for (const auto& param : jail.params) names.push_back(param.name);
  return names;
}

// The messages of the JailConfError that reading throws; empty when none.
template <typename Read>
Strings errorsOfReading(Read read) {
  try {
    read();
  } catch (const rcjail::JailConfError& e) {
    return e.messages();
  }
  return {};
}

inline Strings errorsOf(std::string_view text) {
  return errorsOfReading([&] { parse(text); });
}

inline Strings errorsOfFile(const std::string& path, const rcjail::FsRoot& root = rcjail::FsRoot(kData)) {
  return errorsOfReading([&] { rcjail::parseJailConfFile(root, path); });
}

}  // namespace jail_conf_test
