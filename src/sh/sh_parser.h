// The syntax tree of sh commands and the parser that builds it, one complete
// command (up to a newline) at a time, as sh reads a file: what comes before
// a syntax error has already run when sh reports it. Errors are ConfigErrors
// worded and numbered like /bin/sh's (`Syntax error: "fi" unexpected`).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sh_lexer.h"

namespace rcjail {

struct ShCommand;
using ShCommandPtr = std::shared_ptr<const ShCommand>;

struct ShAssignment {
  std::string name;
  ShWord value;
};

struct ShRedirect {
  std::string op;  // "<", ">>", "<<-", ...
  int fd = -1;     // the IO number before the operator, -1 when none
  ShWord target;   // file, fd or here-document delimiter
};

struct ShCaseItem {
  std::vector<ShWord> patterns;
  ShCommandPtr body;  // null for an empty body
};

struct ShCommand {
  enum class Kind {
    Simple,       // assignments, words, redirects
    Sequence,     // children run in order (`;`, newline)
    Background,   // children[0] followed by `&`
    AndOr,        // children joined by && / || (orOps)
    Pipeline,     // children joined by |
    Not,          // ! children[0]
    Brace,        // { children[0]; }
    Subshell,     // ( children[0] )
    If,           // children: condition, body, [condition, body]..., [else body]
    While,        // children: condition, body
    Until,        // children: condition, body
    For,          // name, words (when hasIn), children[0]: body
    Case,         // subject, caseItems
    FunctionDef,  // name, children[0]: body
  };
  Kind kind = Kind::Simple;
  int line = 0;
  std::vector<ShAssignment> assignments;
  std::vector<ShWord> words;
  std::vector<ShRedirect> redirects;  // also on compound commands
  std::vector<ShCommandPtr> children;
  std::vector<bool> orOps;  // AndOr: true for ||, joining children[i] and children[i+1]
  std::string name;
  bool hasIn = false;  // For: `for x in ...` rather than `for x` ("$@")
  ShWord subject;
  std::vector<ShCaseItem> caseItems;
};

class ShParser : private ShLexer::SubstitutionParser {
 public:
  // `file` names the source in errors and locations.
  ShParser(std::string_view text, std::string file, int firstLine = 1);

  // The next complete command, null at the end. Throws ConfigError.
  ShCommandPtr next();

 private:
  // A parser sharing the lexer of its parent, for $(...).
  explicit ShParser(ShLexer& lexer);

  void parseParenSubstitution(ShLexer& lexer) override;
  void parseBackquoteSubstitution(std::string_view body, int line) override;

  const ShToken& peek();
  ShToken take();
  bool peekOperator(std::string_view op);
  bool peekReserved(std::string_view word);
  void skipNewlines();
  [[noreturn]] void unexpected(const ShToken& token, std::string_view expecting = {});
  void expectReserved(std::string_view word);
  void expectOperator(std::string_view op);

  ShCommandPtr parseList(bool compound);
  ShCommandPtr parseCompoundList(std::string_view closing);
  ShCommandPtr parseAndOr();
  ShCommandPtr parsePipeline();
  ShCommandPtr parseCommand();
  ShCommandPtr parseSimpleCommand();
  bool parseRedirect(std::vector<ShRedirect>& out);
  void parseRedirects(ShCommand& command);
  ShCommandPtr parseIf(int line);
  ShCommandPtr parseLoop(ShCommand::Kind kind, int line);
  ShCommandPtr parseFor(int line);
  ShCommandPtr parseCase(int line);
  ShCommandPtr parseGroup(ShCommand::Kind kind, std::string_view close, int line);
  ShCommandPtr parseFunctionBody(std::string name, int line);
  bool startsCommand(const ShToken& token) const;

  std::unique_ptr<ShLexer> ownLexer_;
  ShLexer& lexer_;
  ShToken peeked_;
  bool hasPeeked_ = false;
};

// A new command node of `kind` at `line`.
std::shared_ptr<ShCommand> makeShCommand(ShCommand::Kind kind, int line);

// Whole text at once (for tests and `sh -n`-style checks).
std::vector<ShCommandPtr> parseShText(std::string_view text, const std::string& file);

}  // namespace rcjail
