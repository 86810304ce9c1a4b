// Tokenizer of the sh subset parser. It keeps quoting as structure rather
// than text so that expansion can tell "$x" from $x and '*' from *.
#include "sh_lexer.h"

#include "location.h"
#include "sh_state.h"
#include "sh_lexer_chars.h"

namespace rcjail {

std::string ShToken::describe() const {
  switch (kind) {
    case Kind::Word: {
      std::string text;
      for (const ShWordPart& p : word.parts)
        if (p.kind == ShWordPart::Kind::Literal) text += p.text;
      return "\"" + text + "\"";
    }
    case Kind::Operator:
    case Kind::IoNumber:
      return "\"" + op + "\"";
    case Kind::Newline:
      return "newline";
    case Kind::End:
      break;
  }
  return "end of file";
}

ShLexer::ShLexer(std::string_view text, std::string file, int firstLine)
    : text_(text), file_(std::move(file)), line_(firstLine) {}

void ShLexer::fail(const std::string& message) const {
  throw ShError({file_, line_}, "Syntax error: " + message);
}

void ShLexer::enterNested() {
  constexpr int kMaxNesting = 200;
  if (nesting_ >= kMaxNesting) throw ConfigError({file_, line_}, "Syntax error: nested too deeply");
  ++nesting_;
}

int ShLexer::peekChar(std::size_t ahead) const {
  std::size_t i = pos_ + ahead;
  return i < text_.size() ? static_cast<unsigned char>(text_[i]) : -1;
}

void ShLexer::skipContinuations() {
  while (pos_ + 1 < text_.size() && text_[pos_] == '\\' && text_[pos_ + 1] == '\n') {
    pos_ += 2;
    ++line_;
  }
}

void ShLexer::appendLiteral(ShParts& out, std::string_view text, bool quoted, int line) {
  if (!out.empty() && out.back().kind == ShWordPart::Kind::Literal && out.back().quoted == quoted) {
    out.back().text.append(text);
    return;
  }
  ShWordPart part;
  part.kind = ShWordPart::Kind::Literal;
  part.quoted = quoted;
  part.line = line;
  part.text.assign(text);
  out.push_back(std::move(part));
}

void ShLexer::addHereDocument(std::string delimiter, bool stripTabs) {
  hereDocuments_.push_back({std::move(delimiter), stripTabs});
}

ShToken ShLexer::next() {
  for (;;) {
    skipContinuations();
    while (isBlank(peekChar())) {
      ++pos_;
      skipContinuations();
    }
    int c = peekChar();
    ShToken token;
    token.line = line_;
    if (c == -1) return token;
    if (c == '#') {
      // A comment runs to the newline; a backslash in it continues nothing.
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      token.kind = ShToken::Kind::Newline;
      if (!hereDocuments_.empty()) readHereDocuments();
      return token;
    }
    if (isOperatorChar(c)) return readOperator();
    token.kind = ShToken::Kind::Word;
    token.word = readWord();
    std::string_view plain = token.word.plainText();
    int after = peekChar();
    if (!plain.empty() && (after == '<' || after == '>') &&
        plain.find_first_not_of("0123456789") == std::string_view::npos) {
      token.kind = ShToken::Kind::IoNumber;
      token.op = std::string(plain);
    }
    return token;
  }
}

ShToken ShLexer::readOperator() {
  ShToken token;
  token.kind = ShToken::Kind::Operator;
  token.line = line_;
  char c = text_[pos_++];
  token.op = c;
  skipContinuations();
  int n = peekChar();
  auto take = [&](char second) {
    if (n != second) return false;
    token.op += second;
    ++pos_;
    skipContinuations();
    return true;
  };
  switch (c) {
    case ';': take(';'); break;
    case '&': take('&'); break;
    case '|': take('|'); break;
    case '<':
      if (take('<')) {
        if (peekChar() == '-') {
          token.op += '-';
          ++pos_;
        }
      } else if (!take('&')) {
        take('>');
      }
      break;
    case '>':
      if (!take('>') && !take('&')) take('|');
      break;
    default: break;
  }
  return token;
}

ShWord ShLexer::readWord() {
  ShWord word;
  word.line = line_;
  if (peekChar() == '~') readTilde(word.parts, false);
  readParts(word.parts, Context::Word);
  return word;
}

void ShLexer::readHereDocuments() {
  // The bodies are skipped: a here-document means the /bin/sh fallback, the
  // lexer only has to know where the next command starts.
  for (const PendingHereDocument& doc : hereDocuments_) {
    while (pos_ < text_.size()) {
      std::size_t end = text_.find('\n', pos_);
      std::size_t stop = end == std::string_view::npos ? text_.size() : end;
      std::string_view lineText = text_.substr(pos_, stop - pos_);
      if (doc.stripTabs) {
        while (!lineText.empty() && lineText[0] == '\t') lineText.remove_prefix(1);
      }
      pos_ = end == std::string_view::npos ? text_.size() : end + 1;
      if (end != std::string_view::npos) ++line_;
      if (lineText == doc.delimiter) break;
    }
  }
  hereDocuments_.clear();
}

}  // namespace rcjail
