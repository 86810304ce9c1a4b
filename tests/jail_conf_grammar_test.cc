// jail.conf as FreeBSD's jail(8) reads it, with the two grammars of its
// history (jail_conf_parser.cc): nested blocks, where the statements outside
// any block take effect, and C strings that end at a NUL byte. Every
// expectation is written from jail.conf(5) and the grammar of jailparse.y
// (current: a nested block `b` in `a` is the jail `a.b`, which inherits
// nothing from `a`; all top-level statements form one `*` pseudo-jail at the
// first of them; older: a run of top-level statements is a `*` block where
// it is written).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "jail_conf.h"
#include "jail_conf_test_support.h"
#include "test_support.h"

namespace {

using jail_conf_test::errorsOfReading;
using jail_conf_test::jailNames;
using jail_conf_test::jailOf;
using jail_conf_test::paramNames;
using jail_conf_test::Strings;
using rcjail::FsRoot;
using rcjail::JailConf;
using rcjail::JailConfGrammar;
using namespace std::string_literals;

JailConf read(const std::string& text, JailConfGrammar grammar) {
  return rcjail::parseJailConfText(FsRoot(), text, "test.conf", "/", [grammar] { return grammar; });
}

Strings errorsWith(const std::string& text, JailConfGrammar grammar) {
  return errorsOfReading([&] { read(text, grammar); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_conf_grammar)

BOOST_AUTO_TEST_CASE(nesting_stops_at_32_levels) {
  std::string deep;
  for (int i = 0; i < 32; ++i) deep += "x { ";
  BOOST_TEST(errorsWith(deep + std::string(32, '}'), JailConfGrammar::Current).empty());
  BOOST_TEST(errorsWith(deep + "x { }" + std::string(32, '}'), JailConfGrammar::Current).front() ==
             "test.conf line 1: {: syntax error");
}

BOOST_AUTO_TEST_CASE(a_nested_block_is_a_hierarchical_jail_of_its_own) {
  JailConf conf = read(R"(a {
	persist;
	host.hostname = outer;
	b {
		host.hostname = inner;
		c { }
	}
	path = /a;
}
d { }
)",
                       JailConfGrammar::Current);
  // Each jail takes its place when its name is read: the outer one first.
  BOOST_TEST(jailNames(conf) == (Strings{"a", "a.b", "a.b.c", "d"}));
  BOOST_TEST(paramNames(jailOf(conf, "a")) == (Strings{"name", "persist", "host.hostname", "path"}));
  // Nothing of `a` goes to `a.b`: only its own statements and its name.
  BOOST_TEST(paramNames(jailOf(conf, "a.b")) == (Strings{"name", "host.hostname"}));
  BOOST_TEST(jailOf(conf, "a.b").last("name") == "a.b");
  BOOST_TEST(jailOf(conf, "a.b").last("host.hostname") == "inner");
  BOOST_TEST(paramNames(jailOf(conf, "a.b.c")) == (Strings{"name"}));
  BOOST_TEST(jailOf(conf, "a.b").where.line == 4);
}

BOOST_AUTO_TEST_CASE(what_a_nested_jail_shares_comes_from_wildcards) {
  JailConf conf = read(R"(a { b { } }
"a.*" { persist; }
)",
                       JailConfGrammar::Current);
  BOOST_TEST(jailOf(conf, "a.b").flag("persist").value_or(false));
  BOOST_TEST(!jailOf(conf, "a").flag("persist").has_value());
}

BOOST_AUTO_TEST_CASE(a_block_included_inside_a_block_is_nested) {
  rcjail::testing::TempDir dir;
  dir.write("etc/jail.conf", "a {\n\t.include \"jail.conf.d/*.conf\";\n\tpath = /a;\n}\n");
  dir.write("etc/jail.conf.d/b.conf", "b { persist; }\nip4.addr = 192.0.2.1;\n");
  JailConf conf = rcjail::parseJailConfFile(FsRoot(dir.path()), "/etc/jail.conf");
  BOOST_TEST(jailNames(conf) == (Strings{"a", "a.b"}));
  // The included file's statements outside its blocks belong to `a`.
  BOOST_TEST(paramNames(jailOf(conf, "a")) == (Strings{"name", "ip4.addr", "path"}));
  BOOST_TEST(paramNames(jailOf(conf, "a.b")) == (Strings{"name", "persist"}));
}

BOOST_AUTO_TEST_CASE(the_older_grammar_has_no_nesting) {
  BOOST_TEST(errorsWith("a {\n\tb { persist; }\n}\n", JailConfGrammar::Older) ==
             (Strings{"test.conf line 2: {: syntax error"}));
  BOOST_TEST(errorsWith("a {\n\tb { persist; }\n}\n", JailConfGrammar::Current).empty());
  // A stray closing brace stays an error in both.
  BOOST_TEST(errorsWith("a { }\n}\n", JailConfGrammar::Current) == (Strings{"test.conf line 2: }: syntax error"}));
}

BOOST_AUTO_TEST_CASE(a_jails_own_setting_wins_over_a_later_global) {
  const std::string text = "path = /g;\na { path = /a; }\npath = /late;\nb { }\n";
  // Current: the globals are one `*` pseudo-jail at the first of them, before a.
  BOOST_TEST(jailOf(read(text, JailConfGrammar::Current), "a").last("path") == "/a");
  BOOST_TEST(jailOf(read(text, JailConfGrammar::Current), "b").last("path") == "/late");
  // Older: `path = /late;` is a `*` block after a, which it overrides.
  BOOST_TEST(jailOf(read(text, JailConfGrammar::Older), "a").last("path") == "/late");
  BOOST_TEST(jailOf(read(text, JailConfGrammar::Older), "b").last("path") == "/late");
}

BOOST_AUTO_TEST_CASE(which_of_allow_nox_and_allow_x_wins) {
  const std::string text = "allow.mount;\na { allow.nomount; }\nallow.mount = 1;\n";
  const JailConf current = read(text, JailConfGrammar::Current);
  BOOST_TEST(jailOf(current, "a").find("allow.mount")->name == "allow.nomount");
  BOOST_TEST(!*jailOf(current, "a").flag("allow.mount"));
  const JailConf older = read(text, JailConfGrammar::Older);
  BOOST_TEST(jailOf(older, "a").find("allow.mount")->name == "allow.mount");
  BOOST_TEST(*jailOf(older, "a").flag("allow.mount"));
}

BOOST_AUTO_TEST_CASE(the_order_of_parameters_follows_the_pseudo_jail) {
  const std::string text = "host.hostname = h;\na { path = /a; }\nexec.start = x;\n";
  BOOST_TEST(paramNames(jailOf(read(text, JailConfGrammar::Current), "a")) ==
             (Strings{"name", "host.hostname", "exec.start", "path"}));
  BOOST_TEST(paramNames(jailOf(read(text, JailConfGrammar::Older), "a")) ==
             (Strings{"name", "host.hostname", "path", "exec.start"}));
}

BOOST_AUTO_TEST_CASE(the_order_of_warnings_follows_the_parameters) {
  const std::string text = "h = $no1;\na { p = $no2; }\ng = $no3;\n";
  BOOST_TEST(jailOf(read(text, JailConfGrammar::Current), "a").errors ==
             (Strings{"h: variable \"no1\" not found", "g: variable \"no3\" not found",
                      "p: variable \"no2\" not found"}));
  BOOST_TEST(jailOf(read(text, JailConfGrammar::Older), "a").errors ==
             (Strings{"h: variable \"no1\" not found", "p: variable \"no2\" not found",
                      "g: variable \"no3\" not found"}));
}

BOOST_AUTO_TEST_CASE(an_explicit_wildcard_block_keeps_its_place) {
  // Current: `p = 2` joins the pseudo-jail made before the `*` block, which
  // therefore comes later and wins; Older: it joins the `*` block itself.
  const std::string text = "q = 0;\n* { p = 1; }\np = 2;\na { }\n";
  BOOST_TEST(jailOf(read(text, JailConfGrammar::Current), "a").last("p") == "1");
  BOOST_TEST(jailOf(read(text, JailConfGrammar::Older), "a").last("p") == "2");
}

BOOST_AUTO_TEST_CASE(the_grammar_is_asked_only_when_it_matters) {
  int asked = 0;
  auto older = [&asked] {
    ++asked;
    return JailConfGrammar::Older;
  };
  rcjail::parseJailConfText(FsRoot(), "x = 1;\ny = 2;\na { }\nb { }\n* { z = 3; }\n", "t.conf", "/", older);
  BOOST_TEST(asked == 0);
  JailConf late = rcjail::parseJailConfText(FsRoot(), "x = 1;\na { }\nx = 2;\n", "t.conf", "/", older);
  BOOST_TEST(asked == 1);
  BOOST_TEST(jailOf(late, "a").last("x") == "2");
  BOOST_TEST(errorsOfReading([&] { rcjail::parseJailConfText(FsRoot(), "a { b { } }", "t.conf", "/", older); }) ==
             (Strings{"t.conf line 1: {: syntax error"}));
  BOOST_TEST(asked == 2);
  // Without a source: the current grammar.
  BOOST_TEST(jailNames(rcjail::parseJailConfText(FsRoot(), "a { b { } }", "t.conf")) == (Strings{"a", "a.b"}));
}

BOOST_AUTO_TEST_CASE(the_grammar_of_a_host) {
  using rcjail::jailConfGrammarFor;
  BOOST_TEST((jailConfGrammarFor(std::nullopt) == JailConfGrammar::Current));  // not FreeBSD
  BOOST_TEST((jailConfGrammarFor(1302001) == JailConfGrammar::Older));        // 13.2-RELEASE
  BOOST_TEST((jailConfGrammarFor(1400096) == JailConfGrammar::Older));
  BOOST_TEST((jailConfGrammarFor(1400097) == JailConfGrammar::Current));      // 14.0-RELEASE
  BOOST_TEST((jailConfGrammarFor(1500068) == JailConfGrammar::Current));
}

BOOST_AUTO_TEST_CASE(strings_end_at_a_nul_byte) {
  for (JailConfGrammar grammar : {JailConfGrammar::Current, JailConfGrammar::Older}) {
    JailConf conf = read("a {\n\tv = \"x\\0y\";\n\tw = \"h\\x\";\n\tu = \"one\0two\";\n"
                         "\tc = \"x\\0y\"z;\n\tq = \"p\\x00$name\";\n}\n\"b\\0c\" { }\n"s,
                         grammar);
    BOOST_TEST(jailNames(conf) == (Strings{"a", "b"}));
    const rcjail::JailConfJail& a = jailOf(conf, "a");
    BOOST_TEST(a.last("v") == "x");
    BOOST_TEST(a.last("w") == "h");      // `\x` without a hex digit is a NUL
    BOOST_TEST(a.last("u") == "one");    // a NUL byte in the file
    BOOST_TEST(a.last("c") == "xz");     // each piece ends at its own NUL
    BOOST_TEST(a.last("q") == "pa");     // and a variable still follows
  }
}

BOOST_AUTO_TEST_CASE(an_include_name_ends_at_a_nul_byte) {
  rcjail::testing::TempDir dir;
  BOOST_TEST(errorsOfReading([&] {
               rcjail::parseJailConfText(FsRoot(dir.path()), ".include 'x\\0*';\n", "/etc/jail.conf", "/etc");
             }) == (Strings{"/etc/x: No such file or directory"}));
}

BOOST_AUTO_TEST_CASE(a_bad_byte_outside_quotes_is_still_an_error) {
  // FreeBSD's jail(8) silently ends the file at such a byte at top level; rcjail reports it.
  BOOST_TEST(errorsWith("a { }\n\xe9 = 1;\nb { }\n", JailConfGrammar::Current) ==
             (Strings{"test.conf line 2: \xe9: syntax error"}));
}

BOOST_AUTO_TEST_SUITE_END()
