// Tests of the sh tokenizer: token kinds, the quoting kept in word parts,
// parameter forms, comments, continuations, here-documents and errors.
#include <boost/test/unit_test.hpp>

#include "location.h"
#include "sh_lexer.h"
#include "sh_parser.h"

namespace rcjail {
namespace {

class NoSubstitutions : public ShLexer::SubstitutionParser {
 public:
  void parseParenSubstitution(ShLexer& lexer) override {
    // Enough for these tests: skip to the matching ")".
    for (ShToken t = lexer.next(); !(t.kind == ShToken::Kind::Operator && t.op == ")");
         t = lexer.next()) {
      if (t.kind == ShToken::Kind::End) lexer.fail("end of file unexpected");
    }
  }
  void parseBackquoteSubstitution(std::string_view, int) override {}
};

std::vector<ShToken> tokens(std::string_view text) {
  NoSubstitutions subs;
  ShLexer lexer(text, "t.sh");
  lexer.setSubstitutionParser(&subs);
  std::vector<ShToken> out;
  for (;;) {
    ShToken t = lexer.next();
    if (t.kind == ShToken::Kind::End) break;
    out.push_back(std::move(t));
  }
  return out;
}

ShWord word(std::string_view text) {
  std::vector<ShToken> t = tokens(text);
  BOOST_REQUIRE_EQUAL(t.size(), 1u);
  BOOST_REQUIRE(t[0].kind == ShToken::Kind::Word);
  return t[0].word;
}

std::string syntaxError(std::string_view text) {
  try {
    parseShText(text, "t.sh");
  } catch (const ConfigError& e) {
    return e.describe();
  }
  return "";
}

using Kind = ShWordPart::Kind;

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_lexer)

BOOST_AUTO_TEST_CASE(splits_words_operators_and_newlines) {
  auto t = tokens("a=1 b;c&&d||e|f&\n(g)");
  std::vector<std::string> seen;
  for (const ShToken& token : t) {
    if (token.kind == ShToken::Kind::Word) seen.push_back("w:" + std::string(token.word.parts[0].text));
    if (token.kind == ShToken::Kind::Operator) seen.push_back("o:" + token.op);
    if (token.kind == ShToken::Kind::Newline) seen.push_back("nl");
  }
  std::vector<std::string> expected = {"w:a=1", "w:b", "o:;", "w:c", "o:&&", "w:d", "o:||", "w:e",
                                       "o:|",   "w:f", "o:&", "nl",  "o:(", "w:g", "o:)"};
  BOOST_TEST(seen == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(redirection_operators_and_io_numbers) {
  auto t = tokens("2>x >>y <&3 <>z >|w <<-EOF\n\tbody\n\tEOF\nnext");
  BOOST_REQUIRE_GE(t.size(), 5u);
  BOOST_TEST((t[0].kind == ShToken::Kind::IoNumber && t[0].op == "2"));
  BOOST_TEST(t[1].op == ">");
  BOOST_TEST(t[3].op == ">>");
  BOOST_TEST(t[5].op == "<&");
  BOOST_TEST(t[7].op == "<>");
  BOOST_TEST(t[9].op == ">|");
  BOOST_TEST(t[11].op == "<<-");
}

BOOST_AUTO_TEST_CASE(here_document_bodies_are_skipped) {
  auto commands = parseShText("cat <<EOF\nx=1 $(not run)\nEOF\ny=2\n", "t.sh");
  BOOST_REQUIRE_EQUAL(commands.size(), 2u);
  BOOST_TEST(commands[1]->assignments[0].name == "y");
  BOOST_TEST(commands[1]->line == 4);
}

BOOST_AUTO_TEST_CASE(quotes_become_quoted_parts) {
  ShWord w = word(R"(a"b c"'d e'\f)");
  BOOST_REQUIRE_EQUAL(w.parts.size(), 2u);
  BOOST_TEST(w.parts[0].text == "a");
  BOOST_TEST(!w.parts[0].quoted);
  BOOST_TEST(w.parts[1].text == "b cd ef");
  BOOST_TEST(w.parts[1].quoted);
}

BOOST_AUTO_TEST_CASE(empty_quotes_leave_an_empty_quoted_part) {
  ShWord w = word("\"\"");
  BOOST_REQUIRE_EQUAL(w.parts.size(), 1u);
  BOOST_TEST(w.parts[0].quoted);
  BOOST_TEST(w.parts[0].text.empty());
}

BOOST_AUTO_TEST_CASE(backslashes_in_double_quotes) {
  ShWord w = word(R"("\$ \` \" \\ \a")");
  BOOST_REQUIRE_EQUAL(w.parts.size(), 1u);
  BOOST_TEST(w.parts[0].text == R"($ ` " \ \a)");
}

BOOST_AUTO_TEST_CASE(single_quotes_keep_everything) {
  ShWord w = word(R"('$x \n "y"')");
  BOOST_TEST(w.parts[0].text == R"($x \n "y")");
}

BOOST_AUTO_TEST_CASE(parameters_in_every_form) {
  struct Case {
    const char* text;
    ShParamOp op;
    bool colon;
    const char* name;
  } cases[] = {
      {"$v", ShParamOp::None, false, "v"},
      {"${v}", ShParamOp::None, false, "v"},
      {"${v:-w}", ShParamOp::Default, true, "v"},
      {"${v-w}", ShParamOp::Default, false, "v"},
      {"${v:=w}", ShParamOp::Assign, true, "v"},
      {"${v=w}", ShParamOp::Assign, false, "v"},
      {"${v:?w}", ShParamOp::Error, true, "v"},
      {"${v?w}", ShParamOp::Error, false, "v"},
      {"${v:+w}", ShParamOp::Alternative, true, "v"},
      {"${v+w}", ShParamOp::Alternative, false, "v"},
      {"${#v}", ShParamOp::Length, false, "v"},
      {"${v#p}", ShParamOp::RemoveSmallestPrefix, false, "v"},
      {"${v##p}", ShParamOp::RemoveLargestPrefix, false, "v"},
      {"${v%p}", ShParamOp::RemoveSmallestSuffix, false, "v"},
      {"${v%%p}", ShParamOp::RemoveLargestSuffix, false, "v"},
      {"${#}", ShParamOp::None, false, "#"},
      {"$#", ShParamOp::None, false, "#"},
      {"${10}", ShParamOp::None, false, "10"},
      {"$10", ShParamOp::None, false, "1"},
      {"$@", ShParamOp::None, false, "@"},
      {"${v x}", ShParamOp::Bad, false, "v"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.text) {
      ShWord w = word(c.text);
      BOOST_REQUIRE(w.parts[0].kind == Kind::Param);
      BOOST_TEST((w.parts[0].op == c.op));
      BOOST_TEST(w.parts[0].colon == c.colon);
      BOOST_TEST(w.parts[0].text == c.name);
    }
  }
}

BOOST_AUTO_TEST_CASE(parameter_words_follow_the_quoting_around_them) {
  ShWord unquoted = word("${v:-'a b'c}");
  const ShParts& inner = unquoted.parts[0].word;
  BOOST_REQUIRE_EQUAL(inner.size(), 2u);
  BOOST_TEST(inner[0].quoted);
  BOOST_TEST(!inner[1].quoted);
  // In "...", single quotes in ${v:-w} are ordinary characters...
  ShWord quoted = word("\"${v:-'a'}\"");
  BOOST_TEST(quoted.parts[0].word[0].text == "'a'");
  BOOST_TEST(quoted.parts[0].word[0].quoted);
  // ...but they quote in a pattern, whose other characters stay special.
  ShWord pattern = word("\"${v#'a'*}\"");
  BOOST_REQUIRE_EQUAL(pattern.parts[0].word.size(), 2u);
  BOOST_TEST(pattern.parts[0].word[0].quoted);
  BOOST_TEST(!pattern.parts[0].word[1].quoted);
}

BOOST_AUTO_TEST_CASE(arithmetic_and_substitutions) {
  ShWord arith = word("$((1 + $x))");
  BOOST_TEST((arith.parts[0].kind == Kind::Arith));
  BOOST_TEST((arith.parts[0].word[1].kind == Kind::Param));
  BOOST_TEST((word("$(cmd arg)").parts[0].kind == Kind::CommandSubst));
  BOOST_TEST((word("`cmd`").parts[0].kind == Kind::CommandSubst));
  BOOST_TEST((word("$'x'").parts[0].kind == Kind::Unsupported));
}

BOOST_AUTO_TEST_CASE(tilde_prefixes) {
  BOOST_TEST((word("~/x").parts[0].kind == Kind::Tilde));
  BOOST_TEST(word("~user/x").parts[0].text == "user");
  ShWord assignment = word("a=~/x:~/y");
  int tildes = 0;
  for (const ShWordPart& p : assignment.parts) tildes += p.kind == Kind::Tilde && p.afterAssign;
  BOOST_TEST(tildes == 2);
  BOOST_TEST((word("x~").parts[0].kind == Kind::Literal));
  BOOST_TEST((word("\"~\"").parts[0].kind == Kind::Literal));
}

BOOST_AUTO_TEST_CASE(assignment_words) {
  BOOST_TEST(word("name=value").assignmentNameLength() == 4u);
  BOOST_TEST(word("_n1=").assignmentNameLength() == 3u);
  BOOST_TEST(word("1n=x").assignmentNameLength() == 0u);
  BOOST_TEST(word("\"n\"=x").assignmentNameLength() == 0u);
  BOOST_TEST(word("=x").assignmentNameLength() == 0u);
}

BOOST_AUTO_TEST_CASE(comments_and_continuations) {
  auto t = tokens("a=1 # comment \\\nb=\\\n2 c#d\n");
  std::vector<std::string> words;
  for (const ShToken& token : t)
    if (token.kind == ShToken::Kind::Word) words.push_back(token.word.parts[0].text);
  std::vector<std::string> expected = {"a=1", "b=2", "c#d"};
  BOOST_TEST(words == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(lines_are_counted_through_quotes_and_continuations) {
  auto t = tokens("a='x\ny'\nb=\"1\n2\"\\\n c\nd");
  BOOST_TEST(t.back().line == 6);
}

BOOST_AUTO_TEST_CASE(lexical_errors_name_file_and_line) {
  BOOST_TEST(syntaxError("a=1\nb=\"open\n") == "t.sh:3: Syntax error: Unterminated quoted string");
  BOOST_TEST(syntaxError("a='open\n") == "t.sh:2: Syntax error: Unterminated quoted string");
  BOOST_TEST(syntaxError("x=$((1+\n") == "t.sh:2: Syntax error: Missing '))'");
  BOOST_TEST(syntaxError("x=${y:-${z}\n") == "t.sh:2: Syntax error: Missing '}'");
  BOOST_TEST(syntaxError("x=`a\n") == "t.sh:2: Syntax error: EOF in backquote substitution");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
