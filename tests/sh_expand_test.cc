// Tests of word expansion: every parameter form, quoting, tilde, arithmetic,
// field splitting, "$@", globbing through the root, and what is reported as
// unsupported or as an error.
#include <boost/test/unit_test.hpp>

#include "sh_run.h"
#include "test_support.h"

namespace rcjail {
namespace {

using testing::exported;
using testing::ShRun;
using testing::shError;
using testing::shUnsupported;
using testing::shValue;

// The fields `words` expand to, joined as <a><b>.
std::string fields(const std::string& words, const std::string& setup = "") {
  return shValue(setup + "\nfor w in " + words + "; do r=\"$r<$w>\"; done", "r");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_expand)

BOOST_AUTO_TEST_CASE(plain_parameters) {
  ShRun run("v=value; a=$v b=${v} c=${v}x d=$vx e=\"$v\"");
  BOOST_TEST(run.get("a") == "value");
  BOOST_TEST(run.get("b") == "value");
  BOOST_TEST(run.get("c") == "valuex");
  BOOST_TEST(run.get("d") == "");
  BOOST_TEST(run.get("e") == "value");
}

BOOST_AUTO_TEST_CASE(default_and_alternative_with_and_without_colon) {
  ShRun run(
      "s=x e=\n"
      "a=${s:-d}${e:-d}${u:-d} b=${s-d}${e-d}${u-d}\n"
      "c=${s:+A}${e:+A}${u:+A} d=${s+A}${e+A}${u+A}");
  BOOST_TEST(run.get("a") == "xdd");
  BOOST_TEST(run.get("b") == "xd");
  BOOST_TEST(run.get("c") == "A");
  BOOST_TEST(run.get("d") == "AA");
}

BOOST_AUTO_TEST_CASE(assign_forms) {
  ShRun run("e=\na=${u1:=one} b=${e:=two} c=${u2=three} d=${e2=}\n: ${u3:=\"x y\"}");
  BOOST_TEST(run.get("a") == "one");
  BOOST_TEST(run.get("u1") == "one");
  BOOST_TEST(run.get("e") == "two");
  BOOST_TEST(run.get("u2") == "three");
  BOOST_TEST(run.isSet("e2"));
  BOOST_TEST(run.get("u3") == "x y");
  BOOST_TEST(run.find("u3")->where.line == 3);
}

BOOST_AUTO_TEST_CASE(error_forms) {
  BOOST_TEST(shValue("v=ok; a=${v:?no}${v?no}", "a") == "okok");
  BOOST_TEST(shError("a=1\nb=${u:?is required}") == "test.conf:2: u: is required");
  BOOST_TEST(shError("b=${u:?}") == "test.conf:1: u: parameter not set or null");
  BOOST_TEST(shError("e=; b=${e:?}") == "test.conf:1: e: parameter not set or null");
  BOOST_TEST(shError("b=${u?}") == "test.conf:1: u: parameter not set");
  BOOST_TEST(shError("e=; b=${e?}") == "");
}

BOOST_AUTO_TEST_CASE(length) {
  ShRun run("v=hello e=\na=${#v} b=${#e} c=${#u}\nset -- x y z\nd=${#} e2=$#");
  BOOST_TEST(run.get("a") == "5");
  BOOST_TEST(run.get("b") == "0");
  BOOST_TEST(run.get("c") == "0");
  BOOST_TEST(run.get("d") == "3");
  BOOST_TEST(run.get("e2") == "3");
}

BOOST_AUTO_TEST_CASE(prefix_and_suffix_removal) {
  ShRun run(
      "f=archive.tar.gz\n"
      "a=${f%.*} b=${f%%.*} c=${f#*.} d=${f##*.} e=${f%x} g=${f#[a-c]} h=${f%[!x]}");
  BOOST_TEST(run.get("a") == "archive.tar");
  BOOST_TEST(run.get("b") == "archive");
  BOOST_TEST(run.get("c") == "tar.gz");
  BOOST_TEST(run.get("d") == "gz");
  BOOST_TEST(run.get("e") == "archive.tar.gz");
  BOOST_TEST(run.get("g") == "rchive.tar.gz");
  BOOST_TEST(run.get("h") == "archive.tar.g");
}

BOOST_AUTO_TEST_CASE(quoted_pattern_characters_are_literal) {
  ShRun run(
      "v='a*b*c' star='*'\n"
      "a=${v#\"a*\"} b=${v#a*} c=\"${v%'*c'}\" d=${v#a$star} e=${v#a\"$star\"} f=${v#a\\*}");
  BOOST_TEST(run.get("a") == "b*c");
  BOOST_TEST(run.get("b") == "*b*c");
  BOOST_TEST(run.get("c") == "a*b");
  BOOST_TEST(run.get("d") == "*b*c");
  BOOST_TEST(run.get("e") == "b*c");
  BOOST_TEST(run.get("f") == "b*c");
}

BOOST_AUTO_TEST_CASE(words_inside_double_quotes) {
  ShRun run("x=abc\na=\"${u:-'q'}\" b=${u:-'q'} c=\"${x#'a'}\" d=\"${u:-\"q r\"}\" e=\"${u:-a\\}b}\"");
  BOOST_TEST(run.get("a") == "'q'");
  BOOST_TEST(run.get("b") == "q");
  BOOST_TEST(run.get("c") == "bc");
  BOOST_TEST(run.get("d") == "q r");
  BOOST_TEST(run.get("e") == "a}b");
}

BOOST_AUTO_TEST_CASE(nested_expansions) {
  ShRun run("b=in\na=${u1:-${u2:-${b}}} c=${u:-\"$b x\"} d=${b:+${b}${b}}");
  BOOST_TEST(run.get("a") == "in");
  BOOST_TEST(run.get("c") == "in x");
  BOOST_TEST(run.get("d") == "inin");
}

BOOST_AUTO_TEST_CASE(special_parameters) {
  ShRun run("set -- a b c d e f g h i j k\np=$1$2 q=${10} r=$10 n=$# all=\"$*\"\nfalse\ns=$?\nd=$$");
  BOOST_TEST(run.get("p") == "ab");
  BOOST_TEST(run.get("q") == "j");
  BOOST_TEST(run.get("r") == "a0");
  BOOST_TEST(run.get("n") == "11");
  BOOST_TEST(run.get("all") == "a b c d e f g h i j k");
  BOOST_TEST(run.get("s") == "1");
  BOOST_TEST(!run.get("d").empty());
}

BOOST_AUTO_TEST_CASE(dollar_star_and_at_join_with_the_first_ifs_character) {
  ShRun run("set -- a b c\nIFS=:\nx=$@ y=\"$*\"\nIFS=\nz=\"$*\"\nunset IFS\nw=\"$*\"");
  BOOST_TEST(run.get("x") == "a:b:c");
  BOOST_TEST(run.get("y") == "a:b:c");
  BOOST_TEST(run.get("z") == "abc");
  BOOST_TEST(run.get("w") == "a b c");
}

BOOST_AUTO_TEST_CASE(tilde) {
  Variables home = exported({{"HOME", "/home/h"}});
  ShRun run("a=~ b=~/x c=x:~/y d=\"~\" e=${u:-~} f=\"${u:-~}\" g=a~\nset -- ~ x=~\nh=$1 i=$2", home);
  BOOST_TEST(run.get("a") == "/home/h");
  BOOST_TEST(run.get("b") == "/home/h/x");
  BOOST_TEST(run.get("c") == "x:/home/h/y");
  BOOST_TEST(run.get("d") == "~");
  BOOST_TEST(run.get("e") == "/home/h");
  BOOST_TEST(run.get("f") == "~");
  BOOST_TEST(run.get("g") == "a~");
  BOOST_TEST(run.get("h") == "/home/h");
  BOOST_TEST(run.get("i") == "x=~");
  BOOST_TEST(shValue("a=~/x", "a") == "~/x");  // no HOME: left alone, as in sh
}

BOOST_AUTO_TEST_CASE(arithmetic) {
  ShRun run("x=4\na=$((x * 2 + 1)) b=\"$(( $x - 1 ))\" c=$((y = 3)) d=$(( $((1+1)) * 3 ))");
  BOOST_TEST(run.get("a") == "9");
  BOOST_TEST(run.get("b") == "3");
  BOOST_TEST(run.get("c") == "3");
  BOOST_TEST(run.get("y") == "3");
  BOOST_TEST(run.get("d") == "6");
  BOOST_TEST(shError("\na=$((1/0))") == "test.conf:2: arithmetic expression: division by zero: \"1/0\"");
  BOOST_TEST(shError("x=abc; a=$((x))") == "test.conf:1: Illegal number: abc");
}

BOOST_AUTO_TEST_CASE(field_splitting_on_default_ifs) {
  BOOST_TEST(fields("$v", "v=' a  b\tc\nd '") == "<a><b><c><d>");
  BOOST_TEST(fields("\"$v\"", "v=' a b '") == "< a b >");
  BOOST_TEST(fields("$e x $e", "e=") == "<x>");
  BOOST_TEST(fields("\"$e\"", "e=") == "<>");
  BOOST_TEST(fields("\"\"") == "<>");
  BOOST_TEST(fields("a$v", "v=' b'") == "<a><b>");
  BOOST_TEST(fields("${u:-a b}") == "<a><b>");
  BOOST_TEST(fields("${u:-\"a b\"} c") == "<a b><c>");
}

BOOST_AUTO_TEST_CASE(field_splitting_on_other_ifs) {
  BOOST_TEST(fields("$v", "IFS=:; v='a::b:'") == "<a><><b>");
  BOOST_TEST(fields("$v", "IFS=:; v=':a'") == "<><a>");
  BOOST_TEST(fields("$v", "IFS=' :'; v='a : b  :: c '") == "<a><b><><c>");
  BOOST_TEST(fields("$v", "IFS=; v='a b'") == "<a b>");
  BOOST_TEST(fields("a:b$v", "IFS=:; v=c:d") == "<a:bc><d>");  // literal text never splits
}

BOOST_AUTO_TEST_CASE(dollar_at_fields) {
  const std::string setup = "set -- 'a b' '' c";
  BOOST_TEST(fields("\"$@\"", setup) == "<a b><><c>");
  BOOST_TEST(fields("$@", setup) == "<a><b><c>");
  BOOST_TEST(fields("\"$*\"", setup) == "<a b  c>");
  BOOST_TEST(fields("x\"$@\"y", setup) == "<xa b><><cy>");
  BOOST_TEST(fields("\"$@\"", "set --") == "");
  BOOST_TEST(fields("\"$*\"", "set --") == "<>");
}

BOOST_AUTO_TEST_CASE(globbing_reads_through_the_root) {
  testing::TempDir dir;
  dir.write("data/a1.txt", "");
  dir.write("data/b2.txt", "");
  dir.write("data/.hidden", "");
  dir.write("data/sub/x", "");
  auto globbed = [&](const std::string& words) {
    return ShRun("for w in " + words + "; do r=\"$r<$w>\"; done", {}, dir.path()).get("r");
  };
  BOOST_TEST(globbed("/data/*") == "</data/a1.txt></data/b2.txt></data/sub>");
  BOOST_TEST(globbed("/data/[ab]?.txt") == "</data/a1.txt></data/b2.txt>");
  BOOST_TEST(globbed("/data/*/x") == "</data/sub/x>");
  BOOST_TEST(globbed("/data/.h*") == "</data/.hidden>");
  BOOST_TEST(globbed("/data/none*") == "</data/none*>");
  BOOST_TEST(globbed("\"/data/*\"") == "</data/*>");
  BOOST_TEST(globbed("/data/\\*") == "</data/*>");
  BOOST_TEST(ShRun("set -f; for w in /data/*; do r=$w; done", {}, dir.path()).get("r") == "/data/*");
}

BOOST_AUTO_TEST_CASE(assignments_are_not_split_or_globbed) {
  ShRun run("v='a  b'\nx=$v y=/*");
  BOOST_TEST(run.get("x") == "a  b");
  BOOST_TEST(run.get("y") == "/*");
}

BOOST_AUTO_TEST_CASE(bad_substitution_is_an_error_when_expanded) {
  BOOST_TEST(shError("if false; then x=${a b}; fi") == "");
  BOOST_TEST(shError("\nx=${a b}") == "test.conf:2: Bad substitution");
}

BOOST_AUTO_TEST_CASE(what_needs_the_shell) {
  BOOST_TEST(shUnsupported("x=1\ny=$(hostname)") == "test.conf:2: command substitution $(hostname)");
  BOOST_TEST(shUnsupported("y=\"`hostname`\"") == "test.conf:1: command substitution `hostname`");
  BOOST_TEST(shUnsupported("y=~root") == "test.conf:1: ~root (a user's home directory)");
  BOOST_TEST(shUnsupported("y=$'a\\n'") == "test.conf:1: $'...' quoting");
  BOOST_TEST(shUnsupported("y=$-") == "test.conf:1: $- (the shell's option flags)");
  BOOST_TEST(shUnsupported("if false; then y=$(x); fi") == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
