// jail_<name>_ready: what "this jail is ready" means, so that the jails
// that depend on it start only then. tcp:HOST:PORT (something accepts a
// connection), unix:PATH (something accepts on that socket), file:PATH (the
// file exists inside the jail's root), exec:COMMAND (the command, run in the
// jail with jexec, exits 0). Parsing is pure; probing uses the network, the
// filesystem and the JailSystem boundary only.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "jail_system.h"

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

// One probe; `jexec` is the argv prefix of jail_jexec and `jail` the jail's name (exec: only).
bool probeReadiness(const ReadinessCheck& check, JailSystem& system, const std::vector<std::string>& jexec,
                    const std::string& jail, std::chrono::steady_clock::time_point deadline);

// Probes every `interval` until a probe passes (true) or `deadline` passes
// (false). `stop` (may be empty) gives up early.
bool waitUntilReady(const ReadinessCheck& check, JailSystem& system, const std::vector<std::string>& jexec,
                    const std::string& jail, std::chrono::steady_clock::time_point deadline,
                    std::chrono::milliseconds interval = std::chrono::milliseconds(100),
                    const std::function<bool()>& stop = {});

}  // namespace rcjail
