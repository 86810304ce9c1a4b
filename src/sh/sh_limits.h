// Bounds on what a configuration can make the native sh reader do: the size
// of one value, the size of all variables together, loop iterations, paths a
// glob visits, and time. sh itself has none of these and runs out of memory
// or spins on a runaway rc.conf; rcjail stops instead with a file:line error
// that names the limit (a ConfigError, so the /bin/sh fallback, which would
// run away the same way, is never tried for it).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "location.h"

namespace rcjail {

struct ShLimits {
  using Clock = std::chrono::steady_clock;

  // One variable value, one expanded word, or the expanded words of one
  // command together.
  std::size_t valueBytes = std::size_t{1} << 20;
  // All variables together: names, values, the copies `local` keeps, the
  // positional parameters of callers waiting for a function, and
  // kVariableOverhead bytes of bookkeeping per variable or parameter.
  std::size_t totalBytes = std::size_t{64} << 20;
  // Iterations of for, while and until loops, all loops of a load together.
  std::uint64_t loopIterations = 4'000'000;
  // Paths one glob may match, counting the directories it goes through.
  std::size_t globPaths = 100'000;
  // Time of one load, measured from when the limits are set.
  std::chrono::milliseconds time{10'000};
  // Where the time comes from (tests pin it).
  std::function<Clock::time_point()> now = [] { return Clock::now(); };

  static constexpr std::size_t kVariableOverhead = 64;
};

// "time limit of the rc.conf reader exceeded (LIMIT): ...", for the native
// reader and for the /bin/sh it may hand a load to alike.
std::string timeLimitMessage(std::chrono::milliseconds limit);

// Counts what a load uses against its ShLimits; every check throws a
// ConfigError at `where` when a limit is exceeded. The hot checks are inline
// comparisons; the clock is read once every kCommandsPerClockRead commands.
class ShBudget {
 public:
  explicit ShBudget(ShLimits limits = {});

  const ShLimits& limits() const { return limits_; }
  // New limits; the deadline starts again from now, the counts stay.
  void setLimits(ShLimits limits);

  // A value or word of `size` bytes is about to be kept.
  void checkValue(std::size_t size, const Location& where) const {
    if (size > limits_.valueBytes) valueExceeded(size, where);
  }
  // Variables grew (or shrank, negative) by `delta` bytes. Only a shrinking
  // is let through over the limit (bookkeeping without a check may have
  // passed it: `local` copies).
  void chargeVariables(std::ptrdiff_t delta, const Location& where) {
    variableBytes_ += delta;
    if (delta >= 0 && variableBytes_ > static_cast<std::int64_t>(limits_.totalBytes)) totalExceeded(where);
  }
  // The same without a check, for bookkeeping that has no location.
  void noteVariables(std::ptrdiff_t delta) { variableBytes_ += delta; }
  std::int64_t variableBytes() const { return variableBytes_; }

  // One more loop iteration is about to run.
  void countIteration(const Location& where) {
    if (++iterations_ > limits_.loopIterations) iterationsExceeded(where);
  }
  // A command is about to run: reads the clock now and then.
  void countCommand(const Location& where) {
    if (++commands_ % kCommandsPerClockRead == 0) checkTime(where);
  }
  void checkTime(const Location& where) const;
  // A glob stopped after globPaths paths (sh_glob.h's ShGlobTooMany).
  [[noreturn]] void globExceeded(const Location& where) const;

  static constexpr std::uint64_t kCommandsPerClockRead = 1024;

  // What a list of strings (saved positional parameters) counts against the total.
  static std::ptrdiff_t sizeOf(const std::vector<std::string>& strings);

 private:
  [[noreturn]] void valueExceeded(std::size_t size, const Location& where) const;
  [[noreturn]] void totalExceeded(const Location& where) const;
  [[noreturn]] void iterationsExceeded(const Location& where) const;

  ShLimits limits_;
  ShLimits::Clock::time_point deadline_;
  std::int64_t variableBytes_ = 0;
  std::uint64_t iterations_ = 0;
  std::uint64_t commands_ = 0;
};

}  // namespace rcjail
