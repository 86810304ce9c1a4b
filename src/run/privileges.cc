// The credentials test of the verbs that change jails.
#include "privileges.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace rcjail {

namespace {

// CapEff of /proc/self/status, a hexadecimal mask; CAP_SYS_ADMIN is bit 21.
bool hasAdminCapability() {
#ifdef __linux__
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("CapEff:", 0) != 0) continue;
    try {
      return (std::stoull(line.substr(7), nullptr, 16) >> 21) & 1U;
    } catch (const std::exception&) {
      return false;
    }
  }
#endif
  return false;
}

}  // namespace

Credentials processCredentials() { return {static_cast<unsigned>(geteuid()), hasAdminCapability()}; }

int varRunWriteError(const FsRoot& root) {
  if (faccessat(AT_FDCWD, root.map("/var/run").c_str(), W_OK | X_OK, AT_EACCESS) == 0) return 0;
  return errno == EACCES || errno == EPERM ? errno : 0;
}

std::string privilegeProblem(const std::string& verb, const Credentials& who, bool needsVarRun, int varRunError) {
  if (who.euid != 0 && !who.adminCapability)
    return verb + " needs root: only root can create, stop or enter jails (running as uid " +
           std::to_string(who.euid) + "); nothing was done";
  if (needsVarRun && varRunError != 0)
    return verb + " needs to write /var/run (" + std::strerror(varRunError) + "); nothing was done";
  return "";
}

}  // namespace rcjail
