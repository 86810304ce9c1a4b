// The tokens of sh source: words (with their quoting kept as structure, so
// that expansion knows what was quoted), operators and newlines. First stage
// of the native rc.conf evaluator; the parser drives it token by token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sh_word.h"

namespace rcjail {

struct ShToken {
  enum class Kind : std::uint8_t { Word, Operator, IoNumber, Newline, End };
  Kind kind = Kind::End;
  std::string op;  // Operator: its spelling; IoNumber: the digits
  ShWord word;
  int line = 0;    // where it starts
  // How the token is named in "X unexpected" messages.
  std::string describe() const;
};

class ShLexer {
 public:
  // Parses the $(...) that starts at the lexer's position (just after "$(")
  // up to and including its ")"; the parser implements it, which keeps case
  // patterns and nested quotes inside the substitution right.
  class SubstitutionParser {
   public:
    virtual void parseParenSubstitution(ShLexer& lexer) = 0;
    virtual void parseBackquoteSubstitution(std::string_view body, int line) = 0;

   protected:
    ~SubstitutionParser() = default;
  };

  ShLexer(std::string_view text, std::string file, int firstLine = 1);

  ShToken next();
  // A here-document whose body starts after the next newline token.
  void addHereDocument(std::string delimiter, bool stripTabs);
  void setSubstitutionParser(SubstitutionParser* parser) { substitutions_ = parser; }

  int line() const { return line_; }
  const std::string& file() const { return file_; }
  // Throws ConfigError "Syntax error: MESSAGE" at the current line.
  [[noreturn]] void fail(const std::string& message) const;

  // The lexer and the parser recurse on nested constructs; a nesting deeper
  // than any configuration needs fails as a syntax error instead of
  // overflowing the stack (found by fuzzing). Pair with leaveNested(), or use
  // ShNesting.
  void enterNested();
  void leaveNested() { --nesting_; }

 private:
  enum class Context : std::uint8_t {
    Word,          // a word: ends at a blank, a newline or an operator
    BraceWord,     // the word of ${v-w} outside "...", or a pattern ${v#p}: ends at }
    BraceQuoted,   // the word of ${v-w} inside "...": the rules of "...", ends at }
    DoubleQuoted,  // inside "..."
    Arithmetic,    // inside $((...)): ends at the matching ))
  };

  int peekChar(std::size_t ahead = 0) const;
  // Skips backslash-newline pairs at the position (line continuations).
  void skipContinuations();
  ShToken readOperator();
  ShWord readWord();
  // Appends parts up to the terminator of the context, which it leaves unread.
  void readParts(ShParts& out, Context context);
  // Whether `c` ends the parts of `context` (fails on a premature end);
  // `depth` counts the open parentheses of $((...)).
  bool endsParts(Context context, int c, int& depth) const;
  // Quoting, expansions and NAME= in a word: true when `c` was consumed.
  bool readSpecial(ShParts& out, int c, Context context, bool quoted, bool& assignment);
  void readEscape(ShParts& out, Context context, bool quoted);
  void readSingleQuoted(ShParts& out);
  void readDoubleQuoted(ShParts& out);
  void readDollar(ShParts& out, bool quoted);
  void readBraceParam(ShParts& out, bool quoted);
  void readParamName(ShWordPart& part);
  void readBraceName(ShWordPart& part);      // ${name}, ${#name}, ${#}
  void readBraceOperator(ShWordPart& part);  // :- - = ? + # ## % %% or }
  void readArithmetic(ShParts& out, bool quoted);
  void readBackquote(ShParts& out, bool quoted);
  void readTilde(ShParts& out, bool afterAssign);
  void readHereDocuments();
  static void appendLiteral(ShParts& out, std::string_view text, bool quoted, int line);

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  struct PendingHereDocument {
    std::string delimiter;
    bool stripTabs;
  };
  std::vector<PendingHereDocument> hereDocuments_;
  SubstitutionParser* substitutions_ = nullptr;
  int nesting_ = 0;
};

// One level of ShLexer::enterNested() for a scope.
class ShNesting {
 public:
  explicit ShNesting(ShLexer& lexer) : lexer_(lexer) { lexer_.enterNested(); }
  ~ShNesting() { lexer_.leaveNested(); }
  ShNesting(const ShNesting&) = delete;
  ShNesting& operator=(const ShNesting&) = delete;

 private:
  ShLexer& lexer_;
};

}  // namespace rcjail
