// Field escapes and splits of record lines (src/base/text_fields).
#include <boost/test/unit_test.hpp>

#include "text_fields.h"

using namespace rcjail;

namespace {
using Views = std::vector<std::string_view>;
using Words = std::vector<std::string>;
}  // namespace

BOOST_AUTO_TEST_SUITE(text_fields)

BOOST_AUTO_TEST_CASE(tab_fields_escape_backslash_tab_and_newline) {
  BOOST_TEST(escapeField("a\tb", kTabFieldEscapes) == "a\\tb");
  BOOST_TEST(escapeField("a\nb", kTabFieldEscapes) == "a\\nb");
  BOOST_TEST(escapeField("a\\b", kTabFieldEscapes) == "a\\\\b");
  BOOST_TEST(escapeField("plain text", kTabFieldEscapes) == "plain text");
  // A carriage return is left as it is in this alphabet, escaped in the other.
  BOOST_TEST(escapeField("a\rb", kTabFieldEscapes) == "a\rb");
  BOOST_TEST(escapeField("a\rb", kTabFieldEscapesWithCr) == "a\\rb");
  BOOST_TEST(escapeField("", kTabFieldEscapes) == "");
}

BOOST_AUTO_TEST_CASE(tab_fields_unescape) {
  BOOST_TEST(unescapeField("a\\tb", kTabFieldEscapes).value() == "a\tb");
  BOOST_TEST(unescapeField("a\\nb", kTabFieldEscapes).value() == "a\nb");
  BOOST_TEST(unescapeField("a\\\\b", kTabFieldEscapes).value() == "a\\b");
  BOOST_TEST(unescapeField("\\\\t", kTabFieldEscapes).value() == "\\t");
  BOOST_TEST(unescapeField("a\\rb", kTabFieldEscapesWithCr).value() == "a\rb");
  BOOST_TEST(unescapeField("", kTabFieldEscapes).value() == "");
}

BOOST_AUTO_TEST_CASE(malformed_escapes_are_rejected) {
  BOOST_TEST(!unescapeField("a\\", kTabFieldEscapes));
  BOOST_TEST(!unescapeField("\\", kTabFieldEscapesWithCr));
  BOOST_TEST(!unescapeField("a\\xb", kTabFieldEscapes));
  BOOST_TEST(!unescapeField("a\\rb", kTabFieldEscapes));
  BOOST_TEST(!unescapeField("\\s", kTabFieldEscapesWithCr));
  BOOST_TEST(!unescapeField("\\101", kTabFieldEscapes));
  BOOST_TEST(!unescapeField("\\q", kVisEscapes));
  BOOST_TEST(!unescapeField("a\\", kVisEscapes));
}

BOOST_AUTO_TEST_CASE(escapes_round_trip) {
  const std::string all = "x\\y\tz\n\r\\t end\\";
  for (const FieldEscapes* escapes : {&kTabFieldEscapes, &kTabFieldEscapesWithCr, &kVisEscapes}) {
    const std::string text = escapeField(all, *escapes);
    BOOST_TEST(text.find('\t') == std::string::npos);
    BOOST_TEST(text.find('\n') == std::string::npos);
    BOOST_TEST(unescapeField(text, *escapes).value() == all);
  }
}

BOOST_AUTO_TEST_CASE(vis_escapes_letters_and_octal) {
  BOOST_TEST(unescapeField("/mnt/my\\sdisk", kVisEscapes).value() == "/mnt/my disk");
  BOOST_TEST(unescapeField("\\t\\n\\r\\b\\a\\v\\f\\E", kVisEscapes).value() == "\t\n\r\b\a\v\f\033");
  BOOST_TEST(unescapeField("a\\040b", kVisEscapes).value() == "a b");
  // At most three digits; fewer where a non-digit follows.
  BOOST_TEST(unescapeField("\\0411", kVisEscapes).value() == "!1");
  BOOST_TEST(unescapeField("\\7x", kVisEscapes).value() == "\ax");
  BOOST_TEST(unescapeField("\\18", kVisEscapes).value() == "\0018");
  BOOST_TEST(escapeField("a b", kVisEscapes) == "a\\sb");
}

BOOST_AUTO_TEST_CASE(split_at_keeps_empty_fields) {
  BOOST_TEST(splitAt("a\t\tb", '\t') == (Views{"a", "", "b"}));
  BOOST_TEST(splitAt("", '\t') == (Views{""}));
  BOOST_TEST(splitAt("\t", '\t') == (Views{"", ""}));
  BOOST_TEST(splitAt(std::string_view("x\0y", 3), '\0') == (Views{"x", "y"}));
  BOOST_TEST(splitAt("a b", '\t') == (Views{"a b"}));
}

BOOST_AUTO_TEST_CASE(split_fields_drops_runs_of_blanks) {
  BOOST_TEST(splitFields("  a \t b\nc  ") == (Words{"a", "b", "c"}));
  BOOST_TEST(splitFields(" \t\n").empty());
  BOOST_TEST(splitFields("a\rb") == (Words{"a\rb"}));
  BOOST_TEST(splitFields("a\rb\fc", " \t\f\v\r\n") == (Words{"a", "b", "c"}));
}

BOOST_AUTO_TEST_SUITE_END()
