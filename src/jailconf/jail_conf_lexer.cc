// jail.conf tokenizer. Every branch below stands for one flex rule of
// jail(8)'s jaillex.l, and where two rules could match, the branch takes the
// one flex's longest-match choice takes, so token boundaries (which decide
// syntax errors and what they print) are jail(8)'s.
#include "jail_conf_lexer.h"

#include <algorithm>
#include <cstring>

namespace rcjail {

namespace {

bool isLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isOctal(char c) { return c >= '0' && c <= '7'; }
bool isHex(char c) { return isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }
int hexValue(char c) { return isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }
bool isNameStart(char c) { return isLetter(c) || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || isDigit(c); }
bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The characters of an unquoted word (jaillex.l's atomic string class).
bool isWordChar(char c) {
  return isLetter(c) || isDigit(c) || (c != '\0' && std::strchr("_!%&()-.:<>?@[]^`|~", c));
}

// Length of the unterminated-string/variable match that starts at `from`:
// anything but newline, `stop` characters and a backslash that is not
// followed by an ordinary character.
std::size_t unterminatedEnd(std::string_view text, std::size_t from, std::string_view stop) {
  std::size_t i = from;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n' || stop.find(c) != std::string_view::npos) break;
    if (c == '\\') {
      if (i + 1 < text.size() && text[i + 1] != '\n') {
        i += 2;
        continue;
      }
      break;
    }
    ++i;
  }
  return i;
}

// Index of the `quote` that closes a string whose content starts at `from`,
// skipping backslash escapes; npos when there is none.
std::size_t closingQuote(std::string_view text, std::size_t from, char quote) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\\') {
      if (i + 1 >= text.size()) return std::string_view::npos;
      ++i;
    } else if (text[i] == quote) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

void JailConfErrorList::add(Location where, std::string message) {
  if (messages.empty()) first = std::move(where);
  messages.push_back(std::move(message));
}

std::size_t unescapeJailConf(std::string_view in, std::string& out, bool stopAtDollar) {
  std::size_t i = 0;
  while (i < in.size()) {
    char c = in[i];
    if (c != '\\') {
      if (stopAtDollar && c == '$') return i;
      out += c;
      ++i;
      continue;
    }
    if (++i >= in.size()) break;  // a lone trailing backslash yields nothing
    c = in[i++];
    if (isOctal(c)) {
      int value = c - '0';
      for (int n = 0; n < 2 && i < in.size() && isOctal(in[i]); ++n) value = value * 8 + (in[i++] - '0');
      out += static_cast<char>(value & 0xff);
      continue;
    }
    if (c == 'x') {
      int value = 0;
      for (int n = 0; n < 2 && i < in.size() && isHex(in[i]); ++n) value = value * 16 + hexValue(in[i++]);
      out += static_cast<char>(value);
      continue;
    }
    switch (c) {
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\n': break;  // line continuation
      default: out += c; break;
    }
  }
  return std::string_view::npos;
}

JailConfLexer::JailConfLexer(std::string_view text, std::string fileName, JailConfErrorList& errors)
    : text_(text), fileName_(std::move(fileName)), errors_(errors) {}

void JailConfLexer::countLines(std::size_t start, std::size_t end) {
  for (std::size_t i = start; i < end; ++i) line_ += text_[i] == '\n';
}

void JailConfLexer::error(const char* what) {
  errors_.add({fileName_, line_}, fileName_ + " line " + std::to_string(line_) + ": " + what);
  hadErrors_ = true;
}

JailConfToken JailConfLexer::piece(std::size_t start, std::size_t end, std::string value) {
  // jail(8) keeps every piece as a C string: a NUL byte (raw in quotes, or
  // from `\0`, `\x` without digits, `\x00`) ends it, and the grammar glues
  // the pieces together by their strlen().
  if (std::size_t nul = value.find('\0'); nul != std::string::npos) value.resize(nul);
  JailConfToken token;
  token.kind = inString_ ? JailConfTokenKind::StringPiece : JailConfTokenKind::String;
  inString_ = true;
  token.value = std::move(value);
  token.raw = text_.substr(start, end - start);
  token.firstLine = line_;
  countLines(start, end);
  token.lastLine = line_;
  pos_ = end;
  return token;
}

JailConfToken JailConfLexer::variable(std::size_t start, std::size_t end, std::string name) {
  JailConfToken token = piece(start, end, std::move(name));
  token.kind = token.kind == JailConfTokenKind::String ? JailConfTokenKind::Variable
                                                       : JailConfTokenKind::VariablePiece;
  return token;
}

JailConfToken JailConfLexer::simple(JailConfTokenKind kind, std::size_t length) {
  JailConfToken token;
  token.kind = kind;
  token.raw = text_.substr(pos_, length);
  token.firstLine = token.lastLine = line_;
  pos_ += length;
  // Reserved tokens end a string; a stray byte does not (jaillex.l's `.` rule).
  if (kind != JailConfTokenKind::Other) inString_ = false;
  return token;
}

void JailConfLexer::skipSeparator(std::size_t end) {
  countLines(pos_, end);
  pos_ = end;
  inString_ = false;
}

JailConfToken JailConfLexer::next() {
  for (;;) {
    if (afterQuotedVar_ && pos_ < text_.size()) {
      if (text_[pos_] != '"') return scanAfterVariableInQuotes();
      ++pos_;  // the closing quote; the string may still go on unquoted
      afterQuotedVar_ = false;
      continue;
    }
    if (pos_ >= text_.size()) {
      JailConfToken end;
      end.raw = text_.substr(text_.size());
      end.firstLine = end.lastLine = line_;
      return end;
    }
    char c = text_[pos_];
    char after = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    if (skipBlankOrComment(c, after)) continue;
    switch (c) {
      case '+':
        if (after == '=') return simple(JailConfTokenKind::Append, 2);
        return piece(pos_, pos_ + 1, "+");
      case ',': return simple(JailConfTokenKind::Comma, 1);
      case ';': return simple(JailConfTokenKind::Semicolon, 1);
      case '=': return simple(JailConfTokenKind::Equals, 1);
      case '{': return simple(JailConfTokenKind::OpenBrace, 1);
      case '}': return simple(JailConfTokenKind::CloseBrace, 1);
      case '*':
      case '/': return piece(pos_, pos_ + 1, std::string(1, c));
      case '\\': return scanEscape();
      case '\'':
      case '"':
        if (std::optional<JailConfToken> token = scanQuoted(c)) return *token;
        continue;
      case '$':
        if (std::optional<JailConfToken> token = scanVariable()) return *token;
        continue;
      default:
        if (isWordChar(c)) return scanWord();
        return simple(JailConfTokenKind::Other, 1);
    }
  }
}

bool JailConfLexer::skipBlankOrComment(char c, char after) {
  if (isBlank(c)) {
    std::size_t end = pos_;
    while (end < text_.size() && isBlank(text_[end])) ++end;
    skipSeparator(end);
    return true;
  }
  if (c == '#' || (c == '/' && after == '/')) {
    skipSeparator(std::min(text_.find('\n', pos_), text_.size()));
    return true;
  }
  if (c != '/' || after != '*') return false;
  std::size_t close = text_.find("*/", pos_ + 2);
  if (close != std::string_view::npos) {
    skipSeparator(close + 2);
  } else {
    // The unterminated-comment rule eats the rest of the file and reports
    // the line it ends on; it does not end the current string.
    countLines(pos_, text_.size());
    pos_ = text_.size();
    error("unterminated comment");
  }
  return true;
}

std::optional<JailConfToken> JailConfLexer::scanQuoted(char quote) {
  std::size_t close = closingQuote(text_, pos_ + 1, quote);
  if (close == std::string_view::npos) {
    // Only the part before the first newline is taken; the rest is read as
    // ordinary tokens, as jail(8) does.
    pos_ = unterminatedEnd(text_, pos_ + 1, std::string_view(&quote, 1));
    error("unterminated string");
    return std::nullopt;
  }
  std::string_view content = text_.substr(pos_ + 1, close - pos_ - 1);
  std::string value;
  if (quote == '\'') {
    unescapeJailConf(content, value, false);
    return piece(pos_, close + 1, std::move(value));
  }
  std::size_t dollar = unescapeJailConf(content, value, true);
  if (dollar == std::string_view::npos) return piece(pos_, close + 1, std::move(value));
  // A variable inside: the piece ends before it, and the rest of the quoted
  // text is read in flex's DQ state.
  quoteEnd_ = close;
  afterQuotedVar_ = true;
  return piece(pos_, pos_ + 1 + dollar, std::move(value));
}

JailConfToken JailConfLexer::scanAfterVariableInQuotes() {
  char c = text_[pos_];
  if (c == '$') {
    if (std::optional<JailConfToken> token = scanVariable()) return *token;
    return next();  // an unterminated ${...}: reported, then go on
  }
  if (c == '\\') return scanEscape();
  std::string value;
  std::size_t dollar = unescapeJailConf(text_.substr(pos_, quoteEnd_ - pos_), value, true);
  if (dollar != std::string_view::npos) return piece(pos_, pos_ + dollar, std::move(value));
  afterQuotedVar_ = false;
  return piece(pos_, quoteEnd_ + 1, std::move(value));
}

std::optional<JailConfToken> JailConfLexer::scanVariable() {
  const std::size_t start = pos_;
  const char after = start + 1 < text_.size() ? text_[start + 1] : '\0';
  if (isNameStart(after)) {
    std::size_t end = start + 2;
    while (end < text_.size() && isNameChar(text_[end])) ++end;
    return variable(start, end, std::string(text_.substr(start + 1, end - start - 1)));
  }
  if (after != '{') return piece(start, start + 1, "$");  // a lone `$` is literal
  // Inside double quotes a `"` also ends the name.
  const std::string_view stops = afterQuotedVar_ ? std::string_view("{}\"") : std::string_view("{}");
  std::size_t i = start + 2;
  while (i < text_.size() && text_[i] != '\n' && stops.find(text_[i]) == std::string_view::npos) {
    if (text_[i] == '\\' && i + 1 < text_.size()) ++i;  // `\}` and backslash-newline belong to the name
    ++i;
  }
  if (i < text_.size() && text_[i] == '}') {
    std::string name;
    unescapeJailConf(text_.substr(start + 2, i - start - 2), name, false);
    return variable(start, i + 1, std::move(name));
  }
  pos_ = unterminatedEnd(text_, start + 2, stops);
  error("unterminated variable");
  return std::nullopt;
}

JailConfToken JailConfLexer::scanEscape() {
  const std::size_t start = pos_;
  if (start + 1 >= text_.size()) return piece(start, start + 1, "");
  const char c = text_[start + 1];
  std::size_t end = start + 2;
  if (isOctal(c)) {
    while (end < text_.size() && end < start + 4 && isOctal(text_[end])) ++end;
  } else if (c == 'x') {
    while (end < text_.size() && end < start + 4 && isHex(text_[end])) ++end;
  }
  std::string value;
  unescapeJailConf(text_.substr(start, end - start), value, false);
  return piece(start, end, std::move(value));
}

JailConfToken JailConfLexer::scanWord() {
  std::size_t end = pos_;
  while (end < text_.size() && isWordChar(text_[end])) ++end;
  return piece(pos_, end, std::string(text_.substr(pos_, end - pos_)));
}

}  // namespace rcjail
