// Probing jail_<name>_ready checks (plan/readiness_spec.h says what they
// mean): the network, the filesystem and the JailSystem boundary only.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "jail_system.h"
#include "readiness_spec.h"

namespace rcjail {

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
