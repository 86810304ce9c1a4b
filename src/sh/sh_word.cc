// Queries on sh words.
#include "sh_word.h"

namespace rcjail {

bool isShName(std::string_view s) {
  if (s.empty() || !isShNameStart(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!isShNameChar(static_cast<unsigned char>(c))) return false;
  return true;
}

bool ShWord::isPlain() const {
  return parts.size() == 1 && parts[0].kind == ShWordPart::Kind::Literal && !parts[0].quoted;
}

std::string_view ShWord::plainText() const { return isPlain() ? std::string_view(parts[0].text) : ""; }

std::size_t ShWord::assignmentNameLength() const {
  if (parts.empty() || parts[0].kind != ShWordPart::Kind::Literal || parts[0].quoted) return 0;
  const std::string& t = parts[0].text;
  std::size_t eq = t.find('=');
  if (eq == std::string::npos || eq == 0 || !isShName(std::string_view(t).substr(0, eq))) return 0;
  return eq;
}

}  // namespace rcjail
