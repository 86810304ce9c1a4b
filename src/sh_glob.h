// Pathname expansion (globbing) for the native sh evaluator, reading
// directories through FsRoot so that absolute patterns look in the fixture
// tree of a test. Results are configuration paths, sorted bytewise as sh does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fs_root.h"

namespace rcjail {

// `pattern` is in the backslash-escaped form of sh_pattern.h. Empty when
// nothing matches (sh then keeps the word as it is).
std::vector<std::string> shGlob(const FsRoot& root, std::string_view pattern);

}  // namespace rcjail
