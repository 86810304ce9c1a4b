// The "did you mean" lines for names nothing configures.
#include "unconfigured_jails.h"

#include <algorithm>

#include "closest_names.h"
#include "jail_names.h"

namespace rcjail {

std::vector<std::string> unconfiguredNames(const std::vector<std::string>& given,
                                           const std::vector<std::string>& configured) {
  std::vector<std::string> out;
  for (const std::string& word : given) {
    const std::string name = jailName(word);
    if (std::find(configured.begin(), configured.end(), name) != configured.end()) continue;
    const std::vector<std::string> near = closestNames(name, configured, 3);
    out.push_back("jail " + name + " is not configured; " +
                  (near.empty() ? std::string("`rcjail list` shows the jails that are")
                                : "did you mean " + alternatives(near) + "?"));
  }
  return out;
}

}  // namespace rcjail
