// The word half of the sh lexer: quoting, parameter, arithmetic and command
// substitutions and tildes, read into parts that keep quoting as structure.
#include "sh_lexer.h"

#include <cassert>
#include <utility>

#include "sh_lexer_chars.h"

namespace rcjail {

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
    if (endsParts(context, c, depth)) return;
    if (readSpecial(out, c, context, quoted, assignment)) continue;
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

bool ShLexer::endsParts(Context context, int c, int& depth) const {
  if (c == -1) {
    switch (context) {
      case Context::Word: return true;
      case Context::BraceWord:
      case Context::BraceQuoted: fail("Missing '}'");
      case Context::DoubleQuoted: fail("Unterminated quoted string");
      case Context::Arithmetic: fail("Missing '))'");
    }
  }
  switch (context) {
    case Context::Word: return c == '\n' || isBlank(c) || isOperatorChar(c);
    case Context::BraceWord:
    case Context::BraceQuoted: return c == '}';
    case Context::DoubleQuoted: return c == '"';
    case Context::Arithmetic:
      if (c == '(') ++depth;
      if (c != ')') return false;
      if (depth > 0) {
        --depth;
        return false;
      }
      if (peekChar(1) != ')') fail("Missing '))'");
      return true;
  }
  return false;
}

void ShLexer::readEscape(ShParts& out, Context context, bool quoted) {
  ++pos_;
  int n = peekChar();
  if (n == -1) {
    appendLiteral(out, "\\", quoted, line_);
  } else if (!quoted) {
    appendLiteral(out, text_.substr(pos_++, 1), true, line_);
  } else if (n == '$' || n == '`' || n == '"' || n == '\\' || (n == '}' && context == Context::BraceQuoted)) {
    appendLiteral(out, text_.substr(pos_++, 1), true, line_);
  } else {
    appendLiteral(out, "\\", true, line_);
  }
}

bool ShLexer::readSpecial(ShParts& out, int c, Context context, bool quoted, bool& assignment) {
  switch (c) {
    case '\\':
      readEscape(out, context, quoted);
      return true;
    case '\'':
      if (quoted) return false;
      readSingleQuoted(out);
      return true;
    case '"':
      if (context == Context::DoubleQuoted || context == Context::Arithmetic) return false;
      readDoubleQuoted(out);
      return true;
    case '$':
      readDollar(out, quoted);
      return true;
    case '`':
      readBackquote(out, quoted);
      return true;
    case '=':
      if (context != Context::Word || assignment || out.size() != 1 ||
          out[0].kind != ShWordPart::Kind::Literal || out[0].quoted || !isShName(out[0].text))
        return false;
      assignment = true;
      break;
    case ':':
      if (!assignment) return false;
      break;
    default:
      return false;
  }
  // '=' of NAME= or ':' after it: a tilde may follow (tilde expansion in assignments).
  appendLiteral(out, text_.substr(pos_++, 1), false, line_);
  if (peekChar() == '~') readTilde(out, true);
  return true;
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
  readBraceName(part);
  if (part.text.empty()) part.op = ShParamOp::Bad;
  skipContinuations();
  if (part.op == ShParamOp::None) readBraceOperator(part);
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

void ShLexer::readParamName(ShWordPart& part) {
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
}

void ShLexer::readBraceName(ShWordPart& part) {
  if (peekChar() != '#') {
    readParamName(part);
    return;
  }
  // ${#name} is a length; ${#}, ${#-w} and the like are about $#.
  int n = peekChar(1);
  bool lengthOfSomething = n != '}' && n != -1 && (isShNameChar(n) || isSpecialParam(n)) &&
                           !((n == '-' || n == '=' || n == '?' || n == '+') && peekChar(2) != '}');
  ++pos_;
  if (!lengthOfSomething) {
    part.text = "#";
    return;
  }
  part.op = ShParamOp::Length;
  readParamName(part);
  if (part.text.empty() || peekChar() != '}') part.op = ShParamOp::Bad;
}

void ShLexer::readBraceOperator(ShWordPart& part) {
  int c = peekChar();
  if (c == ':') {
    int n = peekChar(1);
    if (n != '-' && n != '=' && n != '?' && n != '+') {
      part.op = ShParamOp::Bad;
      return;
    }
    part.colon = true;
    ++pos_;
    c = n;
  }
  // The operators that may be doubled: # and ##, % and %%.
  auto doubled = [&](char twice, ShParamOp once, ShParamOp both) {
    ++pos_;
    part.op = once;
    skipContinuations();
    if (peekChar() == twice) {
      ++pos_;
      part.op = both;
    }
  };
  switch (c) {
    case '}': break;
    case '-': part.op = ShParamOp::Default; ++pos_; break;
    case '=': part.op = ShParamOp::Assign; ++pos_; break;
    case '?': part.op = ShParamOp::Error; ++pos_; break;
    case '+': part.op = ShParamOp::Alternative; ++pos_; break;
    case '#': doubled('#', ShParamOp::RemoveSmallestPrefix, ShParamOp::RemoveLargestPrefix); break;
    case '%': doubled('%', ShParamOp::RemoveSmallestSuffix, ShParamOp::RemoveLargestSuffix); break;
    default: part.op = ShParamOp::Bad; break;
  }
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

}  // namespace rcjail
