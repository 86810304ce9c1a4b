// Linux's answers to the FreeBSD oids that rcjail asks about.
#include "sysctl_answers.h"

#include <fstream>
#include <unistd.h>

namespace rcjail::compat {

namespace {

// The first line of a /proc file, or nullopt when it cannot be read.
std::optional<std::string> firstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  return line;
}

}  // namespace

std::optional<std::string> sysctlAnswer(const std::string& name, const std::string& procRoot) {
  if (name == "kern.features.vimage") {
    // FreeBSD has the oid only in a kernel built with VIMAGE; its value is 1.
    if (access((procRoot + "/self/ns/net").c_str(), F_OK) == 0) return "1";
    return std::nullopt;
  }
  if (name == "net.inet6.ip6.dad_count") return firstLine(procRoot + "/sys/net/ipv6/conf/default/dad_transmits");
  return std::nullopt;
}

}  // namespace rcjail::compat
