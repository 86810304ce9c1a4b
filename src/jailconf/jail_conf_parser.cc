// jail.conf grammar, as jail(8)'s jailparse.y has it plus `.include`:
//
//   file      := (jail | statement | ';')*
//   jail      := STR '{' (jail | statement | ';')* '}'   # Older: no jail inside
//   statement := name [('=' | '+=') value | value] ';'
//   name      := STR | VAR                               # VAR defines a variable
//   value     := string (',' string)*
//   string    := (STR | VAR) (STR1 | VAR1)*
//
// Two grammars (JailConfGrammar). Current (jail(8) since June 2023): a block
// inside block `a` defines the jail `a.NAME` and inherits nothing from `a`;
// each jail takes its place in the sequence when its name is read, so `a`
// comes before `a.b`; every statement outside a block goes to one `*`
// pseudo-jail made at the first of them. Older: no nesting; a block takes
// its place when it closes, and a statement outside a block joins the last
// block if that is a `*` block, else starts a new `*` block right there, so
// a run of global statements acts like a `* { }` block written at that place.
// While reading with Current, the parser notes whether Older would read the
// file differently (`differs`), so that the caller asks which grammar the
// host has only when it matters.
//
// Error recovery copies yacc's for jail(8)'s single `param: error` rule: the
// broken statement is dropped up to the next ';', and no new message comes
// until three tokens have been accepted since the last one.
#include "jail_conf_parser.h"

#include <cstring>
#include <optional>
#include <utility>

#include "jail_conf_model.h"
#include "jail_conf_include.h"
#include "jail_conf_lexer.h"

namespace rcjail {

namespace {

constexpr int kMaxIncludeDepth = 32;  // jail(8)'s MAX_INCLUDE_DEPTH
constexpr int kTokensToLeaveRecovery = 3;
// Blocks inside blocks: jail(8) takes them until its yacc stack runs out
// (thousands deep, with names far over the kernel's 255 bytes); deeper than
// this, a block is the syntax error the older grammar gives for any nesting.
constexpr std::size_t kMaxBlockDepth = 32;

using Kind = JailConfTokenKind;

// Where the statements being read go. jail(8) shares it between a file and
// the files it includes, which is what makes an include act as if its text
// were written in place.
struct ReadState {
  const FsRoot& root;
  JailConfGrammar grammar;
  bool& differs;  // Current only: Older would read what was read so far otherwise
  JailConfSource source;
  JailConfErrorList errors;
  std::vector<std::size_t> open;         // Current: the blocks being read (source.blocks), innermost last
  std::optional<JailConfBlock> pending;  // Older: the block being read, placed when it closes
  std::optional<std::size_t> global;     // Current: the `*` pseudo-jail of the top-level statements

  bool inBlock() const { return pending || !open.empty(); }
  JailConfBlock& current() { return pending ? *pending : source.blocks[open.back()]; }
  [[noreturn]] void fail() const { throw JailConfError(errors.first, errors.messages); }
};

enum class Scope {
  TopLevel,         // a file: jails and global statements; ends at EOF
  BlockBody,        // inside `name { ... }`: ends at '}'
  IncludedInBlock,  // a file included inside a block: statements of that block
};

class FileParser {
 public:
  FileParser(ReadState& state, std::string_view text, std::string fileName, std::string includeBase,
             int depth)
      : state_(state),
        lexer_(text, fileName, state.errors),
        fileName_(std::move(fileName)),
        includeBase_(std::move(includeBase)),
        depth_(depth) {}

  // False when the file had errors (jail(8) stops after such a file).
  bool parse(Scope scope) { return statements(scope) && !hadErrors_ && !lexer_.hadErrors(); }

 private:
  const JailConfToken& peek();
  JailConfToken take();
  bool statements(Scope scope);
  bool block(const JailConfToken& name);
  void storeGlobal(JailConfStatement statement);
  bool statement(const JailConfToken& name, bool isVariable);
  bool values(JailConfStatement& statement);
  void store(JailConfStatement statement, int semicolonLine);
  void include(const JailConfStatement& statement, int semicolonLine);
  void includeFile(const std::string& path, const Location& where);
  bool syntaxError();

  ReadState& state_;
  JailConfLexer lexer_;
  std::string fileName_;
  std::string includeBase_;
  int depth_;
  JailConfToken lookahead_;
  bool haveLookahead_ = false;
  int recovering_ = 0;  // yacc's yyerrflag: tokens still to accept before a new message
  bool hadErrors_ = false;
};

const JailConfToken& FileParser::peek() {
  if (!haveLookahead_) {
    lookahead_ = lexer_.next();
    haveLookahead_ = true;
  }
  return lookahead_;
}

JailConfToken FileParser::take() {
  peek();
  haveLookahead_ = false;
  if (recovering_ > 0) --recovering_;
  return std::move(lookahead_);
}

// Reports the lookahead (unless still recovering from an earlier error),
// then drops tokens up to and including the next ';'. False at EOF, where
// yacc gives up.
bool FileParser::syntaxError() {
  hadErrors_ = true;
  if (recovering_ == 0) {
    const JailConfToken& token = peek();
    // jail(8) prints yytext as a C string: a NUL byte ends it, and a NUL
    // first byte reads as EOF.
    const std::string_view shown = token.raw.substr(0, token.raw.find('\0'));
    if (shown.empty()) {
      state_.errors.add({fileName_, token.lastLine}, fileName_ + ": unexpected EOF");
    } else {
      state_.errors.add({fileName_, token.lastLine}, fileName_ + " line " + std::to_string(token.lastLine) +
                                                         ": " + std::string(shown) + ": syntax error");
    }
  }
  recovering_ = kTokensToLeaveRecovery;
  for (;;) {
    Kind kind = peek().kind;
    if (kind == Kind::Semicolon) {
      take();
      return true;
    }
    if (kind == Kind::End) return false;
    haveLookahead_ = false;  // discarded, not accepted: recovering_ stays
  }
}

bool FileParser::statements(Scope scope) {
  for (;;) {
    switch (peek().kind) {
      case Kind::Semicolon:
        take();
        break;
      case Kind::End:
        if (scope != Scope::BlockBody) return true;
        return syntaxError();  // cannot recover at EOF: always false
      case Kind::CloseBrace:
        if (scope == Scope::BlockBody) {
          take();
          return true;
        }
        if (!syntaxError()) return false;
        break;
      case Kind::String: {
        JailConfToken name = take();
        const bool blocksHere =
            scope == Scope::TopLevel ||
            (state_.grammar == JailConfGrammar::Current && state_.open.size() < kMaxBlockDepth);
        bool ok = blocksHere && peek().kind == Kind::OpenBrace ? block(name) : statement(name, false);
        if (!ok) return false;
        break;
      }
      case Kind::Variable:
        if (!statement(take(), true)) return false;
        break;
      default:
        if (!syntaxError()) return false;
        break;
    }
  }
}

bool FileParser::block(const JailConfToken& name) {
  take();  // '{'
  JailConfBlock opened{name.value, {fileName_, name.firstLine}, {}};
  if (state_.inBlock()) {
    opened.name = state_.current().name + "." + name.value;  // a nested block (Current only)
    state_.differs = true;
  }
  std::vector<JailConfBlock>& blocks = state_.source.blocks;
  if (state_.grammar == JailConfGrammar::Current) {
    state_.open.push_back(blocks.size());
    blocks.push_back(std::move(opened));
  } else {
    state_.pending = std::move(opened);
  }
  if (!statements(Scope::BlockBody)) return false;
  if (state_.grammar == JailConfGrammar::Current) {
    state_.open.pop_back();
  } else {
    blocks.push_back(std::move(*state_.pending));
    state_.pending.reset();
  }
  return true;
}

bool FileParser::statement(const JailConfToken& name, bool isVariable) {
  JailConfStatement parsed;
  parsed.name = name.value;
  parsed.isVariable = isVariable;
  parsed.where = {fileName_, name.firstLine};
  switch (peek().kind) {
    case Kind::Equals:
    case Kind::Append:
      parsed.assignment = take().kind == Kind::Equals ? JailConfAssignment::Set : JailConfAssignment::Append;
      if (!values(parsed)) return syntaxError();
      break;
    case Kind::String:
    case Kind::Variable:
      parsed.assignment = JailConfAssignment::NameValue;
      if (!values(parsed)) return syntaxError();
      break;
    case Kind::Semicolon:
      parsed.assignment = JailConfAssignment::Valueless;
      break;
    default:
      return syntaxError();
  }
  if (peek().kind != Kind::Semicolon) return syntaxError();
  int semicolonLine = take().lastLine;
  store(std::move(parsed), semicolonLine);
  return true;
}

// False with the offending token as lookahead.
bool FileParser::values(JailConfStatement& statement) {
  for (;;) {
    JailConfString value;
    Kind kind = peek().kind;
    if (kind != Kind::String && kind != Kind::Variable) return false;
    do {
      JailConfToken piece = take();
      if (kind == Kind::String || kind == Kind::StringPiece) {
        value.text += piece.value;
      } else {
        value.refs.push_back({std::move(piece.value), value.text.size()});
      }
      kind = peek().kind;
    } while (kind == Kind::StringPiece || kind == Kind::VariablePiece);
    statement.values.push_back(std::move(value));
    if (peek().kind != Kind::Comma) return true;
    take();
  }
}

void FileParser::store(JailConfStatement parsed, int semicolonLine) {
  // `.include "x";` is a directive; `.include = "x";` is a parameter of that name.
  if (parsed.name == ".include" && !parsed.isVariable && parsed.assignment == JailConfAssignment::NameValue) {
    include(parsed, semicolonLine);
    return;
  }
  if (state_.inBlock()) {
    state_.current().statements.push_back(std::move(parsed));
    return;
  }
  storeGlobal(std::move(parsed));
}

void FileParser::storeGlobal(JailConfStatement parsed) {
  std::vector<JailConfBlock>& blocks = state_.source.blocks;
  if (state_.grammar == JailConfGrammar::Older) {
    if (blocks.empty() || blocks.back().name != "*") blocks.push_back(JailConfBlock{"*", parsed.where, {}});
    blocks.back().statements.push_back(std::move(parsed));
    return;
  }
  if (!state_.global) {
    state_.global = blocks.size();
    blocks.push_back(JailConfBlock{"*", parsed.where, {}});
  } else if (*state_.global + 1 != blocks.size()) {
    state_.differs = true;  // Older would start a new `*` block here
  }
  blocks[*state_.global].statements.push_back(std::move(parsed));
}

void FileParser::include(const JailConfStatement& directive, int semicolonLine) {
  const Location where{fileName_, semicolonLine};
  for (const JailConfString& name : directive.values) {
    if (!name.refs.empty()) {
      state_.errors.add(where, fileName_ + " line " + std::to_string(semicolonLine) +
                                   ": variables not permitted in '.include' filename");
      hadErrors_ = true;
      continue;
    }
    if (depth_ + 1 > kMaxIncludeDepth) {
      state_.errors.add(where, "maximum include depth exceeded");
      state_.fail();
    }
    std::string path = resolveJailConfInclude(includeBase_, name.text);
    if (!hasJailConfGlobMagic(path)) {
      includeFile(path, where);  // a plain name must exist
      continue;
    }
    for (const std::string& match : expandJailConfGlob(state_.root, path)) includeFile(match, where);
  }
}

void FileParser::includeFile(const std::string& path, const Location& where) {
  std::string text;
  if (int error = readJailConfFile(state_.root, path, text)) {
    state_.errors.add(where, path + ": " + std::strerror(error));
    state_.fail();
  }
  state_.source.files.push_back(path);
  FileParser included(state_, text, path, jailConfIncludeBase(path), depth_ + 1);
  if (!included.parse(state_.inBlock() ? Scope::IncludedInBlock : Scope::TopLevel)) state_.fail();
}

JailConfSource readText(ReadState& state, std::string_view text, const std::string& fileName,
                        std::string includeBase) {
  state.source.files.push_back(fileName);
  FileParser parser(state, text, fileName, std::move(includeBase), 0);
  if (!parser.parse(Scope::TopLevel)) state.fail();
  return std::move(state.source);
}

}  // namespace

JailConfSource readJailConfSource(const FsRoot& root, const std::string& path, JailConfGrammar grammar,
                                  bool& differs) {
  ReadState state{root, grammar, differs, {}, {}, {}, {}, {}};
  std::string text;
  if (int error = readJailConfFile(root, path, text)) {
    state.errors.add({path, 0}, path + ": " + std::strerror(error));
    state.fail();
  }
  return readText(state, text, path, jailConfIncludeBase(path));
}

JailConfSource readJailConfSourceText(const FsRoot& root, std::string_view text, const std::string& displayName,
                                      const std::string& baseDir, JailConfGrammar grammar, bool& differs) {
  ReadState state{root, grammar, differs, {}, {}, {}, {}, {}};
  std::string base = baseDir;
  if (!base.empty() && base.back() != '/') base += '/';
  return readText(state, text, displayName, std::move(base));
}

}  // namespace rcjail
