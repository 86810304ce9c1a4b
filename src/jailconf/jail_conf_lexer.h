// The jail.conf(5) tokenizer: jail(8)'s flex rules (jaillex.l) as one
// linear pass, with the same token boundaries, string pieces, escapes and
// lexical error messages, so that the parser reports the same syntax errors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "location.h"

namespace rcjail {

// Errors in the order jail(8) prints them, and where the first one is.
struct JailConfErrorList {
  std::vector<std::string> messages;
  Location first;
  void add(Location where, std::string message);
  bool empty() const { return messages.empty(); }
};

enum class JailConfTokenKind {
  End,
  String,         // STR: the first piece of a string
  StringPiece,    // STR1: a piece glued to the one before (no blank between)
  Variable,       // VAR: `$name` / `${name}` as the first piece
  VariablePiece,  // VAR1
  Append,         // +=
  Comma,
  Semicolon,
  Equals,
  OpenBrace,
  CloseBrace,
  Other,  // a byte no rule accepts (control characters, non-ASCII)
};

struct JailConfToken {
  JailConfTokenKind kind = JailConfTokenKind::End;
  std::string value;      // the piece with escapes processed, or the variable name, up to a NUL byte
  std::string_view raw;   // as written; what a syntax error message shows
  int firstLine = 1;      // where the token starts
  int lastLine = 1;       // where it ends: jail(8)'s line for a syntax error
};

class JailConfLexer {
 public:
  // `text` must outlive the lexer and its tokens. Lexical errors go to `errors`.
  JailConfLexer(std::string_view text, std::string fileName, JailConfErrorList& errors);

  JailConfToken next();
  bool hadErrors() const { return hadErrors_; }

 private:
  // The scanners that may only report an error return no token.
  std::optional<JailConfToken> scanQuoted(char quote);
  std::optional<JailConfToken> scanVariable();
  JailConfToken scanAfterVariableInQuotes();
  JailConfToken scanEscape();
  JailConfToken scanWord();
  JailConfToken piece(std::size_t start, std::size_t end, std::string value);
  JailConfToken variable(std::size_t start, std::size_t end, std::string name);
  JailConfToken simple(JailConfTokenKind kind, std::size_t length);
  void skipSeparator(std::size_t end);  // blanks and comments: they end a string
  // Skips the blanks or the comment that start at `c` (`after` follows it);
  // false when `c` starts neither.
  bool skipBlankOrComment(char c, char after);
  void error(const char* what);
  void countLines(std::size_t start, std::size_t end);

  std::string_view text_;
  std::string fileName_;
  JailConfErrorList& errors_;
  std::size_t pos_ = 0;
  int line_ = 1;
  bool inString_ = false;       // flex's `instr`: the next piece is glued on
  bool afterQuotedVar_ = false;  // flex's DQ state: inside "..." after a variable
  std::size_t quoteEnd_ = 0;     // in that state: the closing quote
  bool hadErrors_ = false;
};

// jail(8)'s backslash processing (text2lval): \a \b \f \n \r \t \v, 1-3 octal
// digits, \x with 1-2 hex digits, backslash-newline deleted, \X gives X.
// Appends to `out`; with `stopAtDollar`, stops at the first unescaped `$` and
// returns its offset, else returns npos.
std::size_t unescapeJailConf(std::string_view in, std::string& out, bool stopAtDollar);

}  // namespace rcjail
