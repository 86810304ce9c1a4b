// Where rc.conf files assign variables, found by reading their text rather
// than running it. Only the /bin/sh fallback needs this: the shell reports
// values, not the lines that set them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fs_root.h"
#include "location.h"

namespace rcjail {

// For each name, the last line of `files` (in order) that assigns it at the
// start of a line (`name=`, `export name=`, `readonly name=`, `local name=`)
// or with `${name:=...}` / `${name=...}`. Unreadable files are skipped.
std::map<std::string, Location> findAssignments(const FsRoot& root, const std::vector<std::string>& files);

}  // namespace rcjail
