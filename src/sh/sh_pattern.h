// sh pattern matching (case, ${v#p} and friends, pathname expansion):
// *, ?, [...] with ranges, negation (! or ^) and [:classes:]. Patterns are
// written with a backslash before every character that was quoted. Matching
// backtracks only to the last *, so it is O(pattern x text), never exponential.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace rcjail {

// O(pattern x text) is still long for values of a megabyte: a ticker lets
// the caller look at the clock every kSteps steps of a match (and stop it by
// throwing). Without one, matching runs to its end.
class ShPatternTicker {
 public:
  explicit ShPatternTicker(std::function<void()> check) : check_(std::move(check)) {}
  void step() {
    if (++steps_ == kSteps) {
      steps_ = 0;
      check_();
    }
  }
  static constexpr std::uint32_t kSteps = 1u << 16;

 private:
  std::function<void()> check_;
  std::uint32_t steps_ = 0;
};

// Whole-string match of `text` against `pattern` (backslash-escaped form).
bool shPatternMatch(std::string_view pattern, std::string_view text, ShPatternTicker* ticker = nullptr);

// Whether the pattern has an unescaped *, ? or [ (else it is a plain string).
bool shPatternHasMeta(std::string_view pattern);

// The pattern's text with escapes removed, for patterns without meta characters.
std::string shPatternLiteral(std::string_view pattern);

// Whether `c` stands for itself in a pattern without an escape. Only a
// small safe set says yes; '/' does, since globbing splits patterns there.
bool shPatternPlainChar(char c);
// A pattern that matches exactly `text` (its other characters escaped).
std::string shPatternQuote(std::string_view text);

enum class ShTrim { SmallestPrefix, LargestPrefix, SmallestSuffix, LargestSuffix };

// ${value#pattern} and the like: value with the matching prefix or suffix removed.
std::string shTrim(std::string_view value, std::string_view pattern, ShTrim how, ShPatternTicker* ticker = nullptr);

}  // namespace rcjail
