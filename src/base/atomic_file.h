// Files that are either wholly old or wholly new: written to a temporary file
// in the same directory, synced, then renamed over the target.
#pragma once

#include <optional>
#include <string>
#include <sys/types.h>

namespace rcjail {

struct FileOwner {
  uid_t uid;
  gid_t gid;
};

// Writes `content` to `path` (a host path). mode is applied exactly (no
// umask); owner, when given, is set before the rename. Returns "" on success,
// else the reason (strerror text), and leaves no temporary file behind.
std::string writeFileAtomically(const std::string& path, const std::string& content, mode_t mode,
                                std::optional<FileOwner> owner = std::nullopt, bool sync = true);

// The mode a file created with `open(..., 0666)` gets under the current umask.
mode_t defaultFileMode();

}  // namespace rcjail
