// jail.conf variables as jail(8) resolves them: the name a numbered block
// gets for `$name`, and where each variable error is, for messages that
// name file and line.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "jail_conf.h"
#include "jail_conf_test_support.h"

namespace {

using jail_conf_test::jailOf;
using jail_conf_test::paramNames;
using jail_conf_test::parse;
using jail_conf_test::Strings;
using rcjail::JailConf;
using rcjail::JailConfJail;
using rcjail::Location;

std::vector<int> errorLines(const JailConfJail& jail) {
  std::vector<int> lines;
  for (const Location& where : jail.errorLocations) lines.push_back(where.line);
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_conf_variables)

BOOST_AUTO_TEST_CASE(a_numbered_block_is_named_by_its_number) {
  JailConf conf = parse(R"(path = "/jails/$name";
123 { }
5309 { host.hostname = "${name}"; persist; }
)");
  const JailConfJail& numbered = jailOf(conf, "123");
  BOOST_TEST(numbered.errors.empty());
  BOOST_TEST(numbered.last("path") == "/jails/123");
  BOOST_TEST(numbered.last("jid") == "123");
  // The name comes after everything the file sets, as jail(8) adds it.
  BOOST_TEST(paramNames(numbered) == (Strings{"jid", "path", "name"}));
  BOOST_TEST(numbered.last("name") == "123");
  BOOST_TEST(jailOf(conf, "5309").last("host.hostname") == "5309");
}

BOOST_AUTO_TEST_CASE(a_name_statement_wins_over_the_number) {
  JailConf conf = parse(R"(5309 { name = basejail; host.hostname = "${name}"; }
* { path = "/j/$name"; }
)");
  const JailConfJail& named = jailOf(conf, "5309");
  BOOST_TEST(named.errors.empty());
  BOOST_TEST(paramNames(named) == (Strings{"jid", "name", "host.hostname", "path"}));
  BOOST_TEST(named.last("host.hostname") == "basejail");
  BOOST_TEST(named.last("path") == "/j/basejail");
}

BOOST_AUTO_TEST_CASE(a_name_from_a_wildcard_also_counts) {
  JailConf conf = parse("42 { }\n* { name = fromwild; host.hostname = $name; }\n");
  const JailConfJail& jail = jailOf(conf, "42");
  BOOST_TEST(jail.errors.empty());
  BOOST_TEST(jail.last("name") == "fromwild");
  BOOST_TEST(jail.last("host.hostname") == "fromwild");
}

BOOST_AUTO_TEST_CASE(a_named_block_is_unchanged) {
  JailConf conf = parse("a { path = \"/jails/$name\"; }\n0 { }\n");
  BOOST_TEST(paramNames(jailOf(conf, "a")) == (Strings{"name", "path"}));
  BOOST_TEST(jailOf(conf, "a").last("path") == "/jails/a");
  BOOST_TEST(paramNames(jailOf(conf, "0")) == (Strings{"name"}));  // 0 is a name, not a jid
}

BOOST_AUTO_TEST_CASE(unknown_variables_and_loops_are_errors_with_their_lines) {
  JailConf conf = parse(R"(a {
	path = /;
	host.hostname = $nope;
}
b {
	$x = "$y";
	$y = "$x";
	host.hostname = $x;
}
)");
  const JailConfJail& a = jailOf(conf, "a");
  BOOST_TEST(a.errors == (Strings{"host.hostname: variable \"nope\" not found"}));
  BOOST_TEST(errorLines(a) == (std::vector<int>{3}));
  BOOST_TEST(a.errorLocations.front().file == "test.conf");
  BOOST_TEST(a.last("host.hostname") == "");
  const JailConfJail& b = jailOf(conf, "b");
  BOOST_TEST(b.errors == (Strings{"x: variable loop"}));
  // Resolving $x pulls $y in front of it; $y's reference to $x closes the loop.
  BOOST_TEST(errorLines(b) == (std::vector<int>{7}));
}

BOOST_AUTO_TEST_CASE(merge_errors_carry_the_statement_line) {
  JailConf conf = parse("a {\n\tname = other;\n\t$path = x;\n}\n");
  const JailConfJail& a = jailOf(conf, "a");
  BOOST_TEST(a.errors == (Strings{"cannot redefine parameter \"name\".",
                                  "variable \"$path\" cannot have the same name as a parameter."}));
  BOOST_TEST(errorLines(a) == (std::vector<int>{2, 3}));
}

BOOST_AUTO_TEST_CASE(every_error_has_a_location) {
  JailConf conf = parse("x = \"$u1 $u2\";\na { $l = \"$l\"; y = $l; name = b; }\n");
  for (const JailConfJail& jail : conf.jails) BOOST_TEST(jail.errors.size() == jail.errorLocations.size());
}

BOOST_AUTO_TEST_SUITE_END()
