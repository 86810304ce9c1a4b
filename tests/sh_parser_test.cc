// Tests of the sh parser: the tree of every command form, and syntax errors
// worded and numbered as `dash -n` reports them.
#include <boost/test/unit_test.hpp>

#include "location.h"
#include "sh_parser.h"

namespace rcjail {
namespace {

using Kind = ShCommand::Kind;

ShCommandPtr only(std::string_view text) {
  auto commands = parseShText(text, "t.sh");
  BOOST_REQUIRE_EQUAL(commands.size(), 1u);
  return commands[0];
}

std::string syntaxError(std::string_view text) {
  try {
    parseShText(text, "t.sh");
  } catch (const ConfigError& e) {
    return e.describe();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_parser)

BOOST_AUTO_TEST_CASE(simple_command_with_assignments_and_words) {
  auto c = only("a=1 b=\"x y\" cmd arg c=d");
  BOOST_TEST((c->kind == Kind::Simple));
  BOOST_REQUIRE_EQUAL(c->assignments.size(), 2u);
  BOOST_TEST(c->assignments[0].name == "a");
  BOOST_TEST(c->assignments[0].value.parts[0].text == "1");
  BOOST_TEST(c->assignments[1].value.parts[0].text == "x y");
  BOOST_REQUIRE_EQUAL(c->words.size(), 3u);  // c=d after the name is a word
}

BOOST_AUTO_TEST_CASE(empty_assignment_value) {
  auto c = only("a=");
  BOOST_TEST(c->assignments[0].value.parts.empty());
}

BOOST_AUTO_TEST_CASE(one_command_per_line) {
  auto commands = parseShText("a=1; b=2\n\nc=3 &&\n d=4\n", "t.sh");
  BOOST_REQUIRE_EQUAL(commands.size(), 2u);
  BOOST_TEST((commands[0]->kind == Kind::Sequence));
  BOOST_TEST((commands[1]->kind == Kind::AndOr));
  BOOST_TEST(commands[1]->line == 3);
}

BOOST_AUTO_TEST_CASE(and_or_not_pipeline_background) {
  auto c = only("! a && b || c | d &");
  BOOST_TEST((c->kind == Kind::Background));
  auto andOr = c->children[0];
  BOOST_TEST((andOr->kind == Kind::AndOr));
  BOOST_TEST((andOr->children[0]->kind == Kind::Not));
  BOOST_TEST((andOr->orOps == std::vector<bool>{false, true}));
  BOOST_TEST((andOr->children[2]->kind == Kind::Pipeline));
}

BOOST_AUTO_TEST_CASE(if_elif_else) {
  auto c = only("if a; then b; elif c\nthen d\nelse e; fi");
  BOOST_TEST((c->kind == Kind::If));
  BOOST_TEST(c->children.size() == 5u);
}

BOOST_AUTO_TEST_CASE(loops) {
  BOOST_TEST((only("while a; do b; done")->kind == Kind::While));
  BOOST_TEST((only("until a\ndo\nb\ndone")->kind == Kind::Until));
  auto f = only("for i in a \"b c\" $d; do x; done");
  BOOST_TEST((f->kind == Kind::For));
  BOOST_TEST(f->name == "i");
  BOOST_TEST(f->hasIn);
  BOOST_TEST(f->words.size() == 3u);
  BOOST_TEST(!only("for i; do x; done")->hasIn);
  BOOST_TEST(!only("for i do x; done")->hasIn);
  BOOST_TEST(!only("for i\ndo x; done")->hasIn);
  BOOST_TEST(only("for i in; do x; done")->words.empty());
}

BOOST_AUTO_TEST_CASE(case_items) {
  auto c = only("case $x in\n(a|b) y=1;;\nc) ;;\nd)\n  z=2\n  w=3\n;;\n*) q\nesac");
  BOOST_TEST((c->kind == Kind::Case));
  BOOST_REQUIRE_EQUAL(c->caseItems.size(), 4u);
  BOOST_TEST(c->caseItems[0].patterns.size() == 2u);
  BOOST_TEST(!c->caseItems[1].body);
  BOOST_TEST((c->caseItems[2].body->kind == Kind::Sequence));
  BOOST_TEST(only("case x in esac")->caseItems.empty());
  BOOST_TEST(only("case x in (esac) y;; esac")->caseItems.size() == 1u);
  BOOST_TEST(syntaxError("case x in esac) y;; esac") == "t.sh:1: Syntax error: \")\" unexpected");
}

BOOST_AUTO_TEST_CASE(groups_and_functions) {
  BOOST_TEST((only("{ a; b; }")->kind == Kind::Brace));
  BOOST_TEST((only("( a )")->kind == Kind::Subshell));
  auto f = only("f() { a; }");
  BOOST_TEST((f->kind == Kind::FunctionDef));
  BOOST_TEST(f->name == "f");
  BOOST_TEST((f->children[0]->kind == Kind::Brace));
  BOOST_TEST((only("f ( )\n{ a; }")->kind == Kind::FunctionDef));
  BOOST_TEST((only("f() x=1")->children[0]->kind == Kind::Simple));  // dash accepts any command
}

BOOST_AUTO_TEST_CASE(reserved_words_only_in_command_position) {
  auto c = only("echo if then fi");
  BOOST_TEST(c->words.size() == 4u);
  BOOST_TEST((only("\"if\"")->kind == Kind::Simple));
}

BOOST_AUTO_TEST_CASE(redirections_are_kept) {
  auto c = only("a=1 >out 2>&1 cmd <in");
  BOOST_TEST(c->redirects.size() == 3u);
  BOOST_TEST(only("{ a; } >x")->redirects.size() == 1u);
}

BOOST_AUTO_TEST_CASE(substitutions_are_parsed_for_syntax) {
  BOOST_TEST(syntaxError("x=$(\ncase x in x) y;; esac)\n") == "");
  BOOST_TEST(syntaxError("x=$(if)\n") == "t.sh:1: Syntax error: \")\" unexpected");
  BOOST_TEST(syntaxError("x=`if`\n") == "t.sh:1: Syntax error: end of file unexpected (expecting \"then\")");
}

BOOST_AUTO_TEST_CASE(syntax_errors_as_dash_reports_them) {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"if true; then\nx=1\n", "t.sh:3: Syntax error: end of file unexpected (expecting \"fi\")"},
      {"a=1\nfi\n", "t.sh:2: Syntax error: \"fi\" unexpected"},
      {"for 1 in x; do :; done\n", "t.sh:1: Syntax error: Bad for loop variable"},
      {"{ x=1; }}\n", "t.sh:2: Syntax error: end of file unexpected (expecting \"}\")"},
      {"while :; do\ndone\n", "t.sh:2: Syntax error: \"done\" unexpected"},
      {"x=1 (y)\n", "t.sh:1: Syntax error: \"(\" unexpected"},
      {"foo-bar() { :; }\n", "t.sh:1: Syntax error: Bad function name"},
      {"case x in\na) x=1\n", "t.sh:3: Syntax error: end of file unexpected (expecting \";;\")"},
      {"a &&\n", "t.sh:2: Syntax error: end of file unexpected"},
      {"a |\n\n", "t.sh:3: Syntax error: end of file unexpected"},
      {"x=1 ;;\n", "t.sh:1: Syntax error: \";;\" unexpected"},
      {"(\n)\n", "t.sh:2: Syntax error: \")\" unexpected"},
      {"if then fi\n", "t.sh:1: Syntax error: \"then\" unexpected"},
      {"x=1\ncase $x in\n", "t.sh:3: Syntax error: end of file unexpected (expecting \")\")"},
      {"if true; then\n", "t.sh:2: Syntax error: end of file unexpected (expecting \"fi\")"},
      {"if true\n", "t.sh:2: Syntax error: end of file unexpected (expecting \"then\")"},
      {"while true; do\n", "t.sh:2: Syntax error: end of file unexpected (expecting \"done\")"},
      {"f() {\n", "t.sh:2: Syntax error: end of file unexpected (expecting \"}\")"},
      {"case x in a)\n", "t.sh:2: Syntax error: end of file unexpected (expecting \";;\")"},
      {"if true; then x; elif\n", "t.sh:2: Syntax error: end of file unexpected (expecting \"then\")"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.text) { BOOST_TEST(syntaxError(c.text) == c.error); }
  }
}

BOOST_AUTO_TEST_CASE(commands_before_an_error_are_returned_first) {
  ShParser parser("a=1\nb=2\nfi\n", "t.sh");
  BOOST_TEST(parser.next()->assignments[0].name == "a");
  BOOST_TEST(parser.next()->assignments[0].name == "b");
  BOOST_CHECK_THROW(parser.next(), ConfigError);
}

BOOST_AUTO_TEST_CASE(first_line_offsets_line_numbers) {
  ShParser parser("\n\nx=1", "eval", 10);
  BOOST_TEST(parser.next()->line == 12);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
