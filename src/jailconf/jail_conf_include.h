// How jail(8) finds the files of a `.include`: a relative name is taken from
// the including file's directory, the name goes through glob(3) with
// GLOB_NOCHECK, and the files are read under the configuration root.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fs_root.h"

namespace rcjail {

// What relative names in `file` are resolved against: `file` up to and
// including its last '/', or "" (the working directory) when it has none.
std::string jailConfIncludeBase(std::string_view file);
// `name` prefixed with `base` unless it is absolute.
std::string resolveJailConfInclude(std::string_view base, std::string_view name);
// glob(3)'s GLOB_MAGCHAR: an unescaped `*` or `?`, or a `[` with a `]` after it.
// A name without one is a plain file that must exist.
bool hasJailConfGlobMagic(std::string_view pattern);
// The existing paths `pattern` matches under root, sorted as glob(3) sorts
// them; a leading dot must be matched explicitly.
std::vector<std::string> expandJailConfGlob(const FsRoot& root, std::string_view pattern);
// Reads the file at configuration path `path` into `out`; 0, or the errno.
int readJailConfFile(const FsRoot& root, const std::string& path, std::string& out);

}  // namespace rcjail
