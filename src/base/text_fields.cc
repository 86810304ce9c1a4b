// Field escapes and splits of text fields.
#include "text_fields.h"

namespace rcjail {
namespace {

bool isOctal(char c) { return c >= '0' && c <= '7'; }

// The value of the octal escape that starts at text[i] (up to three digits);
// `i` is left on its last digit.
char octalEscape(std::string_view text, size_t& i) {
  int value = 0;
  size_t digits = 0;
  while (digits < 3 && i < text.size() && isOctal(text[i])) {
    value = value * 8 + (text[i++] - '0');
    ++digits;
  }
  --i;
  return static_cast<char>(value);
}

}  // namespace

std::string escapeField(std::string_view text, const FieldEscapes& escapes) {
  std::string out;
  for (char c : text) {
    const size_t at = escapes.chars.find(c);
    if (at == std::string_view::npos) {
      out += c;
    } else {
      out += '\\';
      out += escapes.letters[at];
    }
  }
  return out;
}

std::optional<std::string> unescapeField(std::string_view text, const FieldEscapes& escapes) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    if (escapes.octal && isOctal(text[i])) {
      out += octalEscape(text, i);
      continue;
    }
    const size_t at = escapes.letters.find(text[i]);
    if (at == std::string_view::npos) return std::nullopt;
    out += escapes.chars[at];
  }
  return out;
}

std::vector<std::string_view> splitAt(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  size_t at = 0;
  for (;;) {
    const size_t end = text.find(separator, at);
    fields.push_back(text.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return fields;
    at = end + 1;
  }
}

std::vector<std::string> splitFields(std::string_view text, std::string_view blanks) {
  std::vector<std::string> words;
  size_t at = text.find_first_not_of(blanks);
  while (at != std::string_view::npos) {
    const size_t end = text.find_first_of(blanks, at);
    words.emplace_back(text.substr(at, end == std::string_view::npos ? end : end - at));
    at = end == std::string_view::npos ? end : text.find_first_not_of(blanks, end);
  }
  return words;
}

}  // namespace rcjail
