// The state directory's option and checks.
#include "state_directory.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "jail_identity.h"

namespace rcjail::compat {

std::string takeStateDirectory(std::vector<std::string>& args, std::string& error) {
  constexpr std::string_view kOption = "--state-dir";
  if (args.empty() || !args.front().starts_with(kOption)) return kDefaultStateDirectory;
  std::string directory;
  size_t used = 1;
  if (args.front() == kOption) {
    if (args.size() < 2 || args[1].empty()) {
      error = "--state-dir needs a directory";
      return {};
    }
    directory = args[1];
    used = 2;
  } else if (args.front()[kOption.size()] == '=' && args.front().size() > kOption.size() + 1) {
    directory = args.front().substr(kOption.size() + 1);
  } else {
    return kDefaultStateDirectory;  // some other word: the program's own parser judges it
  }
  args.erase(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(used));
  return directory;
}

std::string checkStateDirectory(const std::string& directory) {
  struct stat st{};
  if (lstat(directory.c_str(), &st) != 0)
    return errno == ENOENT ? std::string() : directory + ": " + std::strerror(errno);
  if (!S_ISDIR(st.st_mode)) return directory + ": the state directory is not a directory";
  if (st.st_uid != 0) return directory + ": the state directory is not owned by root";
  if (st.st_mode & (S_IWGRP | S_IWOTH)) return directory + ": the state directory is writable by group or others";
  return {};
}

std::optional<JailRegistry> openSystemRegistry(const std::string& directory, std::string& error) {
  error = checkStateDirectory(directory);
  if (error.empty()) error = checkProcBelongsToCaller();
  if (!error.empty()) return std::nullopt;
  const NamespaceId caller = callerPidNamespace();
  return JailRegistry(directory, caller, [caller](const JailRecord& record) { return probeJailInit(record, caller); });
}

}  // namespace rcjail::compat
