// jail.conf errors that stop jail(8) before any jail runs: lexical and syntax
// errors with jail(8)'s wording, lines and recovery (which decides how many
// are printed), and the .include errors.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "jail_conf.h"
#include "jail_conf_test_support.h"

namespace {

using jail_conf_test::errorsOf;
using jail_conf_test::errorsOfFile;
using jail_conf_test::errorsOfReading;
using jail_conf_test::kData;
using jail_conf_test::Strings;
using rcjail::FsRoot;
using rcjail::JailConfError;

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_conf_errors)

BOOST_AUTO_TEST_CASE(unterminated_comment_reports_the_last_line) {
  BOOST_TEST(errorsOf("a;\n/* never\nclosed\n") == (Strings{"test.conf line 4: unterminated comment"}));
}

BOOST_AUTO_TEST_CASE(unterminated_strings) {
  BOOST_TEST(errorsOf("x = \"abc") == (Strings{"test.conf line 1: unterminated string", "test.conf: unexpected EOF"}));
  BOOST_TEST(errorsOf("/* one\ntwo */ x = 'abc") ==
             (Strings{"test.conf line 2: unterminated string", "test.conf: unexpected EOF"}));
  // The rest of the line after the unterminated string is read as tokens.
  BOOST_TEST(errorsOf("x = \"abc\ny = 1;\n") ==
             (Strings{"test.conf line 1: unterminated string", "test.conf line 2: =: syntax error"}));
}

BOOST_AUTO_TEST_CASE(unterminated_variables) {
  BOOST_TEST(errorsOf("x = \"${abc\";\n") == (Strings{"test.conf line 1: unterminated variable"}));
  BOOST_TEST(errorsOf("\n\nx = ${a{b}};\n") ==
             (Strings{"test.conf line 3: unterminated variable", "test.conf line 3: {: syntax error"}));
}

BOOST_AUTO_TEST_CASE(syntax_errors_show_the_token_as_written) {
  BOOST_TEST(errorsOf("a = b c;") == (Strings{"test.conf line 1: c: syntax error"}));
  BOOST_TEST(errorsOf("a = ;") == (Strings{"test.conf line 1: ;: syntax error"}));
  BOOST_TEST(errorsOf("}") == (Strings{"test.conf line 1: }: syntax error"}));
  BOOST_TEST(errorsOf("a = \"x\" \"y\";") == (Strings{"test.conf line 1: \"y\": syntax error"}));
  BOOST_TEST(errorsOf("a = 'multi\nline' +=;") == (Strings{"test.conf line 2: +=: syntax error"}));
  BOOST_TEST(errorsOf("a {\n\tx = 1\n}\n") == (Strings{"test.conf line 3: }: syntax error"}));
  BOOST_TEST(errorsOf("r = /a/*c*/b;") == (Strings{"test.conf line 1: b: syntax error"}));
}

BOOST_AUTO_TEST_CASE(jail_names_are_one_plain_token) {
  // `*` is a token of its own, so an unquoted `web.*` is two pieces.
  BOOST_TEST(errorsOf("web.* { }") == (Strings{"test.conf line 1: *: syntax error"}));
  BOOST_TEST(errorsOf("\"a$x\" { }") == (Strings{"test.conf line 1: $x: syntax error"}));
  BOOST_TEST(errorsOf("$x { }") == (Strings{"test.conf line 1: {: syntax error"}));
  BOOST_TEST(errorsOf("foo\"bar\" = 1;") == (Strings{"test.conf line 1: \"bar\": syntax error"}));
  // A block in a block is a nested jail (the older grammar's error: jail_conf_grammar_test.cc).
  BOOST_TEST(errorsOf("a { b { } }").empty());
}

BOOST_AUTO_TEST_CASE(unexpected_eof) {
  BOOST_TEST(errorsOf("a = 1") == (Strings{"test.conf: unexpected EOF"}));
  BOOST_TEST(errorsOf("a {\n x;\n") == (Strings{"test.conf: unexpected EOF"}));
  BOOST_TEST(errorsOf("a =") == (Strings{"test.conf: unexpected EOF"}));
  // jail(8) looks only at the first byte of the token, so a NUL reads as EOF.
  BOOST_TEST(errorsOf(std::string("a = \0;", 6)) == (Strings{"test.conf: unexpected EOF"}));
}

BOOST_AUTO_TEST_CASE(stray_bytes) {
  BOOST_TEST(errorsOf("a = \xc3\xa9;") == (Strings{"test.conf line 1: \xc3: syntax error"}));
  BOOST_TEST(errorsOf("a\x01;") == (Strings{"test.conf line 1: \x01: syntax error"}));
  BOOST_TEST(errorsOf("a = \"\xc3\xa9\";").empty());  // fine inside quotes
}

BOOST_AUTO_TEST_CASE(every_error_is_collected) {
  BOOST_TEST(errorsOf("a = ;\nb = c d;\n/* x") ==
             (Strings{"test.conf line 1: ;: syntax error", "test.conf line 2: d: syntax error",
                      "test.conf line 3: unterminated comment"}));
  try {
    rcjail::parseJailConfText(FsRoot(), "ok;\nbad = ;\n", "test.conf");
    BOOST_FAIL("no error");
  } catch (const JailConfError& e) {
    BOOST_TEST(e.where().str() == "test.conf:2");
    BOOST_TEST(std::string(e.what()) == "test.conf line 2: ;: syntax error");
  }
}

BOOST_AUTO_TEST_CASE(recovery_keeps_quiet_for_three_tokens) {
  // After an error, the statement is skipped to its ';', and errors before
  // three more tokens have been accepted are not reported.
  BOOST_TEST(errorsOf("a = ;\n= x;\n") == (Strings{"test.conf line 1: ;: syntax error"}));
  BOOST_TEST(errorsOf("a = ;\nb = ;\n") ==
             (Strings{"test.conf line 1: ;: syntax error", "test.conf line 2: ;: syntax error"}));
  // Recovery stays inside the block: the rest of the file is its body.
  BOOST_TEST(errorsOf("a { x = 1 }\nb { y; }\n") == (Strings{"test.conf line 1: }: syntax error"}));
  BOOST_TEST(errorsOf("a { x = ; y = 2; }\nb { } }\n") ==
             (Strings{"test.conf line 1: ;: syntax error", "test.conf line 2: }: syntax error"}));
}

BOOST_AUTO_TEST_CASE(include_name_must_be_literal) {
  BOOST_TEST(errorsOf("$d = x;\n.include\n\t\"$d.conf\";\n") ==
             (Strings{"test.conf line 3: variables not permitted in '.include' filename"}));
}

BOOST_AUTO_TEST_CASE(missing_files) {
  BOOST_TEST(errorsOfFile("/missing/main.conf") == (Strings{"/missing/nothere.conf: No such file or directory"}));
  try {
    rcjail::parseJailConfFile(FsRoot(kData), "/etc/absent.conf");
    BOOST_FAIL("no error");
  } catch (const JailConfError& e) {
    BOOST_TEST(e.messages() == (Strings{"/etc/absent.conf: No such file or directory"}));
    BOOST_TEST(e.where().str() == "/etc/absent.conf");
  }
  BOOST_TEST(errorsOf(".include \"/nonexistent/literal.conf\";") ==
             (Strings{"/nonexistent/literal.conf: No such file or directory"}));
}

BOOST_AUTO_TEST_CASE(an_included_file_with_errors_stops_the_parse) {
  // Errors of the including file so far, the included file's, then nothing more.
  BOOST_TEST(errorsOfFile("/broken/main.conf") ==
             (Strings{"/broken/main.conf line 1: ;: syntax error", "/broken/broken.conf line 1: ;: syntax error",
                      "/broken/broken.conf: unexpected EOF"}));
}

BOOST_AUTO_TEST_CASE(a_file_included_in_a_block_opens_a_nested_jail) {
  // The older grammar had no nesting: the block is an error there.
  BOOST_TEST(errorsOfReading([] {
               rcjail::parseJailConfFile(FsRoot(kData), "/inblock/main.conf",
                                         [] { return rcjail::JailConfGrammar::Older; });
             }) == (Strings{"/inblock/nested-jail.conf line 1: {: syntax error"}));
  BOOST_TEST(jail_conf_test::jailNames(rcjail::parseJailConfFile(FsRoot(kData), "/inblock/main.conf")) ==
             (Strings{"outer", "outer.inner"}));
}

BOOST_AUTO_TEST_CASE(random_input_parses_or_fails_cleanly) {
  // Token-shaped noise: whatever comes out, it is a result or a JailConfError
  // with messages, never a crash (the suite also runs under ASan and UBSan).
  const std::vector<std::string> pieces = {"a", "b.c", "*", " ", "\n", "=", "+=", ";", ",", "{", "}", "\"", "'",
                                           "$", "${", "$x", "\\", "#", "//", "/*", "*/", "\x01", "\xff", "5"};
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t n = random() % 30; n > 0; --n) text += pieces[random() % pieces.size()];
    try {
      rcjail::parseJailConfText(FsRoot(), text, "fuzz.conf");
    } catch (const JailConfError& e) {
      BOOST_TEST_CONTEXT(text) { BOOST_TEST(!e.messages().empty()); }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
