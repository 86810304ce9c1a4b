// Tests of sh pattern matching and of ${v#p}-style trimming, including the
// inputs that make naive backtracking matchers exponential.
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "sh_pattern.h"

namespace rcjail {

BOOST_AUTO_TEST_SUITE(sh_pattern)

BOOST_AUTO_TEST_CASE(wildcards) {
  BOOST_TEST(shPatternMatch("*", ""));
  BOOST_TEST(shPatternMatch("*", "anything"));
  BOOST_TEST(shPatternMatch("a*c", "abbbc"));
  BOOST_TEST(!shPatternMatch("a*c", "abbbd"));
  BOOST_TEST(shPatternMatch("a?c", "abc"));
  BOOST_TEST(!shPatternMatch("a?c", "ac"));
  BOOST_TEST(shPatternMatch("*.conf", "rc.conf"));
  BOOST_TEST(shPatternMatch("**a**", "xax"));
  BOOST_TEST(!shPatternMatch("abc", "abcd"));
}

BOOST_AUTO_TEST_CASE(brackets) {
  BOOST_TEST(shPatternMatch("[abc]", "b"));
  BOOST_TEST(!shPatternMatch("[abc]", "d"));
  BOOST_TEST(shPatternMatch("[a-c]x", "bx"));
  BOOST_TEST(shPatternMatch("[!a-c]", "d"));
  BOOST_TEST(shPatternMatch("[^a-c]", "d"));
  BOOST_TEST(!shPatternMatch("[!a-c]", "a"));
  BOOST_TEST(shPatternMatch("[]]", "]"));
  BOOST_TEST(shPatternMatch("[!]]", "a"));
  BOOST_TEST(shPatternMatch("[[:digit:]][[:alpha:]]", "1z"));
  BOOST_TEST(shPatternMatch("[[:upper:][:space:]]", " "));
  BOOST_TEST(!shPatternMatch("[[:lower:]]", "Q"));
}

BOOST_AUTO_TEST_CASE(unclosed_bracket_is_literal) {
  BOOST_TEST(shPatternMatch("[", "["));
  BOOST_TEST(shPatternMatch("a[b", "a[b"));
  BOOST_TEST(!shPatternMatch("[]", "]"));
}

BOOST_AUTO_TEST_CASE(escapes_make_characters_literal) {
  BOOST_TEST(shPatternMatch("a\\*b", "a*b"));
  BOOST_TEST(!shPatternMatch("a\\*b", "axb"));
  BOOST_TEST(shPatternMatch("\\[x\\]", "[x]"));
  BOOST_TEST(shPatternMatch("[a\\-z]", "-"));
  BOOST_TEST(!shPatternMatch("[a\\-z]", "m"));
  BOOST_TEST(shPatternMatch("a\\", "a\\"));
}

BOOST_AUTO_TEST_CASE(meta_and_literal) {
  BOOST_TEST(shPatternHasMeta("a*"));
  BOOST_TEST(shPatternHasMeta("[x]"));
  BOOST_TEST(!shPatternHasMeta("a\\*"));
  BOOST_TEST(shPatternLiteral("a\\*b\\\\") == "a*b\\");
}

BOOST_AUTO_TEST_CASE(quoting_makes_a_pattern_of_a_string) {
  const std::string text = "/a b/[x]*?.c\\d-!^";
  BOOST_TEST(!shPatternHasMeta(shPatternQuote(text)));
  BOOST_TEST(shPatternLiteral(shPatternQuote(text)) == text);
  BOOST_TEST(shPatternMatch(shPatternQuote(text), text));
  BOOST_TEST(!shPatternMatch(shPatternQuote("a*"), "ab"));
}

BOOST_AUTO_TEST_CASE(trimming) {
  BOOST_TEST(shTrim("archive.tar.gz", "*.", ShTrim::SmallestPrefix) == "tar.gz");
  BOOST_TEST(shTrim("archive.tar.gz", "*.", ShTrim::LargestPrefix) == "gz");
  BOOST_TEST(shTrim("archive.tar.gz", ".*", ShTrim::SmallestSuffix) == "archive.tar");
  BOOST_TEST(shTrim("archive.tar.gz", ".*", ShTrim::LargestSuffix) == "archive");
  BOOST_TEST(shTrim("/usr/local/etc/rc.d", "/rc.d", ShTrim::SmallestSuffix) == "/usr/local/etc");
  BOOST_TEST(shTrim("abc", "x", ShTrim::SmallestPrefix) == "abc");
  BOOST_TEST(shTrim("abc", "*", ShTrim::SmallestPrefix) == "abc");
  BOOST_TEST(shTrim("abc", "*", ShTrim::LargestPrefix) == "");
  BOOST_TEST(shTrim("ab", "abc", ShTrim::SmallestSuffix) == "ab");
}

BOOST_AUTO_TEST_CASE(no_exponential_backtracking) {
  // dash needs minutes for this; one backtracking point keeps it quadratic.
  std::string text(2000, 'a');
  std::string pattern;
  for (int i = 0; i < 30; ++i) pattern += "*a";
  pattern += "*b";
  auto start = std::chrono::steady_clock::now();
  BOOST_TEST(!shPatternMatch(pattern, text));
  BOOST_TEST(shTrim(text + "b", pattern, ShTrim::LargestPrefix) == "");
  auto elapsed = std::chrono::steady_clock::now() - start;
  BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count() < 5);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
