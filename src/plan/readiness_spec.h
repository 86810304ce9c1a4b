// jail_<name>_ready: what "this jail is ready" means, so that the jails
// that depend on it start only then. tcp:HOST:PORT (something accepts a
// connection), unix:PATH (something accepts on that socket), file:PATH (the
// file exists inside the jail's root), exec:COMMAND (the command, run in the
// jail with jexec, exits 0). This is the pure part the planner needs; the
// probes live in run/readiness.
#pragma once

#include <chrono>
#include <string>
#include <variant>

namespace rcjail {

struct ReadinessCheck {
  enum class Kind { Tcp, Unix, File, Exec };
  Kind kind = Kind::Tcp;
  std::string spec;     // as written: "tcp:127.0.0.1:8080"
  std::string host;     // tcp
  int port = 0;         // tcp
  std::string path;     // unix: the socket; file: the host path (jail root + PATH)
  std::string command;  // exec
  std::chrono::seconds timeout{60};
};

// The value of jail_<name>_ready, or why it is not one ("unknown kind",
// "bad port" ...). `jailRoot`: the host path of the jail's root, for
// file:PATH; empty when unknown (then file: is an error).
std::variant<ReadinessCheck, std::string> parseReadiness(const std::string& value, const std::string& jailRoot);

}  // namespace rcjail
