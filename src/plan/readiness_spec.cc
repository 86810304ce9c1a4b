// Parsing jail_<name>_ready values.
#include "readiness_spec.h"

namespace rcjail {

namespace {

bool allDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

std::variant<ReadinessCheck, std::string> parseReadiness(const std::string& value, const std::string& jailRoot) {
  ReadinessCheck c;
  c.spec = value;
  size_t colon = value.find(':');
  if (colon == std::string::npos) return "\"" + value + "\" is not tcp:HOST:PORT, unix:PATH, file:PATH or exec:COMMAND";
  std::string kind = value.substr(0, colon), rest = value.substr(colon + 1);
  if (kind == "tcp") {
    c.kind = ReadinessCheck::Kind::Tcp;
    size_t last = rest.rfind(':');
    if (last == std::string::npos || last == 0) return "\"" + value + "\": tcp: needs HOST:PORT";
    c.host = rest.substr(0, last);
    std::string port = rest.substr(last + 1);
    if (c.host.size() > 2 && c.host.front() == '[' && c.host.back() == ']') c.host = c.host.substr(1, c.host.size() - 2);
    if (!allDigits(port) || port.size() > 5 || std::stoi(port) < 1 || std::stoi(port) > 65535)
      return "\"" + value + "\": \"" + port + "\" is not a TCP port";
    c.port = std::stoi(port);
    return c;
  }
  if (kind == "unix" || kind == "file") {
    if (rest.empty() || rest[0] != '/') return "\"" + value + "\": " + kind + ": needs an absolute path";
    if (kind == "unix") {
      c.kind = ReadinessCheck::Kind::Unix;
      c.path = rest;
      return c;
    }
    if (jailRoot.empty()) return "\"" + value + "\": file: needs the jail's path, and it has none";
    c.kind = ReadinessCheck::Kind::File;
    c.path = (jailRoot == "/" ? "" : jailRoot) + rest;
    return c;
  }
  if (kind == "exec") {
    if (rest.find_first_not_of(" \t") == std::string::npos) return "\"" + value + "\": exec: needs a command";
    c.kind = ReadinessCheck::Kind::Exec;
    c.command = rest;
    return c;
  }
  return "\"" + value + "\": unknown kind \"" + kind + "\" (tcp, unix, file or exec)";
}

}  // namespace rcjail
