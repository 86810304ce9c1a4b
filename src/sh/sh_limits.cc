// The error messages of the reader's limits: each names the limit, its
// value, and what to look for in the configuration.
#include "sh_limits.h"

#include <utility>

namespace rcjail {

namespace {

std::string bytes(std::size_t n) {
  if (n >= (std::size_t{1} << 20) && n % (std::size_t{1} << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= 1024 && n % 1024 == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

std::string duration(std::chrono::milliseconds t) {
  if (t.count() % 1000 == 0) return std::to_string(t.count() / 1000) + " s";
  return std::to_string(t.count()) + " ms";
}

}  // namespace

ShBudget::ShBudget(ShLimits limits) : limits_(std::move(limits)), deadline_(limits_.now() + limits_.time) {}

void ShBudget::setLimits(ShLimits limits) {
  limits_ = std::move(limits);
  deadline_ = limits_.now() + limits_.time;
}

std::ptrdiff_t ShBudget::sizeOf(const std::vector<std::string>& strings) {
  std::size_t n = 0;
  for (const std::string& s : strings) n += s.size() + ShLimits::kVariableOverhead;
  return static_cast<std::ptrdiff_t>(n);
}

std::string timeLimitMessage(std::chrono::milliseconds limit) {
  return "time limit of the rc.conf reader exceeded (" + duration(limit) +
         "): look for a loop or a recursion that does not end";
}

void ShBudget::checkTime(const Location& where) const {
  if (limits_.now() <= deadline_) return;
  throw ConfigError(where, timeLimitMessage(limits_.time));
}

void ShBudget::valueExceeded(std::size_t size, const Location& where) const {
  throw ConfigError(where, "value size limit of the rc.conf reader exceeded (" + bytes(limits_.valueBytes) +
                               ", this one has " + std::to_string(size) +
                               " bytes): look for a value that grows without end");
}

void ShBudget::totalExceeded(const Location& where) const {
  throw ConfigError(where, "total variable size limit of the rc.conf reader exceeded (" +
                               bytes(limits_.totalBytes) +
                               " for all variables): look for variables created or grown in a loop");
}

void ShBudget::iterationsExceeded(const Location& where) const {
  throw ConfigError(where, "loop iteration limit of the rc.conf reader exceeded (" +
                               std::to_string(limits_.loopIterations) +
                               " iterations of all loops): look for a loop that does not end");
}

void ShBudget::globExceeded(const Location& where) const {
  throw ConfigError(where, "glob match limit of the rc.conf reader exceeded (" + std::to_string(limits_.globPaths) +
                               " paths for one pattern): use a narrower pattern");
}

}  // namespace rcjail
