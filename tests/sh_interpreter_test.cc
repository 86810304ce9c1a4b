// Tests of the native interpreter: builtins, compound commands, functions
// and their scoping, `.` and eval, control flow, locations, and the
// constructs that must send the load to /bin/sh.
#include <boost/test/unit_test.hpp>

#include "sh_run.h"
#include "test_support.h"

namespace rcjail {
namespace {

using testing::ShRun;
using testing::shError;
using testing::shUnsupported;
using testing::shValue;

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_interpreter)

BOOST_AUTO_TEST_CASE(assignments_are_sequential_and_located) {
  ShRun run("x=1 y=$x\n\nz=\"a\nb\" w=$y");
  BOOST_TEST(run.get("y") == "1");
  BOOST_TEST(run.find("x")->where.str() == "test.conf:1");
  BOOST_TEST(run.find("z")->where.str() == "test.conf:3");
  BOOST_TEST(run.find("w")->where.str() == "test.conf:4");
}

BOOST_AUTO_TEST_CASE(colon_true_false_and_status) {
  ShRun run(": ${a:=1}\ntrue; s1=$?\nfalse; s2=$?\n! false; s3=$?\n:; s4=$?");
  BOOST_TEST(run.get("a") == "1");
  BOOST_TEST(run.get("s1") == "0");
  BOOST_TEST(run.get("s2") == "1");
  BOOST_TEST(run.get("s3") == "0");
  BOOST_TEST(run.get("s4") == "0");
}

BOOST_AUTO_TEST_CASE(export_readonly_unset) {
  ShRun run(
      "export a=1 b\nb=2\nv='x y'\nexport c=$v\nreadonly r=1\nunset gone\ngone2=1\nunset gone2\n"
      "f() { :; }\nunset -f f");
  BOOST_TEST(run.find("a")->exported);
  BOOST_TEST(run.find("b")->exported);
  BOOST_TEST(run.get("c") == "x y");  // export's NAME=value is not split
  BOOST_TEST(run.find("r")->readonly);
  BOOST_TEST(!run.isSet("gone2"));
  BOOST_TEST(shUnsupported("f() { :; }\nunset -f f\nf") == "test.conf:3: the command 'f'");
  BOOST_TEST(shError("readonly r=1\nr=2") == "test.conf:2: r: is read only");
  BOOST_TEST(shError("readonly r=1\nunset r") == "test.conf:2: unset: r: is read only");
  BOOST_TEST(shError("export 1x=2") == "test.conf:1: export: 1x: bad variable name");
}

BOOST_AUTO_TEST_CASE(local_is_dynamically_scoped) {
  ShRun run(
      "x=global\n"
      "inner() { seen=$x; x=changed; }\n"
      "outer() { local x=outer_local; inner; after_inner=$x; }\n"
      "outer\nfinal=$x\n"
      "k() { local x; kept=$x; }\nk");
  BOOST_TEST(run.get("seen") == "outer_local");
  BOOST_TEST(run.get("after_inner") == "changed");
  BOOST_TEST(run.get("final") == "global");
  BOOST_TEST(run.get("kept") == "global");
}

BOOST_AUTO_TEST_CASE(local_outside_a_function_is_an_error) {
  FsRoot root("/");
  ShInterpreter sh(root, {});
  try {
    sh.run("\nlocal x=1", "top.conf");
    BOOST_FAIL("no error");
  } catch (const ConfigError& e) {
    BOOST_TEST(e.describe() == "top.conf:2: local: not in a function");
  }
}

BOOST_AUTO_TEST_CASE(set_and_shift) {
  ShRun run("set -- a b c d\nshift\na=$1\nshift 2\nb=$1$#\nset x y\nc=$1$2$#\nset --\nd=$#");
  BOOST_TEST(run.get("a") == "b");
  BOOST_TEST(run.get("b") == "d1");
  BOOST_TEST(run.get("c") == "xy2");
  BOOST_TEST(run.get("d") == "0");
  BOOST_TEST(shError("set -- a\nshift 2") == "test.conf:2: shift: can't shift that many");
  BOOST_TEST(shError("shift x") == "test.conf:1: shift: Illegal number: x");
}

BOOST_AUTO_TEST_CASE(test_builtin_statuses_and_messages) {
  ShRun run("[ a = a ]; a=$?\n[ a -eq 1 ]; b=$?\n[ 1 = 1; c=$?\ntest -n x; d=$?");
  BOOST_TEST(run.get("a") == "0");
  BOOST_TEST(run.get("b") == "2");
  BOOST_TEST(run.get("c") == "2");
  BOOST_TEST(run.get("d") == "0");
  std::vector<std::string> expected = {"test.conf:2: [: Illegal number: a", "test.conf:3: [: missing ]"};
  BOOST_TEST(run.diagnostics() == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(if_elif_else) {
  BOOST_TEST(shValue("v=b\nif [ $v = a ]; then r=A\nelif [ $v = b ]; then r=B\nelse r=C\nfi", "r") == "B");
  BOOST_TEST(shValue("if false; then r=A; else r=C; fi", "r") == "C");
  BOOST_TEST(shValue("if false; then r=A; fi; s=$?", "s") == "0");
}

BOOST_AUTO_TEST_CASE(loops_break_and_continue) {
  ShRun run(
      "for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; out=\"$out$i\"; done\n"
      "for x in a b; do for j in 1 2 3; do [ $j = 2 ] && continue 2; p=\"$p$x$j\"; done; done\n"
      "for i in last; do :; done\n"
      "n=0; while [ $n -lt 3 ]; do n=$((n+1)); done\n"
      "m=5; until [ $m -le 2 ]; do m=$((m-1)); done\n"
      "for k in; do never=1; done\n"
      "break; continue; still=1");
  BOOST_TEST(run.get("out") == "13");
  BOOST_TEST(run.get("p") == "a1b1");
  BOOST_TEST(run.get("n") == "3");
  BOOST_TEST(run.get("m") == "2");
  BOOST_TEST(!run.isSet("never"));
  BOOST_TEST(run.get("still") == "1");
  BOOST_TEST(run.find("i")->where.line == 3);  // the line of the last for loop that set it
}

BOOST_AUTO_TEST_CASE(case_patterns) {
  const std::string text =
      "case $v in\n"
      "*.conf|*.sh) r=file ;;\n"
      "[0-9]*) r=number ;;\n"
      "\"a*\") r=quoted ;;\n"
      "$p) r=fromvar ;;\n"
      "*) r=other ;;\n"
      "esac";
  auto run = [&](const std::string& v, const std::string& p = "zz") {
    return shValue("v='" + v + "' p='" + p + "'\n" + text, "r");
  };
  BOOST_TEST(run("rc.conf") == "file");
  BOOST_TEST(run("42") == "number");
  BOOST_TEST(run("a*") == "quoted");
  BOOST_TEST(run("abc") == "other");
  BOOST_TEST(run("xyz", "x*") == "fromvar");
  BOOST_TEST(shValue("case x in x) ;; *) r=no;; esac; s=$?", "s") == "0");
}

BOOST_AUTO_TEST_CASE(and_or_not_and_groups) {
  ShRun run("true && false || a=1\nfalse && b=1\n! false && c=1\n{ d=1; e=2; }\ntrue && { f=1; }");
  BOOST_TEST(run.get("a") == "1");
  BOOST_TEST(!run.isSet("b"));
  BOOST_TEST(run.get("c") == "1");
  BOOST_TEST(run.get("e") == "2");
  BOOST_TEST(run.get("f") == "1");
}

BOOST_AUTO_TEST_CASE(functions_parameters_and_return) {
  ShRun run(
      "f() { n=$#; first=$1; all=\"$*\"; shift; rest=\"$@\"; return 7; }\n"
      "set -- outer\nf one two three\ns=$?\nafter=$1\n"
      "g() { false; return; }\ng; t=$?");
  BOOST_TEST(run.get("n") == "3");
  BOOST_TEST(run.get("first") == "one");
  BOOST_TEST(run.get("all") == "one two three");
  BOOST_TEST(run.get("rest") == "two three");
  BOOST_TEST(run.get("s") == "7");
  BOOST_TEST(run.get("after") == "outer");
  BOOST_TEST(run.get("t") == "1");
}

BOOST_AUTO_TEST_CASE(prefix_assignments) {
  ShRun run("x=1\nf() { seen=$x; x=2; }\nx=5 f\nafter=$x\ny=1\ny=9 :\nz=1\nz=8 true");
  BOOST_TEST(run.get("seen") == "5");
  BOOST_TEST(run.get("after") == "1");  // temporary for a function, as in dash
  BOOST_TEST(run.get("y") == "9");      // kept for a special builtin
  BOOST_TEST(run.get("z") == "1");      // temporary for a regular builtin
}

BOOST_AUTO_TEST_CASE(function_assignments_are_located_where_the_function_is) {
  testing::TempDir dir;
  dir.write("lib.conf", "setter() {\n  value=$1\n}\n");
  ShRun run(". /lib.conf\nsetter x", {}, dir.path());
  BOOST_TEST(run.find("value")->where.str() == "/lib.conf:2");
}

BOOST_AUTO_TEST_CASE(dot_sources_through_the_root) {
  testing::TempDir dir;
  dir.write("etc/extra.conf", "from_extra=yes\nreturn 3\nnever=1\n");
  ShRun run("before=1\n. /etc/extra.conf\ns=$?\nafter=$from_extra", {}, dir.path());
  BOOST_TEST(run.get("after") == "yes");
  BOOST_TEST(run.get("s") == "3");
  BOOST_TEST(!run.isSet("never"));
  BOOST_TEST(run.find("from_extra")->where.str() == "/etc/extra.conf:1");
  BOOST_TEST(run.sourced() == std::vector<std::string>{"/etc/extra.conf"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dot_errors) {
  BOOST_TEST(shError("\n. /nonexistent/file") ==
             "test.conf:2: .: cannot open /nonexistent/file: No such file or directory");
  BOOST_TEST(shUnsupported(". rc.conf") == "test.conf:1: `. rc.conf` (a search of PATH)");
  testing::TempDir dir;
  dir.write("self.conf", ". /self.conf\n");
  try {
    ShRun run(". /self.conf", {}, dir.path());
    BOOST_FAIL("no error");
  } catch (const ConfigError& e) {
    BOOST_TEST(std::string(e.what()).find("nested too deeply") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(syntax_error_in_a_sourced_file_names_that_file) {
  testing::TempDir dir;
  dir.write("etc/bad.conf", "a=1\nif true; then\n");
  try {
    ShRun run(". /etc/bad.conf", {}, dir.path());
    BOOST_FAIL("no error");
  } catch (const ConfigError& e) {
    BOOST_TEST(e.describe() == "/etc/bad.conf:3: Syntax error: end of file unexpected (expecting \"fi\")");
  }
}

BOOST_AUTO_TEST_CASE(commands_before_a_syntax_error_have_run) {
  FsRoot root("/");
  ShInterpreter sh(root, {});
  BOOST_CHECK_THROW(sh.run("a=1\nb=2\nfi\n", "t.conf"), ConfigError);
  BOOST_TEST(sh.state().variables().get("b") == "2");
}

BOOST_AUTO_TEST_CASE(eval) {
  ShRun run("name=web\neval \"jail_${name}_ip=192.0.2.1\"\neval 'if true; then d=yes; fi'\neval\ns=$?");
  BOOST_TEST(run.get("jail_web_ip") == "192.0.2.1");
  BOOST_TEST(run.find("jail_web_ip")->where.str() == "test.conf:2");
  BOOST_TEST(run.get("d") == "yes");
  BOOST_TEST(run.get("s") == "0");
  BOOST_TEST(shValue("f() { eval 'return 4'; never=1; }\nf\ns=$?", "s") == "4");
}

BOOST_AUTO_TEST_CASE(unsupported_constructs_name_line_and_kind) {
  BOOST_TEST(shUnsupported("a=1\nb=2 | c") == "test.conf:2: a pipeline");
  BOOST_TEST(shUnsupported("x=1 > /dev/null") == "test.conf:1: a redirection (>)");
  BOOST_TEST(shUnsupported("{ x=1; } 2>/dev/null") == "test.conf:1: a redirection (2>)");
  BOOST_TEST(shUnsupported("(x=1)") == "test.conf:1: a subshell ( ... )");
  BOOST_TEST(shUnsupported("x=1 &") == "test.conf:1: a background command (&)");
  BOOST_TEST(shUnsupported("printf hello") == "test.conf:1: the command 'printf'");
  BOOST_TEST(shUnsupported("/sbin/sysctl -n x") == "test.conf:1: the command '/sbin/sysctl'");
  BOOST_TEST(shUnsupported("cat <<EOF\nx\nEOF") == "test.conf:1: a redirection (<<)");
  BOOST_TEST(shUnsupported("set -e") == "test.conf:1: `set -e` (shell options)");
  BOOST_TEST(shUnsupported("export -p") == "test.conf:1: `export` listing variables");
  BOOST_TEST(shUnsupported("trap '' EXIT") == "test.conf:1: the command 'trap'");
  // Only what runs counts.
  BOOST_TEST(shUnsupported("if false; then echo x | cat; fi") == "");
}

BOOST_AUTO_TEST_CASE(recursion_is_bounded) {
  try {
    ShRun run("f() { f; }\nf");
    BOOST_FAIL("no error");
  } catch (const ConfigError& e) {
    BOOST_TEST(std::string(e.what()) == "function calls nested too deeply");
  }
}

BOOST_AUTO_TEST_CASE(run_in_function_gives_positional_parameters_and_scope) {
  FsRoot root("/");
  ShInterpreter sh(root, {});
  sh.runInFunction({"jail"}, [&] { sh.run("arg=$1\nlocal gone=1\nkept=1", "t.conf"); });
  BOOST_TEST(sh.state().variables().get("arg") == "jail");
  BOOST_TEST(!sh.state().variables().isSet("gone"));
  BOOST_TEST(sh.state().variables().isSet("kept"));
  BOOST_TEST(sh.state().positional.empty());
}

BOOST_AUTO_TEST_CASE(echo_writes_to_stdout_and_redirections_move_it) {
  ShRun run("echo a  b\necho \"to err\" >&2\n{ echo c; echo d 1>&2; } 2>&1\necho\nx=$?");
  BOOST_TEST(run.out() == "a b\nc\nd\n\n");
  BOOST_TEST(run.err() == "to err\n");
  BOOST_TEST(run.get("x") == "0");
  ShRun swapped("f() { echo in f; }\nf >&2\nf");
  BOOST_TEST(swapped.out() == "in f\n");
  BOOST_TEST(swapped.err() == "in f\n");
}

BOOST_AUTO_TEST_CASE(echo_the_shells_disagree_on_is_left_to_sh) {
  BOOST_TEST(shUnsupported("echo -n a") == "test.conf:1: echo with an option or a backslash (shells differ on those)");
  BOOST_TEST(shUnsupported("echo 'a\\tb'") ==
             "test.conf:1: echo with an option or a backslash (shells differ on those)");
  BOOST_TEST(shUnsupported("echo a > /tmp/x") == "test.conf:1: a redirection (>)");
  BOOST_TEST(shUnsupported("echo a 2>&3") == "test.conf:1: a redirection (2>&)");
  BOOST_TEST(shUnsupported("printf '%s\\n' a") == "test.conf:1: the command 'printf'");
}

BOOST_AUTO_TEST_CASE(exit_stops_everything_with_its_status_and_place) {
  ShRun run("a=1\nf() { while true; do for i in 1 2; do exit 3; done; done; }\nf\nb=2\necho never");
  BOOST_TEST(run.sh().exited());
  BOOST_TEST(run.sh().exitStatus() == 3);
  BOOST_TEST(run.sh().exitWhere().str() == "test.conf:2");
  BOOST_TEST(run.get("a") == "1");
  BOOST_TEST(!run.isSet("b"));
  BOOST_TEST(run.out() == "");
  ShRun bare("echo before\nfalse\nexit\necho after");
  BOOST_TEST(bare.sh().exitStatus() == 1);
  BOOST_TEST(bare.out() == "before\n");
  BOOST_TEST(ShRun("exit 258").sh().exitStatus() == 2);
  BOOST_TEST(shError("exit x") == "test.conf:1: exit: Illegal number: x");
}

BOOST_AUTO_TEST_CASE(return_and_false_do_not_exit) {
  ShRun run("false\nreturn 0\na=1");
  BOOST_TEST(!run.sh().exited());
  BOOST_TEST(!run.isSet("a"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
