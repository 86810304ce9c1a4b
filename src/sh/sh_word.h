// Words of sh source as the lexer leaves them: a list of parts that keeps
// what was quoted and which expansions appear, for the parser (reserved
// words, assignments) and for expansion.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rcjail {

enum class ShParamOp : std::uint8_t {
  None,                  // ${v}
  Default,               // ${v-w}, ${v:-w}
  Assign,                // ${v=w}, ${v:=w}
  Error,                 // ${v?w}, ${v:?w}
  Alternative,           // ${v+w}, ${v:+w}
  Length,                // ${#v}
  RemoveSmallestPrefix,  // ${v#p}
  RemoveLargestPrefix,   // ${v##p}
  RemoveSmallestSuffix,  // ${v%p}
  RemoveLargestSuffix,   // ${v%%p}
  Bad,                   // ${...} that sh only rejects when it expands it
};

struct ShWordPart {
  enum class Kind : std::uint8_t {
    Literal,       // text: the characters, quotes removed
    Param,         // text: the parameter name; op, colon, word
    Arith,         // $((...)); word: the expression
    Tilde,         // text: the user name ("" for ~)
    CommandSubst,  // $(...) or `...`; text: the source, for messages
    Unsupported,   // valid sh the native evaluator does not do ($'...'); text says what
  };
  Kind kind = Kind::Literal;
  // Literal: quoted, escaped or inside "..."; Param, Arith, CommandSubst: inside "...".
  bool quoted = false;
  bool colon = false;        // Param: ${v:-w} rather than ${v-w}
  bool afterAssign = false;  // Tilde: after the = or a : of an assignment, not at the word start
  ShParamOp op = ShParamOp::None;
  int line = 0;
  std::string text;
  std::vector<ShWordPart> word;  // Param: the word after the operator; Arith: the expression
};

using ShParts = std::vector<ShWordPart>;

struct ShWord {
  ShParts parts;
  int line = 0;
  // One unquoted literal: a candidate reserved word or name.
  bool isPlain() const;
  // The plain text, or "" when the word is not plain.
  std::string_view plainText() const;
  // `NAME=` at the start, unquoted: the length of NAME, else 0.
  std::size_t assignmentNameLength() const;
};

// The characters of sh names: [A-Za-z_] first, then [A-Za-z0-9_]. Taking
// an int, they also answer the lexer's end-of-input (-1).
inline bool isShNameStart(int c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool isShNameChar(int c) { return isShNameStart(c) || (c >= '0' && c <= '9'); }

// A valid variable name: [A-Za-z_][A-Za-z0-9_]*.
bool isShName(std::string_view s);

}  // namespace rcjail
