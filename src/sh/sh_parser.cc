// Recursive-descent parser of the POSIX sh grammar. It accepts all of it
// (pipelines, redirections, subshells, here-documents, substitutions) so that
// syntax errors are found where sh finds them; what the native evaluator does
// not run is decided later, by the interpreter.
#include "sh_parser.h"

#include "location.h"

namespace rcjail {

namespace {

bool isTerminatingReserved(std::string_view w) {
  return w == "then" || w == "elif" || w == "else" || w == "fi" || w == "do" || w == "done" ||
         w == "esac" || w == "}" || w == "in";
}

bool isRedirectOperator(const std::string& op) {
  return op == "<" || op == ">" || op == ">>" || op == "<&" || op == ">&" || op == "<>" ||
         op == ">|" || op == "<<" || op == "<<-";
}

// The delimiter of a here-document: its text with quotes removed.
std::string delimiterText(const ShWord& word) {
  std::string out;
  for (const ShWordPart& part : word.parts) {
    if (part.kind == ShWordPart::Kind::Literal) out += part.text;
    if (part.kind == ShWordPart::Kind::Param) out += "$" + part.text;
  }
  return out;
}

}  // namespace

ShParser::ShParser(std::string_view text, std::string file, int firstLine)
    : ownLexer_(std::make_unique<ShLexer>(text, std::move(file), firstLine)), lexer_(*ownLexer_) {
  lexer_.setSubstitutionParser(this);
}

ShParser::ShParser(ShLexer& lexer) : lexer_(lexer) {}

const ShToken& ShParser::peek() {
  if (!hasPeeked_) {
    peeked_ = lexer_.next();
    hasPeeked_ = true;
  }
  return peeked_;
}

ShToken ShParser::take() {
  peek();
  hasPeeked_ = false;
  return std::move(peeked_);
}

bool ShParser::peekOperator(std::string_view op) {
  const ShToken& t = peek();
  return t.kind == ShToken::Kind::Operator && t.op == op;
}

bool ShParser::peekReserved(std::string_view word) {
  const ShToken& t = peek();
  return t.kind == ShToken::Kind::Word && t.word.isPlain() && t.word.plainText() == word;
}

void ShParser::skipNewlines() {
  while (peek().kind == ShToken::Kind::Newline) take();
}

void ShParser::unexpected(const ShToken& token, std::string_view expecting) {
  std::string message = token.describe() + " unexpected";
  if (!expecting.empty()) message += " (expecting \"" + std::string(expecting) + "\")";
  lexer_.fail(message);
}

void ShParser::expectReserved(std::string_view word) {
  if (!peekReserved(word)) unexpected(peek(), word);
  take();
}

void ShParser::expectOperator(std::string_view op) {
  if (!peekOperator(op)) unexpected(peek(), op);
  take();
}

bool ShParser::startsCommand(const ShToken& token) const {
  switch (token.kind) {
    case ShToken::Kind::Word:
      return !(token.word.isPlain() && isTerminatingReserved(token.word.plainText()));
    case ShToken::Kind::IoNumber:
      return true;
    case ShToken::Kind::Operator:
      return token.op == "(" || isRedirectOperator(token.op);
    default:
      return false;
  }
}

ShCommandPtr ShParser::next() {
  skipNewlines();
  if (peek().kind == ShToken::Kind::End) return nullptr;
  ShCommandPtr command = parseList(false);
  const ShToken& t = peek();
  if (t.kind == ShToken::Kind::Newline) {
    take();
  } else if (t.kind != ShToken::Kind::End) {
    unexpected(t);
  }
  return command;
}

ShCommandPtr ShParser::parseList(bool compound) {
  std::vector<ShCommandPtr> items;
  int line = peek().line;
  for (;;) {
    ShCommandPtr item = parseAndOr();
    bool separated = false;
    if (peekOperator("&")) {
      take();
      auto background = makeShCommand(ShCommand::Kind::Background, item->line);
      background->children.push_back(std::move(item));
      item = std::move(background);
      separated = true;
    } else if (peekOperator(";")) {
      take();
      separated = true;
    }
    items.push_back(std::move(item));
    if (compound) {
      if (peek().kind == ShToken::Kind::Newline) {
        skipNewlines();
        separated = true;
      }
    }
    if (!separated || !startsCommand(peek())) break;
  }
  if (items.size() == 1) return items[0];
  auto sequence = makeShCommand(ShCommand::Kind::Sequence, line);
  sequence->children = std::move(items);
  return sequence;
}

ShCommandPtr ShParser::parseCompoundList(std::string_view closing) {
  skipNewlines();
  // An empty list: sh names the token, or at the end of the file what it
  // was waiting for.
  if (!startsCommand(peek())) {
    unexpected(peek(), peek().kind == ShToken::Kind::End ? closing : std::string_view());
  }
  return parseList(true);
}

ShCommandPtr ShParser::parseAndOr() {
  ShCommandPtr first = parsePipeline();
  if (!peekOperator("&&") && !peekOperator("||")) return first;
  auto andOr = makeShCommand(ShCommand::Kind::AndOr, first->line);
  andOr->children.push_back(std::move(first));
  while (peekOperator("&&") || peekOperator("||")) {
    andOr->orOps.push_back(take().op == "||");
    skipNewlines();
    andOr->children.push_back(parsePipeline());
  }
  return andOr;
}

ShCommandPtr ShParser::parsePipeline() {
  int line = peek().line;
  bool negate = false;
  if (peekReserved("!")) {
    take();
    negate = true;
  }
  ShCommandPtr command = parseCommand();
  if (peekOperator("|")) {
    auto pipeline = makeShCommand(ShCommand::Kind::Pipeline, command->line);
    pipeline->children.push_back(std::move(command));
    while (peekOperator("|")) {
      take();
      skipNewlines();
      pipeline->children.push_back(parseCommand());
    }
    command = std::move(pipeline);
  }
  if (!negate) return command;
  auto n = makeShCommand(ShCommand::Kind::Not, line);
  n->children.push_back(std::move(command));
  return n;
}

ShCommandPtr ShParser::parseCommand() {
  ShNesting nesting(lexer_);
  const ShToken& t = peek();
  int line = t.line;
  if (t.kind == ShToken::Kind::Operator && t.op == "(") {
    return parseGroup(ShCommand::Kind::Subshell, ")", line);
  }
  if (t.kind == ShToken::Kind::Word && t.word.isPlain()) {
    std::string_view w = t.word.plainText();
    if (w == "if") return parseIf(line);
    if (w == "while") return parseLoop(ShCommand::Kind::While, line);
    if (w == "until") return parseLoop(ShCommand::Kind::Until, line);
    if (w == "for") return parseFor(line);
    if (w == "case") return parseCase(line);
    if (w == "{") return parseGroup(ShCommand::Kind::Brace, "}", line);
    if (isTerminatingReserved(w) || w == "!") unexpected(t);
  }
  return parseSimpleCommand();
}

bool ShParser::parseRedirect(std::vector<ShRedirect>& out) {
  const ShToken& t = peek();
  int fd = -1;
  if (t.kind == ShToken::Kind::IoNumber) {
    const std::string digits = take().op;
    fd = digits.size() > 4 ? 10000 : std::stoi(digits);  // any larger number is as unsupported
    if (peek().kind != ShToken::Kind::Operator || !isRedirectOperator(peek().op)) unexpected(peek());
  } else if (t.kind != ShToken::Kind::Operator || !isRedirectOperator(t.op)) {
    return false;
  }
  ShRedirect redirect;
  redirect.op = take().op;
  redirect.fd = fd;
  if (peek().kind != ShToken::Kind::Word) unexpected(peek());
  redirect.target = take().word;
  if (redirect.op == "<<" || redirect.op == "<<-") {
    lexer_.addHereDocument(delimiterText(redirect.target), redirect.op == "<<-");
  }
  out.push_back(std::move(redirect));
  return true;
}

void ShParser::parseRedirects(ShCommand& command) {
  while (parseRedirect(command.redirects)) {
  }
}

ShCommandPtr ShParser::parseSimpleCommand() {
  auto command = makeShCommand(ShCommand::Kind::Simple, peek().line);
  for (;;) {
    if (parseRedirect(command->redirects)) continue;
    if (peek().kind != ShToken::Kind::Word) break;
    ShToken t = take();
    std::size_t nameLength = t.word.assignmentNameLength();
    if (command->words.empty() && nameLength > 0) {
      ShAssignment assignment;
      ShParts parts = std::move(t.word.parts);
      assignment.name = parts[0].text.substr(0, nameLength);
      parts[0].text.erase(0, nameLength + 1);
      if (parts[0].text.empty()) parts.erase(parts.begin());
      assignment.value.parts = std::move(parts);
      assignment.value.line = t.word.line;
      command->assignments.push_back(std::move(assignment));
      continue;
    }
    command->words.push_back(std::move(t.word));
    if (command->words.size() == 1 && command->assignments.empty() &&
        command->redirects.empty() && peekOperator("(")) {
      const ShWord& nameWord = command->words[0];
      if (!nameWord.isPlain() || !isShName(nameWord.plainText())) lexer_.fail("Bad function name");
      take();
      expectOperator(")");
      return parseFunctionBody(std::string(nameWord.plainText()), command->line);
    }
  }
  if (command->words.empty() && command->assignments.empty() && command->redirects.empty()) {
    unexpected(peek());
  }
  return command;
}

void ShParser::parseParenSubstitution(ShLexer& lexer) {
  ShParser inner(lexer);
  inner.skipNewlines();
  if (!inner.peekOperator(")")) {
    inner.parseCompoundList(")");
    inner.skipNewlines();
  }
  inner.expectOperator(")");
}

void ShParser::parseBackquoteSubstitution(std::string_view body, int line) {
  ShParser inner(body, lexer_.file(), line);
  while (inner.next()) {
  }
}

std::shared_ptr<ShCommand> makeShCommand(ShCommand::Kind kind, int line) {
  auto command = std::make_shared<ShCommand>();
  command->kind = kind;
  command->line = line;
  return command;
}

std::vector<ShCommandPtr> parseShText(std::string_view text, const std::string& file) {
  ShParser parser(text, file);
  std::vector<ShCommandPtr> out;
  while (ShCommandPtr command = parser.next()) out.push_back(std::move(command));
  return out;
}

}  // namespace rcjail
