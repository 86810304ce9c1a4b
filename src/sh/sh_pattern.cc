// Pattern matching for the native sh evaluator.
#include "sh_pattern.h"

#include <cctype>
#include <cstring>

namespace rcjail {

namespace {

bool classMatches(std::string_view name, unsigned char c) {
  if (name == "alpha") return std::isalpha(c);
  if (name == "digit") return std::isdigit(c);
  if (name == "alnum") return std::isalnum(c);
  if (name == "upper") return std::isupper(c);
  if (name == "lower") return std::islower(c);
  if (name == "space") return std::isspace(c);
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "punct") return std::ispunct(c);
  if (name == "print") return std::isprint(c);
  if (name == "graph") return std::isgraph(c);
  if (name == "cntrl") return std::iscntrl(c);
  if (name == "xdigit") return std::isxdigit(c);
  return false;
}

// Matches one character against the bracket expression at pattern[pos]
// ('[' included). Returns the position after the closing ']', or npos when
// the bracket is not closed (then '[' is an ordinary character).
std::size_t matchBracket(std::string_view pattern, std::size_t pos, unsigned char c, bool& matched) {
  std::size_t i = pos + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  matched = false;
  bool first = true;
  while (i < pattern.size()) {
    char p = pattern[i];
    if (p == ']' && !first) {
      if (negate) matched = !matched;
      return i + 1;
    }
    first = false;
    if (p == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
      std::size_t end = pattern.find(":]", i + 2);
      if (end != std::string_view::npos) {
        if (classMatches(pattern.substr(i + 2, end - i - 2), c)) matched = true;
        i = end + 2;
        continue;
      }
    }
    unsigned char low;
    if (p == '\\' && i + 1 < pattern.size()) {
      low = static_cast<unsigned char>(pattern[i + 1]);
      i += 2;
    } else {
      low = static_cast<unsigned char>(p);
      i += 1;
    }
    unsigned char high = low;
    if (i + 1 < pattern.size() && pattern[i] == '-' && pattern[i + 1] != ']') {
      ++i;
      if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
      high = static_cast<unsigned char>(pattern[i]);
      ++i;
    }
    if (c >= low && c <= high) matched = true;
  }
  return std::string_view::npos;
}

// Matches one pattern element (not '*') at pattern[pos] against c; returns
// the position after the element, or npos on mismatch.
std::size_t matchOne(std::string_view pattern, std::size_t pos, unsigned char c) {
  char p = pattern[pos];
  if (p == '?') return pos + 1;
  if (p == '[') {
    bool matched = false;
    std::size_t after = matchBracket(pattern, pos, c, matched);
    if (after != std::string_view::npos) return matched ? after : std::string_view::npos;
    return c == '[' ? pos + 1 : std::string_view::npos;
  }
  if (p == '\\' && pos + 1 < pattern.size()) {
    return static_cast<unsigned char>(pattern[pos + 1]) == c ? pos + 2 : std::string_view::npos;
  }
  return static_cast<unsigned char>(p) == c ? pos + 1 : std::string_view::npos;
}

}  // namespace

bool shPatternMatch(std::string_view pattern, std::string_view text, ShPatternTicker* ticker) {
  std::size_t p = 0, t = 0;
  std::size_t starP = std::string_view::npos, starT = 0;
  while (t < text.size()) {
    if (ticker != nullptr) ticker->step();
    if (p < pattern.size() && pattern[p] == '*') {
      while (p < pattern.size() && pattern[p] == '*') ++p;
      if (p == pattern.size()) return true;
      starP = p;
      starT = t;
      continue;
    }
    if (p < pattern.size()) {
      std::size_t after = matchOne(pattern, p, static_cast<unsigned char>(text[t]));
      if (after != std::string_view::npos) {
        p = after;
        ++t;
        continue;
      }
    }
    if (starP == std::string_view::npos) return false;
    // Let the last * take one more character and retry from there.
    p = starP;
    t = ++starT;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool shPatternHasMeta(std::string_view pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '*' || c == '?' || c == '[') {
      return true;
    }
  }
  return false;
}

std::string shPatternLiteral(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
    out += pattern[i];
  }
  return out;
}

bool shPatternPlainChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '/' ||
         c == '.' || c == ' ';
}

std::string shPatternQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (!shPatternPlainChar(c)) out += '\\';
    out += c;
  }
  return out;
}

std::string shTrim(std::string_view value, std::string_view pattern, ShTrim how, ShPatternTicker* ticker) {
  const std::size_t n = value.size();
  if (!shPatternHasMeta(pattern)) {
    std::string literal = shPatternLiteral(pattern);
    bool prefix = how == ShTrim::SmallestPrefix || how == ShTrim::LargestPrefix;
    if (literal.size() > n) return std::string(value);
    if (prefix && value.substr(0, literal.size()) == literal) return std::string(value.substr(literal.size()));
    if (!prefix && value.substr(n - literal.size()) == literal) {
      return std::string(value.substr(0, n - literal.size()));
    }
    return std::string(value);
  }
  switch (how) {
    case ShTrim::SmallestPrefix:
      for (std::size_t i = 0; i <= n; ++i)
        if (shPatternMatch(pattern, value.substr(0, i), ticker)) return std::string(value.substr(i));
      break;
    case ShTrim::LargestPrefix:
      for (std::size_t i = n + 1; i-- > 0;)
        if (shPatternMatch(pattern, value.substr(0, i), ticker)) return std::string(value.substr(i));
      break;
    case ShTrim::SmallestSuffix:
      for (std::size_t i = n + 1; i-- > 0;)
        if (shPatternMatch(pattern, value.substr(i), ticker)) return std::string(value.substr(0, i));
      break;
    case ShTrim::LargestSuffix:
      for (std::size_t i = 0; i <= n; ++i)
        if (shPatternMatch(pattern, value.substr(i), ticker)) return std::string(value.substr(0, i));
      break;
  }
  return std::string(value);
}

}  // namespace rcjail
