// Tokenizer of the sh subset parser. It keeps quoting as structure rather
// than text so that expansion can tell "$x" from $x and '*' from *.
#include "sh_lexer.h"

#include <cassert>

#include "location.h"

namespace rcjail {

namespace {

bool isBlank(int c) { return c == ' ' || c == '\t'; }
bool isOperatorChar(int c) {
  return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}
bool isDigit(int c) { return c >= '0' && c <= '9'; }
bool isSpecialParam(int c) {
  return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!';
}
// Characters that end a run of plain literal text in an unquoted word.
bool isWordSpecial(int c) {
  return c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`' || c == '=' || c == ':' ||
         c == '\n' || isBlank(c) || isOperatorChar(c);
}

}  // namespace

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
  throw ConfigError({file_, line_}, "Syntax error: " + message);
}

void ShLexer::enterNested() {
  constexpr int kMaxNesting = 200;
  if (nesting_ >= kMaxNesting) fail("nested too deeply");
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

void ShLexer::readTilde(ShParts& out, bool afterAssign) {
  // ~user ends at '/', at ':' in an assignment, or at the end of the word.
  // A quote or an expansion inside it means no tilde expansion at all.
  std::size_t end = pos_ + 1;
  while (end < text_.size()) {
    unsigned char c = static_cast<unsigned char>(text_[end]);
    if (c == '/' || (afterAssign && c == ':') || c == '\n' || isBlank(c) || isOperatorChar(c) ||
        c == '}')
      break;
    if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') {
      appendLiteral(out, "~", false, line_);
      ++pos_;
      return;
    }
    ++end;
  }
  ShWordPart part;
  part.kind = ShWordPart::Kind::Tilde;
  part.afterAssign = afterAssign;
  part.line = line_;
  part.text.assign(text_.substr(pos_ + 1, end - pos_ - 1));
  out.push_back(std::move(part));
  pos_ = end;
}

void ShLexer::readParts(ShParts& out, Context context) {
  ShNesting nesting(*this);
  const bool quoted = context == Context::BraceQuoted || context == Context::DoubleQuoted ||
                      context == Context::Arithmetic;
  bool assignment = false;  // the word started with NAME=
  int depth = 0;            // open parentheses inside $((...))
  for (;;) {
    skipContinuations();
    int c = peekChar();
    if (c == -1) {
      switch (context) {
        case Context::Word: return;
        case Context::BraceWord:
        case Context::BraceQuoted: fail("Missing '}'");
        case Context::DoubleQuoted: fail("Unterminated quoted string");
        case Context::Arithmetic: fail("Missing '))'");
      }
    }
    switch (context) {
      case Context::Word:
        if (c == '\n' || isBlank(c) || isOperatorChar(c)) return;
        break;
      case Context::BraceWord:
      case Context::BraceQuoted:
        if (c == '}') return;
        break;
      case Context::DoubleQuoted:
        if (c == '"') return;
        break;
      case Context::Arithmetic:
        if (c == '(') ++depth;
        if (c == ')') {
          if (depth == 0) {
            if (peekChar(1) != ')') fail("Missing '))'");
            return;
          }
          --depth;
        }
        break;
    }
    switch (c) {
      case '\\': {
        ++pos_;
        int n = peekChar();
        if (n == -1) {
          appendLiteral(out, "\\", quoted, line_);
        } else if (!quoted) {
          appendLiteral(out, text_.substr(pos_++, 1), true, line_);
        } else if (n == '$' || n == '`' || n == '"' || n == '\\' ||
                   (n == '}' && context == Context::BraceQuoted)) {
          appendLiteral(out, text_.substr(pos_++, 1), true, line_);
        } else {
          appendLiteral(out, "\\", true, line_);
        }
        continue;
      }
      case '\'':
        if (!quoted) {
          readSingleQuoted(out);
          continue;
        }
        break;
      case '"':
        if (context != Context::DoubleQuoted && context != Context::Arithmetic) {
          readDoubleQuoted(out);
          continue;
        }
        break;
      case '$':
        readDollar(out, quoted);
        continue;
      case '`':
        readBackquote(out, quoted);
        continue;
      case '=':
        if (context == Context::Word && !assignment && out.size() == 1 &&
            out[0].kind == ShWordPart::Kind::Literal && !out[0].quoted && isShName(out[0].text)) {
          assignment = true;
          appendLiteral(out, "=", false, line_);
          ++pos_;
          if (peekChar() == '~') readTilde(out, true);
          continue;
        }
        break;
      case ':':
        if (assignment) {
          appendLiteral(out, ":", false, line_);
          ++pos_;
          if (peekChar() == '~') readTilde(out, true);
          continue;
        }
        break;
      default:
        break;
    }
    // Plain characters; in a word, take the whole run at once.
    std::size_t start = pos_;
    int startLine = line_;
    if (c == '\n') ++line_;
    ++pos_;
    if (context == Context::Word) {
      while (pos_ < text_.size() && !isWordSpecial(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    appendLiteral(out, text_.substr(start, pos_ - start), quoted, startLine);
  }
}

void ShLexer::readSingleQuoted(ShParts& out) {
  int startLine = line_;
  std::size_t end = text_.find('\'', pos_ + 1);
  std::size_t stop = end == std::string_view::npos ? text_.size() : end;
  std::string_view body = text_.substr(pos_ + 1, stop - pos_ - 1);
  for (char ch : body)
    if (ch == '\n') ++line_;
  pos_ = stop;
  if (end == std::string_view::npos) fail("Unterminated quoted string");
  ++pos_;
  appendLiteral(out, body, true, startLine);
}

void ShLexer::readDoubleQuoted(ShParts& out) {
  ++pos_;
  std::size_t before = out.size();
  readParts(out, Context::DoubleQuoted);
  ++pos_;  // the closing quote
  // "" must still count as a (quoted, empty) part so that it makes a field.
  if (out.size() == before) appendLiteral(out, "", true, line_);
}

void ShLexer::readDollar(ShParts& out, bool quoted) {
  int startLine = line_;
  ++pos_;
  skipContinuations();
  int c = peekChar();
  if (c == '{') {
    readBraceParam(out, quoted);
    return;
  }
  if (c == '(') {
    if (peekChar(1) == '(') {
      readArithmetic(out, quoted);
      return;
    }
    ++pos_;
    std::size_t start = pos_;
    assert(substitutions_ != nullptr);
    substitutions_->parseParenSubstitution(*this);
    ShWordPart part;
    part.kind = ShWordPart::Kind::CommandSubst;
    part.quoted = quoted;
    part.line = startLine;
    part.text = "$(" + std::string(text_.substr(start, pos_ - start));
    out.push_back(std::move(part));
    return;
  }
  ShWordPart part;
  part.kind = ShWordPart::Kind::Param;
  part.quoted = quoted;
  part.line = startLine;
  if (c == '\'' && !quoted) {
    part.kind = ShWordPart::Kind::Unsupported;
    part.text = "$'...' quoting";
    out.push_back(std::move(part));
    readSingleQuoted(out);
    return;
  }
  if (isShNameStart(c)) {
    std::size_t start = pos_;
    while (isShNameChar(peekChar())) ++pos_;
    part.text.assign(text_.substr(start, pos_ - start));
  } else if (isDigit(c) || isSpecialParam(c)) {
    part.text.assign(1, static_cast<char>(c));
    ++pos_;
  } else {
    appendLiteral(out, "$", quoted, startLine);
    return;
  }
  out.push_back(std::move(part));
}

void ShLexer::readBraceParam(ShParts& out, bool quoted) {
  ShWordPart part;
  part.kind = ShWordPart::Kind::Param;
  part.quoted = quoted;
  part.line = line_;
  ++pos_;  // '{'
  auto readName = [&]() {
    skipContinuations();
    int c = peekChar();
    std::size_t start = pos_;
    if (isShNameStart(c)) {
      while (isShNameChar(peekChar())) ++pos_;
    } else if (isDigit(c)) {
      while (isDigit(peekChar())) ++pos_;
    } else if (isSpecialParam(c)) {
      ++pos_;
    }
    part.text.assign(text_.substr(start, pos_ - start));
  };
  if (peekChar() == '#') {
    int n = peekChar(1);
    bool lengthOfSomething = n != '}' && n != -1 &&
                             (isShNameChar(n) || isSpecialParam(n)) &&
                             !((n == '-' || n == '=' || n == '?' || n == '+') && peekChar(2) != '}');
    if (lengthOfSomething) {
      ++pos_;
      part.op = ShParamOp::Length;
      readName();
      if (part.text.empty() || peekChar() != '}') part.op = ShParamOp::Bad;
    } else {
      part.text = "#";
      ++pos_;
    }
  } else {
    readName();
  }
  if (part.text.empty()) part.op = ShParamOp::Bad;
  skipContinuations();
  if (part.op == ShParamOp::None) {
    int c = peekChar();
    if (c == ':') {
      int n = peekChar(1);
      if (n == '-' || n == '=' || n == '?' || n == '+') {
        part.colon = true;
        ++pos_;
        c = n;
      } else {
        part.op = ShParamOp::Bad;
      }
    }
    if (part.op == ShParamOp::None) {
      switch (c) {
        case '}': break;
        case '-': part.op = ShParamOp::Default; ++pos_; break;
        case '=': part.op = ShParamOp::Assign; ++pos_; break;
        case '?': part.op = ShParamOp::Error; ++pos_; break;
        case '+': part.op = ShParamOp::Alternative; ++pos_; break;
        case '#':
          ++pos_;
          part.op = ShParamOp::RemoveSmallestPrefix;
          skipContinuations();
          if (peekChar() == '#') {
            ++pos_;
            part.op = ShParamOp::RemoveLargestPrefix;
          }
          break;
        case '%':
          ++pos_;
          part.op = ShParamOp::RemoveSmallestSuffix;
          skipContinuations();
          if (peekChar() == '%') {
            ++pos_;
            part.op = ShParamOp::RemoveLargestSuffix;
          }
          break;
        default: part.op = ShParamOp::Bad; break;
      }
    }
  }
  if (part.op != ShParamOp::None && part.op != ShParamOp::Length) {
    bool pattern = part.op >= ShParamOp::RemoveSmallestPrefix && part.op <= ShParamOp::RemoveLargestSuffix;
    // Inside "...", the word of ${v-w} follows the rules of double quotes,
    // but a pattern keeps its quotes and its special characters.
    if (quoted && !pattern) {
      readParts(part.word, Context::BraceQuoted);
    } else {
      if (!quoted && peekChar() == '~') readTilde(part.word, false);
      readParts(part.word, Context::BraceWord);
    }
  }
  if (peekChar() != '}') fail("Missing '}'");
  ++pos_;
  out.push_back(std::move(part));
}

void ShLexer::readArithmetic(ShParts& out, bool quoted) {
  ShWordPart part;
  part.kind = ShWordPart::Kind::Arith;
  part.quoted = quoted;
  part.line = line_;
  pos_ += 2;
  readParts(part.word, Context::Arithmetic);
  pos_ += 2;  // "))"
  out.push_back(std::move(part));
}

void ShLexer::readBackquote(ShParts& out, bool quoted) {
  int startLine = line_;
  ++pos_;
  std::string body;
  for (;;) {
    if (pos_ >= text_.size()) fail("EOF in backquote substitution");
    char c = text_[pos_++];
    if (c == '`') break;
    if (c == '\\' && pos_ < text_.size()) {
      char n = text_[pos_];
      if (n == '$' || n == '`' || n == '\\' || (quoted && n == '"')) {
        body += n;
        ++pos_;
        continue;
      }
      if (n == '\n') {
        ++pos_;
        ++line_;
        continue;
      }
    }
    if (c == '\n') ++line_;
    body += c;
  }
  assert(substitutions_ != nullptr);
  substitutions_->parseBackquoteSubstitution(body, startLine);
  ShWordPart part;
  part.kind = ShWordPart::Kind::CommandSubst;
  part.quoted = quoted;
  part.line = startLine;
  part.text = "`" + body + "`";
  out.push_back(std::move(part));
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
