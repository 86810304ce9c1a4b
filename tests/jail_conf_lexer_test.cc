// jail.conf strings: comments, both quote styles and their escapes, pieces
// glued into one string, the tokens jail(8)'s scanner cuts, and
// quoteJailConfString, which must write any byte string so it reads back.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "jail_conf.h"
#include "jail_conf_lexer.h"
#include "jail_conf_test_support.h"

namespace {

using jail_conf_test::jailNames;
using jail_conf_test::jailOf;
using jail_conf_test::parse;
using jail_conf_test::Strings;
using rcjail::JailConf;
using rcjail::JailConfJail;
using rcjail::JailConfTokenKind;
using namespace std::string_literals;

// The value of `v` in `j { v = <text>; }`.
std::string valueOf(const std::string& text) {
  JailConf conf = parse("j { v = " + text + "; }");
  BOOST_REQUIRE(conf.jails.size() == 1);
  return conf.jails[0].last("v");
}

// Every token of `text` as "KIND:raw" (kinds: S string, P piece, V variable,
// W variable piece, or the raw text alone for punctuation).
Strings tokens(std::string_view text) {
  rcjail::JailConfErrorList errors;
  rcjail::JailConfLexer lexer(text, "t", errors);
  Strings out;
  for (;;) {
    rcjail::JailConfToken token = lexer.next();
    switch (token.kind) {
      case JailConfTokenKind::End: return out;
      case JailConfTokenKind::String: out.push_back("S:" + std::string(token.raw)); break;
      case JailConfTokenKind::StringPiece: out.push_back("P:" + std::string(token.raw)); break;
      case JailConfTokenKind::Variable: out.push_back("V:" + token.value); break;
      case JailConfTokenKind::VariablePiece: out.push_back("W:" + token.value); break;
      default: out.emplace_back(token.raw); break;
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_conf_lexer)

BOOST_AUTO_TEST_CASE(token_boundaries) {
  BOOST_TEST(tokens("a=b;") == (Strings{"S:a", "=", "S:b", ";"}));
  BOOST_TEST(tokens("x += 1, 2;") == (Strings{"S:x", "+=", "S:1", ",", "S:2", ";"}));
  BOOST_TEST(tokens("a+b") == (Strings{"S:a", "P:+", "P:b"}));
  BOOST_TEST(tokens("web.* {}") == (Strings{"S:web.", "P:*", "{", "}"}));
  BOOST_TEST(tokens("/a/b") == (Strings{"S:/", "P:a", "P:/", "P:b"}));
  BOOST_TEST(tokens("a\"b$c\"$d.e") == (Strings{"S:a", "P:\"b", "W:c", "W:d", "P:.e"}));
  BOOST_TEST(tokens("\"x${y}z\"") == (Strings{"S:\"x", "W:y", "P:z\""}));
  BOOST_TEST(tokens("${a.b} 'c$d'") == (Strings{"V:a.b", "S:'c$d'"}));
  BOOST_TEST(tokens("a\\ b \\101") == (Strings{"S:a", "P:\\ ", "P:b", "S:\\101"}));
  BOOST_TEST(tokens("a/*x*/b #c\nd//e\nf") == (Strings{"S:a", "S:b", "S:d", "S:f"}));
}

BOOST_AUTO_TEST_CASE(token_lines) {
  rcjail::JailConfErrorList errors;
  rcjail::JailConfLexer lexer("a\n\"b\nc\" /*\n*/ d", "t", errors);
  BOOST_TEST(lexer.next().lastLine == 1);
  rcjail::JailConfToken multiLine = lexer.next();
  BOOST_TEST(multiLine.firstLine == 2);
  BOOST_TEST(multiLine.lastLine == 3);
  rcjail::JailConfToken afterComment = lexer.next();
  BOOST_TEST(afterComment.firstLine == 4);
  BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_CASE(comments) {
  JailConf conf = parse(R"(# hash comment { not a block
a { // line comment ;
	x = 1; /* block
	comment } */ y = 2;
	unquoted = /a//b;
	;
	quoted = "/a//b";
	hash = a#b;
	;
	star = /a/b*c+d;
}
/* a { } */
)");
  BOOST_TEST(jailNames(conf) == (Strings{"a"}));
  const JailConfJail& a = jailOf(conf, "a");
  BOOST_TEST(a.last("x") == "1");
  BOOST_TEST(a.last("y") == "2");
  BOOST_TEST(a.last("unquoted") == "/a");  // `//` starts a comment outside quotes
  BOOST_TEST(a.last("quoted") == "/a//b");
  BOOST_TEST(a.last("hash") == "a");
  BOOST_TEST(a.last("star") == "/a/b*c+d");
}

BOOST_AUTO_TEST_CASE(quotes_and_escapes) {
  BOOST_TEST(valueOf(R"("\a\b\f\n\r\t\v")") == "\a\b\f\n\r\t\v");
  BOOST_TEST(valueOf(R"('\a\b\f\n\r\t\v')") == "\a\b\f\n\r\t\v");
  BOOST_TEST(valueOf(R"("\101\0102\7")") == std::string("A\b2\a"));
  BOOST_TEST(valueOf(R"("\x41\x4a\x4G")") == std::string("AJ\x04G"));
  BOOST_TEST(valueOf(R"("\000x")") == "");  // jail(8)'s C strings end at the NUL
  BOOST_TEST(valueOf("\"line1\\\nline2\"") == "line1line2");
  BOOST_TEST(valueOf("\"two\nlines\"") == "two\nlines");
  BOOST_TEST(valueOf(R"("\q\"\\\'")") == R"(q"\')");
  BOOST_TEST(valueOf(R"('a\'b')") == "a'b");
  BOOST_TEST(valueOf(R"('$x ${y}')") == "$x ${y}");
  BOOST_TEST(valueOf(R"("\$x")") == "$x");
  BOOST_TEST(valueOf(R"(a\ b\;c)") == "a b;c");
  BOOST_TEST(valueOf(R"("$")") == "$");
  BOOST_TEST(valueOf(R"("a$ b")") == "a$ b");
  BOOST_TEST(valueOf(R"($)") == "$");
  BOOST_TEST(valueOf("\"\"") == "");
  BOOST_TEST(valueOf("''") == "");
}

BOOST_AUTO_TEST_CASE(concatenation) {
  JailConf conf = parse(R"($v = V;
j {
	a = a"b c"'d'$v;
	b = "$v"b'c';
	c = "x${v}y$v.z";
	d = $v/bin;
	e = "pre$v"post;
	f = ${v}"$v"'$v';
}
)");
  const JailConfJail& j = jailOf(conf, "j");
  BOOST_TEST(j.last("a") == "ab cdV");
  BOOST_TEST(j.last("b") == "Vbc");
  BOOST_TEST(j.last("c") == "xVyV.z");
  BOOST_TEST(j.last("d") == "V/bin");
  BOOST_TEST(j.last("e") == "preVpost");
  BOOST_TEST(j.last("f") == "VV$v");
}

BOOST_AUTO_TEST_CASE(quoting_writes_what_reads_back) {
  using rcjail::quoteJailConfString;
  BOOST_TEST(quoteJailConfString("plain", true) == "\"plain\"");
  BOOST_TEST(quoteJailConfString("/bin/sh /etc/rc", true) == "\"/bin/sh /etc/rc\"");
  BOOST_TEST(quoteJailConfString("a\"b\\c$d", true) == R"("a\"b\\c\$d")");
  BOOST_TEST(quoteJailConfString("a$b", false) == "\"a$b\"");
  BOOST_TEST(quoteJailConfString("l1\nl2\t", true) == "\"l1\\nl2\t\"");
  BOOST_TEST(quoteJailConfString(std::string("\0" "1", 2), true) == "\"\\0001\"");
  JailConf conf = parse("$b = B;\nj { v = " + quoteJailConfString("a$b", false) + "; }");
  BOOST_TEST(jailOf(conf, "j").last("v") == "aB");
  for (const std::string& tricky : {std::string("${x}"), std::string("a;b{c}#d//e/*f*/"), std::string("'\"'"),
                                    std::string("\\\n"), std::string("$"), std::string("\x80\xff")}) {
    BOOST_TEST(valueOf(quoteJailConfString(tricky, true)) == tricky);
  }
}

BOOST_AUTO_TEST_CASE(quoting_round_trips_random_bytes) {
  std::mt19937 random(20240601);
  const std::string special = "\\\"'$\n{};#/*,=+ \t\r\0xn01"s;
  for (int round = 0; round < 2000; ++round) {
    std::string value;
    std::size_t length = random() % 24;
    for (std::size_t i = 0; i < length; ++i) {
      // Mostly the bytes that matter to the lexer, some arbitrary ones.
      value += random() % 3 ? special[random() % special.size()] : static_cast<char>(random() % 256);
    }
    std::string quoted = rcjail::quoteJailConfString(value, true);
    // What jail(8) reads back ends at a NUL byte, like every C string.
    BOOST_TEST_CONTEXT("value " << quoted) { BOOST_TEST(valueOf(quoted) == value.substr(0, value.find('\0'))); }
  }
}

BOOST_AUTO_TEST_SUITE_END()
