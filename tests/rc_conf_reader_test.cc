// Tests of load_rc_config as the reader reproduces it: built-in defaults,
// the defaults file and its source_rc_confs (two passes), /etc/rc.conf alone
// without defaults, rc.conf.d as a file or a directory under every
// local_startup, debug lines, the /bin/sh fallback and errors.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rc_conf_fixture.h"
#include "rc_conf_reader.h"
#include "test_precondition.h"

namespace rcjail {
namespace {

// The FreeBSD-shaped defaults of tests/data, with plain /etc paths.
std::string defaultsFile() {
  std::string text = testing::readTestFile(RCJAIL_TEST_DATA "/rcconf-defaults.sh");
  testing::replaceAllIn(text, "@ROOT@", "");
  return text;
}

struct Tree {
  testing::TempDir dir;
  Tree& file(const std::string& path, const std::string& content) {
    dir.write(path.substr(1), content);
    return *this;
  }
  Tree& defaults() { return file("/etc/defaults/rc.conf", defaultsFile()); }
  RcConfResult load(RcConfOptions::Mode mode = RcConfOptions::Mode::Auto, Variables initial = {}) const {
    RcConfOptions options{FsRoot(dir.path())};
    options.mode = mode;
    return loadRcConfig(options, initial);
  }
  std::string error(RcConfOptions::Mode mode = RcConfOptions::Mode::Auto) const {
    try {
      load(mode);
    } catch (const ConfigError& e) {
      return e.describe();
    }
    return "";
  }
};

bool contains(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rc_conf_reader)

BOOST_AUTO_TEST_CASE(builtin_defaults_fill_unset_or_empty_only) {
  Variables vars;
  vars.set("jail_enable", "YES");
  vars.set("jail_conf", "");
  addBuiltinDefaults(vars);
  BOOST_TEST(vars.get("jail_enable") == "YES");
  BOOST_TEST(vars.get("jail_conf") == "/etc/jail.conf");
  BOOST_TEST(vars.get("jail_confwarn") == "YES");
  BOOST_TEST(vars.get("jail_parallel_start") == "NO");
  BOOST_TEST(vars.isSet("jail_list"));
  BOOST_TEST(vars.get("jail_list") == "");
  BOOST_TEST(vars.get("jail_reverse_stop") == "NO");
  BOOST_TEST(vars.get("jail_program") == "/usr/sbin/jail");
  BOOST_TEST(vars.get("jail_jls") == "/usr/sbin/jls");
  BOOST_TEST(vars.get("jail_jexec") == "/usr/sbin/jexec");
  BOOST_TEST(vars.get("jail_consolecmd") == "/usr/bin/login -f root");
  BOOST_TEST(vars.get("rc_conf_files") == "/etc/rc.conf /etc/rc.conf.local");
  BOOST_TEST(vars.get("local_startup") == "/usr/local/etc/rc.d");
  BOOST_TEST(vars.get("rc_startmsgs") == "YES");
  BOOST_TEST(vars.get("rc_info") == "NO");
  BOOST_TEST(vars.get("rcshutdown_timeout") == "90");
  BOOST_TEST(vars.find("jail_conf")->where.str() == "(built-in)");
}

BOOST_AUTO_TEST_CASE(environment_variables_are_exported) {
  char a[] = "A=1", b[] = "B=x=y", bad[] = "1X=2", noeq[] = "NOEQ";
  char* envp[] = {a, b, bad, noeq, nullptr};
  Variables vars = environmentVariables(envp);
  BOOST_TEST(vars.get("A") == "1");
  BOOST_TEST(vars.get("B") == "x=y");
  BOOST_TEST(vars.find("A")->exported);
  BOOST_TEST(vars.all().size() == 2u);
}

BOOST_AUTO_TEST_CASE(nothing_to_read_gives_the_builtin_defaults) {
  Tree tree;
  RcConfResult r = tree.load();
  BOOST_TEST(r.vars.get("jail_enable") == "NO");
  BOOST_TEST(r.vars.get("jail_jexec") == "/usr/sbin/jexec");
  BOOST_TEST(r.files.empty());
  BOOST_TEST(r.debug.empty());
  BOOST_TEST(!r.evaluatedByShell);
  BOOST_TEST(!r.vars.isSet("IFS"));
  BOOST_TEST(!r.vars.isSet("OPTIND"));
}

BOOST_AUTO_TEST_CASE(defaults_then_rc_conf_files_in_order) {
  Tree tree;
  tree.defaults()
      .file("/etc/rc.conf", "jail_enable=\"YES\"\njail_list=\"ducky\"\n")
      .file("/etc/rc.conf.local", "jail_list=\"$jail_list goose\"\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.vars.get("jail_enable") == "YES");
  BOOST_TEST(r.vars.get("jail_list") == "ducky goose");
  BOOST_TEST(r.vars.find("jail_list")->where.str() == "/etc/rc.conf.local:1");
  BOOST_TEST(r.vars.find("jail_conf")->where.str() == "/etc/defaults/rc.conf:41");
  std::vector<std::string> files = {"/etc/defaults/rc.conf", "/etc/rc.conf", "/etc/rc.conf.local"};
  BOOST_TEST(r.files == files, boost::test_tools::per_element());
  std::vector<std::string> debug = {"Sourcing /etc/defaults/rc.conf"};
  BOOST_TEST(r.debug == debug, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(second_pass_reads_files_added_by_a_file) {
  Tree tree;
  tree.defaults()
      .file("/etc/rc.conf", "rc_conf_files=\"$rc_conf_files /etc/rc.conf.extra\"\n")
      .file("/etc/rc.conf.extra", "extra=yes\nrc_conf_files=\"$rc_conf_files /etc/third\"\n")
      .file("/etc/third", "third=read\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.vars.get("extra") == "yes");
  BOOST_TEST(!r.vars.isSet("third"));  // only two passes, as in FreeBSD
  BOOST_TEST(r.files.size() == 3u);
}

BOOST_AUTO_TEST_CASE(each_rc_conf_file_is_read_once) {
  Tree tree;
  tree.defaults().file("/etc/rc.conf",
                       "n=$((n+1))\nrc_conf_files=\"/etc/rc.conf /etc/rc.conf /etc/rc.conf.local\"\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.vars.get("n") == "1");
}

BOOST_AUTO_TEST_CASE(without_defaults_rc_conf_alone) {
  Tree tree;
  tree.file("/etc/rc.conf", "a=1\n").file("/etc/rc.conf.local", "b=1\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.vars.get("a") == "1");
  BOOST_TEST(!r.vars.isSet("b"));
  std::vector<std::string> debug = {"Sourcing /etc/rc.conf (/etc/defaults/rc.conf doesn't exist)."};
  BOOST_TEST(r.debug == debug, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_files_are_not_sourced) {
  Tree tree;
  tree.file("/etc/rc.conf", "").file("/etc/rc.conf.d/jail", "");
  RcConfResult r = tree.load();
  BOOST_TEST(r.files.empty());
  BOOST_TEST(contains(r.debug, "Sourcing /etc/rc.conf.d/jail"));
}

BOOST_AUTO_TEST_CASE(rc_conf_d_as_a_file_overrides_rc_conf) {
  Tree tree;
  tree.defaults()
      .file("/etc/rc.conf", "jail_enable=NO\n")
      .file("/etc/rc.conf.d/jail", "jail_enable=YES\narg=$1\n")
      .file("/usr/local/etc/rc.conf.d/jail", "jail_list=local\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.vars.get("jail_enable") == "YES");
  BOOST_TEST(r.vars.get("arg") == "/etc/rc.conf.d/jail");  // rc.subr's dot passes the file
  BOOST_TEST(r.vars.get("jail_list") == "local");
  BOOST_TEST(contains(r.debug, "Sourcing /etc/rc.conf.d/jail"));
  BOOST_TEST(contains(r.debug, "Sourcing /usr/local/etc/rc.conf.d/jail"));
}

BOOST_AUTO_TEST_CASE(rc_conf_d_as_a_directory_in_sorted_order) {
  Tree tree;
  tree.file("/etc/rc.conf.d/jail/20-b", "v=\"$v b\"\n")
      .file("/etc/rc.conf.d/jail/10-a", "v=\"$v a\"\n")
      .file("/etc/rc.conf.d/jail/30-empty", "")
      .file("/etc/rc.conf.d/jail/.hidden", "v=\"$v hidden\"\n")
      .file("/etc/rc.conf.d/jail/40-dir/x", "v=\"$v sub\"\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.vars.get("v") == " a b");
  std::vector<std::string> debug = {"Sourcing /etc/rc.conf.d/jail/10-a", "Sourcing /etc/rc.conf.d/jail/20-b",
                                    "Sourcing /etc/rc.conf.d/jail/30-empty"};
  BOOST_TEST(r.debug == debug, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_local_startup_directory) {
  Tree tree;
  tree.file("/etc/rc.conf", "local_startup=\"/usr/local/etc/rc.d /opt/rc.d /srv\"\n")
      .file("/opt/rc.conf.d/jail", "opt=1\n")
      .file("/srv/rc.conf.d/jail", "srv=1\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.vars.get("opt") == "1");
  BOOST_TEST(r.vars.get("srv") == "1");
}

BOOST_AUTO_TEST_CASE(service_name_selects_the_rc_conf_d_file) {
  Tree tree;
  tree.file("/etc/rc.conf.d/other", "other=1\n").file("/etc/rc.conf.d/jail", "jail=1\n");
  RcConfOptions options{FsRoot(tree.dir.path())};
  options.service = "other";
  RcConfResult r = loadRcConfig(options, {});
  BOOST_TEST(r.vars.isSet("other"));
  BOOST_TEST(!r.vars.isSet("jail"));
}

// sh's -r, which source_rc_confs uses, is access(2): false for a file of
// mode 0 unless the caller is root. As root, the check runs in a child that
// has become nobody (uid and gid 65534), so the branch runs everywhere.
BOOST_AUTO_TEST_CASE(an_unreadable_rc_conf_local_is_not_read) {
  Tree tree;
  tree.defaults().file("/etc/rc.conf", "seen=1\n").file("/etc/rc.conf.local", "secret=1\n");
  chmod((tree.dir.path() + "/etc/rc.conf.local").c_str(), 0);
  // 0: rc.conf read and rc.conf.local not; 1: rc.conf.local read; 2: rc.conf
  // not read; 3: the load failed; 4: could not become nobody.
  auto outcome = [&] {
    try {
      Variables vars = tree.load(RcConfOptions::Mode::Native).vars;
      return vars.isSet("secret") ? 1 : !vars.isSet("seen") ? 2 : 0;
    } catch (const ConfigError&) {
      return 3;
    }
  };
  if (geteuid() != 0) {
    BOOST_TEST(outcome() == 0);
    return;
  }
  chmod(tree.dir.path().c_str(), 0755);  // mkdtemp's 0700 would shut nobody out of the whole tree
  pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    bool dropped = setgroups(0, nullptr) == 0 && setgid(65534) == 0 && setuid(65534) == 0;
    _exit(dropped ? outcome() : 4);
  }
  int status = 0;
  BOOST_REQUIRE(waitpid(child, &status, 0) == child);
  BOOST_REQUIRE(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0);
}

// And root reads it: access(2) grants root read permission whatever the mode.
BOOST_AUTO_TEST_CASE(root_reads_an_rc_conf_local_of_mode_0,
                     *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                       return testing::requirement(geteuid() == 0, "root");
                     })) {
  BOOST_TEST_REQUIRE(geteuid() == 0u, "needs root");
  Tree tree;
  tree.defaults().file("/etc/rc.conf.local", "secret=1\n");
  chmod((tree.dir.path() + "/etc/rc.conf.local").c_str(), 0);
  BOOST_TEST(tree.load(RcConfOptions::Mode::Native).vars.get("secret") == "1");
}

BOOST_AUTO_TEST_CASE(the_freebsd_shaped_defaults_evaluate_natively) {
  Tree tree;
  tree.defaults().file("/etc/defaults/vendor.conf", "vendor=1\n");
  RcConfResult r = tree.load(RcConfOptions::Mode::Native);
  BOOST_TEST(r.vars.get("_localbase") == "/usr/local");
  BOOST_TEST(r.vars.get("local_startup") == "/usr/local/etc/rc.d");
  BOOST_TEST(r.vars.get("source_rc_confs_defined") == "yes");
  BOOST_TEST(r.vars.get("vendor") == "1");
  BOOST_TEST(!r.vars.isSet("_rc_conf_done"));  // local to source_rc_confs
}

// The defaults with plain /etc paths, as the compatibility cases install
// them: source_rc_confs reads /etc/rc.conf, then /etc/rc.conf.local, each once
// over its two rounds, so jail_list gets "rc" and then " local" once.
BOOST_AUTO_TEST_CASE(the_defaults_read_rc_conf_then_rc_conf_local_once) {
  Tree tree;
  tree.defaults()
      .file("/etc/rc.conf", "jail_enable=YES\njail_list=rc\n")
      .file("/etc/rc.conf.local", "jail_list=\"$jail_list local\"\n");
  RcConfResult r = tree.load(RcConfOptions::Mode::Native);
  BOOST_TEST(r.vars.get("jail_enable") == "YES");
  BOOST_TEST(r.vars.get("jail_list") == "rc local");
  BOOST_TEST(r.vars.get("jail_confwarn") == "YES");    // the defaults' value, not overridden
  BOOST_TEST(r.vars.get("jail_conf") == "/etc/jail.conf");
}

BOOST_AUTO_TEST_CASE(unsupported_sh_falls_back_to_the_shell) {
  Tree tree;
  tree.file("/etc/rc.conf", "a=1\nhost=$(echo computed)\nb=\"$a $host\"\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.evaluatedByShell);
  BOOST_TEST(r.vars.get("b") == "1 computed");
  BOOST_REQUIRE(!r.debug.empty());
  BOOST_TEST(r.debug[0] == "/etc/rc.conf:2: uses command substitution $(echo computed); "
                          "evaluating the whole load with /bin/sh");
}

BOOST_AUTO_TEST_CASE(native_mode_refuses_unsupported_sh) {
  Tree tree;
  tree.file("/etc/rc.conf", "a=1\nb=2 | cat\n");
  BOOST_TEST(tree.error(RcConfOptions::Mode::Native) ==
             "/etc/rc.conf:2: not supported by the native reader: a pipeline");
}

BOOST_AUTO_TEST_CASE(shell_mode_is_recorded) {
  Tree tree;
  tree.file("/etc/rc.conf", "a=1\n");
  RcConfResult r = tree.load(RcConfOptions::Mode::Shell);
  BOOST_TEST(r.evaluatedByShell);
  BOOST_TEST(r.vars.get("a") == "1");
  BOOST_TEST(r.debug[0] == "evaluating rc.conf with /bin/sh (requested)");
}

BOOST_AUTO_TEST_CASE(syntax_errors_name_file_and_line) {
  Tree tree;
  tree.file("/etc/rc.conf", "a=1\n").file("/etc/rc.conf.d/jail", "x=1\ncase $x in\n");
  BOOST_TEST(tree.error(RcConfOptions::Mode::Native) ==
             "/etc/rc.conf.d/jail:3: Syntax error: end of file unexpected (expecting \")\")");
}

BOOST_AUTO_TEST_CASE(runtime_errors_name_file_and_line) {
  Tree tree;
  tree.file("/etc/rc.conf", "\njail_list=${jail_list:?must be set}\n");
  BOOST_TEST(tree.error(RcConfOptions::Mode::Native) == "/etc/rc.conf:2: jail_list: must be set");
}

// sh's errors are /bin/sh's to word (dash's below, Debian's /bin/sh): the
// whole load runs again in it, and what it prints is passed on.
BOOST_AUTO_TEST_CASE(sh_errors_are_worded_and_reported_by_the_shell) {
  Tree tree;
  tree.file("/etc/rc.conf", "echo first\n\njail_list=${jail_list:?must be set}\necho never\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.evaluatedByShell);
  BOOST_TEST(r.out == "first\n");
  BOOST_TEST(r.err == "/etc/rc.d/jail: 3: " + tree.dir.path() + "/etc/rc.conf: jail_list: must be set\n");
  BOOST_REQUIRE(r.stop);
  BOOST_TEST(r.stop->where.str() == "/etc/rc.conf:3");
  BOOST_TEST(r.stop->status == 2);
  BOOST_TEST(r.stop->reason == "jail_list: must be set");
}

BOOST_AUTO_TEST_CASE(errors_sh_goes_on_after_are_the_shells_too) {
  Tree tree;
  tree.file("/etc/rc.conf", "a=1\n[ $a = 1\nb=2\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.evaluatedByShell);
  BOOST_TEST(r.err == "/etc/rc.d/jail: 2: [: missing ]\n");
  BOOST_REQUIRE(r.errors.size() == 1);
  BOOST_TEST(r.errors[0].where.str() == "/etc/rc.conf:2");
  BOOST_TEST(!r.stop);
  BOOST_TEST(r.vars.get("b") == "2");
}

BOOST_AUTO_TEST_CASE(echo_from_every_file_in_order_per_stream) {
  Tree tree;
  tree.defaults()
      .file("/etc/rc.conf", "echo rc.conf\necho rc.conf err >&2\n. /etc/included\n")
      .file("/etc/included", "echo included 1>&2\necho included out\n")
      .file("/etc/rc.conf.local", "echo local\n")
      .file("/etc/rc.conf.d/jail/a", "{ echo d/a; echo d/a err >&2; }\n")
      .file("/usr/local/etc/rc.conf.d/jail", "echo usr local\n");
  RcConfResult r = tree.load();
  BOOST_TEST(!r.evaluatedByShell);
  BOOST_TEST(r.out == "rc.conf\nincluded out\nlocal\nd/a\nusr local\n");
  BOOST_TEST(r.err == "rc.conf err\nincluded\nd/a err\n");
  BOOST_TEST(!r.stop);
}

BOOST_AUTO_TEST_CASE(output_before_a_fallback_is_written_once) {
  Tree tree;
  tree.file("/etc/rc.conf", "echo one\nprintf '%s\\n' \"$jail_list\" two\necho three >&2\n");
  RcConfResult r = tree.load();
  BOOST_TEST(r.evaluatedByShell);
  BOOST_TEST(r.out == "one\n\ntwo\n");
  BOOST_TEST(r.err == "three\n");
}

BOOST_AUTO_TEST_CASE(exit_stops_the_load_natively_with_its_place) {
  Tree tree;
  tree.defaults()
      .file("/etc/rc.conf", "jail_list=a\necho before\n[ -n \"$jail_list\" ] && exit 3\njail_list=b\n")
      .file("/etc/rc.conf.d/jail", "echo never\n");
  RcConfResult r = tree.load();
  BOOST_TEST(!r.evaluatedByShell);
  BOOST_REQUIRE(r.stop);
  BOOST_TEST(r.stop->status == 3);
  BOOST_TEST(r.stop->where.str() == "/etc/rc.conf:3");
  BOOST_TEST(r.stop->reason == "exit 3 while loading: rc.d/jail stops here with status 3");
  BOOST_TEST(r.out == "before\n");
  BOOST_TEST(r.vars.get("jail_list") == "a");
}

BOOST_AUTO_TEST_CASE(return_at_the_top_and_false_go_on) {
  Tree tree;
  tree.defaults().file("/etc/rc.conf", "false\nreturn 0\njail_list=never\n").file("/etc/rc.conf.local", "a=1\n");
  RcConfResult r = tree.load();
  BOOST_TEST(!r.stop);
  BOOST_TEST(r.vars.get("jail_list") == "");
  BOOST_TEST(r.vars.get("a") == "1");
}

BOOST_AUTO_TEST_CASE(ifs_from_the_environment_is_ignored) {
  Tree tree;
  tree.file("/etc/rc.conf", "set -- $v\nn=$#\n");
  Variables initial;
  initial.set("IFS", ":");
  initial.set("v", "a:b c");
  RcConfResult r = tree.load(RcConfOptions::Mode::Auto, initial);
  BOOST_TEST(r.vars.get("n") == "2");
}

BOOST_AUTO_TEST_CASE(ten_thousand_assignments_are_fast) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "jail_j" + std::to_string(i) + "_ip=\"192.0.2." + std::to_string(i % 250) + "\"\n";
  Tree tree;
  tree.file("/etc/rc.conf", text);
  auto start = std::chrono::steady_clock::now();
  RcConfResult r = tree.load(RcConfOptions::Mode::Native);
  auto elapsed = std::chrono::steady_clock::now() - start;
  BOOST_TEST(r.vars.get("jail_j9999_ip") == "192.0.2.249");
  BOOST_TEST(r.vars.find("jail_j9999_ip")->where.line == 10000);
  BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count() < 5);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
