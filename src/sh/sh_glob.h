// Pathname expansion (globbing) for the native sh evaluator, reading
// directories through FsRoot so that absolute patterns look in the fixture
// tree of a test. Results are configuration paths, sorted bytewise as sh does.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fs_root.h"

namespace rcjail {

// Thrown by shGlob when a pattern matches more than its `maxPaths`.
class ShGlobTooMany : public std::runtime_error {
 public:
  ShGlobTooMany() : std::runtime_error("glob matches too many paths") {}
};

// `pattern` is in the backslash-escaped form of sh_pattern.h. Empty when
// nothing matches (sh then keeps the word as it is). Throws ShGlobTooMany
// once more than `maxPaths` paths matched, counting the directories it went
// through on the way (`/*/*/x` reads every directory two levels down).
std::vector<std::string> shGlob(const FsRoot& root, std::string_view pattern,
                                std::size_t maxPaths = static_cast<std::size_t>(-1));

}  // namespace rcjail
