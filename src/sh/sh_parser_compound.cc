// The compound commands of the sh grammar: function bodies, groups and
// subshells, if, while/until, for and case.
#include "sh_parser.h"

namespace rcjail {

ShCommandPtr ShParser::parseFunctionBody(std::string name, int line) {
  skipNewlines();
  auto function = makeShCommand(ShCommand::Kind::FunctionDef, line);
  function->name = std::move(name);
  function->children.push_back(parseCommand());
  return function;
}

ShCommandPtr ShParser::parseGroup(ShCommand::Kind kind, std::string_view close, int line) {
  take();
  auto group = makeShCommand(kind, line);
  group->children.push_back(parseCompoundList(close));
  if (kind == ShCommand::Kind::Subshell) {
    expectOperator(close);
  } else {
    expectReserved(close);
  }
  parseRedirects(*group);
  return group;
}

ShCommandPtr ShParser::parseIf(int line) {
  take();
  auto command = makeShCommand(ShCommand::Kind::If, line);
  command->children.push_back(parseCompoundList("then"));
  expectReserved("then");
  command->children.push_back(parseCompoundList("fi"));
  for (;;) {
    if (peekReserved("elif")) {
      take();
      command->children.push_back(parseCompoundList("then"));
      expectReserved("then");
      command->children.push_back(parseCompoundList("fi"));
    } else if (peekReserved("else")) {
      take();
      command->children.push_back(parseCompoundList("fi"));
      expectReserved("fi");
      break;
    } else {
      expectReserved("fi");
      break;
    }
  }
  parseRedirects(*command);
  return command;
}

ShCommandPtr ShParser::parseLoop(ShCommand::Kind kind, int line) {
  take();
  auto command = makeShCommand(kind, line);
  command->children.push_back(parseCompoundList("do"));
  expectReserved("do");
  command->children.push_back(parseCompoundList("done"));
  expectReserved("done");
  parseRedirects(*command);
  return command;
}

ShCommandPtr ShParser::parseFor(int line) {
  take();
  auto command = makeShCommand(ShCommand::Kind::For, line);
  const ShToken& nameToken = peek();
  if (nameToken.kind != ShToken::Kind::Word || !nameToken.word.isPlain() ||
      !isShName(nameToken.word.plainText())) {
    lexer_.fail("Bad for loop variable");
  }
  command->name = std::string(take().word.plainText());
  skipNewlines();
  if (peekReserved("in")) {
    take();
    command->hasIn = true;
    while (peek().kind == ShToken::Kind::Word) command->words.push_back(take().word);
    if (peekOperator(";")) {
      take();
    } else if (peek().kind != ShToken::Kind::Newline) {
      unexpected(peek());
    }
  } else if (peekOperator(";")) {
    take();
  }
  skipNewlines();
  expectReserved("do");
  command->children.push_back(parseCompoundList("done"));
  expectReserved("done");
  parseRedirects(*command);
  return command;
}

ShCommandPtr ShParser::parseCase(int line) {
  take();
  auto command = makeShCommand(ShCommand::Kind::Case, line);
  if (peek().kind != ShToken::Kind::Word) unexpected(peek());
  command->subject = take().word;
  skipNewlines();
  expectReserved("in");
  skipNewlines();
  while (!peekReserved("esac")) {
    ShCaseItem item;
    if (peekOperator("(")) take();
    for (;;) {
      if (peek().kind != ShToken::Kind::Word) {
        unexpected(peek(), peek().kind == ShToken::Kind::End ? ")" : "");
      }
      item.patterns.push_back(take().word);
      if (!peekOperator("|")) break;
      take();
    }
    expectOperator(")");
    skipNewlines();
    if (peek().kind == ShToken::Kind::End) unexpected(peek(), ";;");
    if (!peekOperator(";;") && !peekReserved("esac")) item.body = parseList(true);
    command->caseItems.push_back(std::move(item));
    if (peekOperator(";;")) {
      take();
      skipNewlines();
    } else if (!peekReserved("esac")) {
      unexpected(peek(), ";;");
    }
  }
  take();
  parseRedirects(*command);
  return command;
}

}  // namespace rcjail
