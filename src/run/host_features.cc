// Cached answers to the sysctl questions of the jail settings.
#include "host_features.h"

#include <charconv>
#include <memory>
#include <mutex>

namespace rcjail {

int dadCountFrom(const std::optional<std::string>& answer) {
  if (!answer) return 0;
  std::string_view text = *answer;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  int count = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (error != std::errc() || end == text.data()) return 0;
  return count;
}

std::optional<long> osreldateFrom(const std::optional<std::string>& answer) {
  if (!answer) return std::nullopt;
  long value = 0;
  auto [end, error] = std::from_chars(answer->data(), answer->data() + answer->size(), value);
  if (error != std::errc() || end == answer->data()) return std::nullopt;
  return value;
}

HostFeatures hostFeatures(JailSystem& system) {
  // Shared by the functions and every copy of them; parallel starts may ask at once.
  struct Answers {
    std::mutex mutex;
    std::optional<bool> vimage;
    std::optional<int> dadCount;
    std::optional<JailConfGrammar> grammar;
  };
  auto answers = std::make_shared<Answers>();
  return {[answers, &system] {
            std::lock_guard<std::mutex> lock(answers->mutex);
            if (!answers->vimage) answers->vimage = system.sysctl("kern.features.vimage").has_value();
            return *answers->vimage;
          },
          [answers, &system] {
            std::lock_guard<std::mutex> lock(answers->mutex);
            if (!answers->dadCount) answers->dadCount = dadCountFrom(system.sysctl("net.inet6.ip6.dad_count"));
            return *answers->dadCount;
          },
          [answers, &system] {
            std::lock_guard<std::mutex> lock(answers->mutex);
            if (!answers->grammar)
              answers->grammar = jailConfGrammarFor(osreldateFrom(system.sysctl("kern.osreldate")));
            return *answers->grammar;
          }};
}

}  // namespace rcjail
