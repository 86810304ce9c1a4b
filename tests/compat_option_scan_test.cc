// The getopt(3) scan the compat programs share: clusters, arguments,
// where options end, and the errors in FreeBSD getopt's words.
#include <boost/test/unit_test.hpp>

#include <cstdlib>

#include "option_scan.h"

using namespace rcjail::compat;

namespace {

using Words = std::vector<std::string>;

ScannedCommandLine scan(const Words& args, const char* letters = "ab:cf:") {
  auto scanned = scanOptions(args, letters);
  BOOST_REQUIRE(std::holds_alternative<ScannedCommandLine>(scanned));
  return std::get<ScannedCommandLine>(scanned);
}

// The options as "a,b=x,c" for comparing in one line.
std::string letters(const ScannedCommandLine& scanned) {
  std::string text;
  for (const ScannedOption& option : scanned.options) {
    if (!text.empty()) text += ',';
    text += option.letter;
    if (!option.argument.empty()) text += "=" + option.argument;
  }
  return text;
}

std::string errorOf(const Words& args, const char* letters = "ab:cf:") {
  auto scanned = scanOptions(args, letters);
  BOOST_REQUIRE(std::holds_alternative<OptionError>(scanned));
  return std::get<OptionError>(scanned).message();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_option_scan)

BOOST_AUTO_TEST_CASE(flags_alone_and_clustered) {
  const ScannedCommandLine scanned = scan({"-a", "-ca", "x"});
  BOOST_TEST(letters(scanned) == "a,c,a");
  BOOST_TEST(scanned.operands == Words{"x"});
}

BOOST_AUTO_TEST_CASE(an_argument_in_the_same_word_or_the_next) {
  BOOST_TEST(letters(scan({"-bone", "-b", "two", "-abthree"})) == "b=one,b=two,a,b=three");
  // The next word is the argument even when it looks like an option.
  const ScannedCommandLine scanned = scan({"-f", "-a", "-f", "--", "rest"});
  BOOST_TEST(letters(scanned) == "f=-a,f=--");
  BOOST_TEST(scanned.operands == Words{"rest"});
}

BOOST_AUTO_TEST_CASE(an_empty_argument_is_kept) {
  const ScannedCommandLine scanned = scan({"-f", "", "x"});
  BOOST_REQUIRE(scanned.options.size() == 1u);
  BOOST_TEST(scanned.options[0].letter == 'f');
  BOOST_TEST(scanned.options[0].argument.empty());
  BOOST_TEST(scanned.operands == Words{"x"});
}

BOOST_AUTO_TEST_CASE(options_end_at_the_first_operand_without_reordering) {
  const ScannedCommandLine scanned = scan({"-a", "name", "-c", "-b", "x"});
  BOOST_TEST(letters(scanned) == "a");
  BOOST_TEST(scanned.operands == (Words{"name", "-c", "-b", "x"}));
}

BOOST_AUTO_TEST_CASE(double_dash_ends_options_and_is_dropped) {
  const ScannedCommandLine scanned = scan({"-c", "--", "-a", "--"});
  BOOST_TEST(letters(scanned) == "c");
  BOOST_TEST(scanned.operands == (Words{"-a", "--"}));
}

BOOST_AUTO_TEST_CASE(a_lone_dash_and_an_empty_word_are_operands) {
  BOOST_TEST(scan({"-a", "-", "-c"}).operands == (Words{"-", "-c"}));
  BOOST_TEST(scan({"", "-c"}).operands == (Words{"", "-c"}));
}

BOOST_AUTO_TEST_CASE(nothing_at_all) {
  const ScannedCommandLine scanned = scan({});
  BOOST_TEST(scanned.options.empty());
  BOOST_TEST(scanned.operands.empty());
}

BOOST_AUTO_TEST_CASE(errors_in_freebsd_getopt_words) {
  BOOST_TEST(errorOf({"-x"}) == "illegal option -- x");
  BOOST_TEST(errorOf({"-ax"}) == "illegal option -- x");
  BOOST_TEST(errorOf({"-a", "-b"}) == "option requires an argument -- b");
  BOOST_TEST(errorOf({"-cb"}) == "option requires an argument -- b");
  // Neither ':' nor a long option is a letter.
  BOOST_TEST(errorOf({"-:"}) == "illegal option -- :");
  BOOST_TEST(errorOf({"--long"}) == "illegal option -- -");
  auto missing = scanOptions({"-b"}, "b:");
  BOOST_REQUIRE(std::holds_alternative<OptionError>(missing));
  BOOST_TEST(std::get<OptionError>(missing).missingArgument);
  BOOST_TEST(std::get<OptionError>(missing).letter == 'b');
}

// Each scan starts afresh, also after one that stopped inside a cluster
// ("-xa" leaves getopt before the 'a') or at an error.
BOOST_AUTO_TEST_CASE(every_scan_starts_over) {
  BOOST_TEST(errorOf({"-xa", "-c"}) == "illegal option -- x");
  BOOST_TEST(letters(scan({"-c", "-a"})) == "c,a");
  BOOST_TEST(letters(scan({"-ac"}, "ac")) == "a,c");
  BOOST_TEST(letters(scan({"-c"}, "c")) == "c");
  for (int round = 0; round < 3; ++round) BOOST_TEST(scan({"-a", "x"}).operands == Words{"x"});
}

BOOST_AUTO_TEST_CASE(posixly_correct_changes_nothing) {
  setenv("POSIXLY_CORRECT", "1", 1);
  const std::string message = errorOf({"-x"});
  const ScannedCommandLine scanned = scan({"-a", "op", "-c"});
  unsetenv("POSIXLY_CORRECT");
  BOOST_TEST(message == "illegal option -- x");
  BOOST_TEST(scanned.operands == (Words{"op", "-c"}));
}

BOOST_AUTO_TEST_SUITE_END()
