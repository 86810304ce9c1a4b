// Jail names given on a command line that nothing configures, each with the
// configured names it was probably meant to be: what start, stop, restart
// and plan refuse in the default mode instead of skipping them silently.
#pragma once

#include <string>
#include <vector>

namespace rcjail {

// One line per name of `given` (command-line words, sanitised as jail(8)
// names) that is none of `configured`: "jail duckyy is not configured; did
// you mean ducky?".
std::vector<std::string> unconfiguredNames(const std::vector<std::string>& given,
                                           const std::vector<std::string>& configured);

}  // namespace rcjail
