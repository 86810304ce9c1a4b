// PosixJailSystem against real programs: output modes, exit statuses, the
// messages for programs that cannot run, deadlines, and sysctl answers.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <unistd.h>

#include "jail_system.h"
#include "test_support.h"

using namespace rcjail;
using rcjail::testing::TempDir;

namespace {

RunResult runSh(const std::string& script, OutputMode mode = OutputMode::Combined) {
  PosixJailSystem system("/etc/rc.d/jail", {"PATH=/usr/bin:/bin", "GREETING=hello"});
  RunRequest request{{"/bin/sh", "-c", script}};
  request.output = mode;
  return system.run(request);
}

// An executable script at dir/name.
std::string script(const TempDir& dir, const std::string& name, const std::string& body) {
  std::string path = dir.write(name, "#!/bin/sh\n" + body);
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_system)

BOOST_AUTO_TEST_CASE(combined_output_keeps_the_order_of_both_streams) {
  RunResult r = runSh("echo one; echo two >&2; echo three; exit 3");
  BOOST_TEST(r.output == "one\ntwo\nthree\n");
  BOOST_TEST(r.status == 3);
  BOOST_TEST(!r.ok());
}

BOOST_AUTO_TEST_CASE(stdout_only_and_discard_capture_what_they_say) {
  BOOST_TEST(runSh("echo out; echo err >&2", OutputMode::StdoutOnly).output == "out\n");
  RunResult discarded = runSh("echo out; echo err >&2", OutputMode::Discard);
  BOOST_TEST(discarded.output == "");
  BOOST_TEST(discarded.ok());
}

BOOST_AUTO_TEST_CASE(the_child_gets_exactly_the_given_environment_and_no_stdin) {
  BOOST_TEST(runSh("echo $GREETING ${HOME-unset}; cat").output == "hello unset\n");
}

BOOST_AUTO_TEST_CASE(a_signal_shows_as_128_plus_its_number) {
  BOOST_TEST(runSh("kill -TERM $$").status == 128 + 15);
}

BOOST_AUTO_TEST_CASE(missing_and_unexecutable_programs_speak_as_sh_would) {
  TempDir dir;
  PosixJailSystem system("/etc/rc.d/jail", {});
  RunResult missing = system.run(RunRequest{{dir.path() + "/nosuch", "x"}});
  BOOST_TEST(missing.status == 127);
  BOOST_TEST(missing.output == "/etc/rc.d/jail: " + dir.path() + "/nosuch: not found\n");
  std::string plain = dir.write("plain", "not a program");
  RunResult denied = system.run(RunRequest{{plain}});
  BOOST_TEST(denied.status == 126);
  BOOST_TEST(denied.output.find("Permission denied") != std::string::npos);
  // In $(cmd) form the message goes to stderr, never into the value.
  RunRequest captured{{dir.path() + "/nosuch"}};
  captured.output = OutputMode::StdoutOnly;
  captured.discardStderr = true;
  BOOST_TEST(system.run(captured).output == "");
}

BOOST_AUTO_TEST_CASE(a_deadline_kills_the_process_group) {
  TempDir dir;
  PosixJailSystem system("/etc/rc.d/jail", {"PATH=/usr/bin:/bin"});
  // The child leaves a grandchild behind; both must go when the deadline passes.
  RunRequest request{{"/bin/sh", "-c", "sleep 30 & echo $! > " + dir.path() + "/pid; wait"}};
  request.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  auto begun = std::chrono::steady_clock::now();
  RunResult r = system.run(request);
  BOOST_TEST(r.timedOut);
  BOOST_TEST(!r.ok());
  BOOST_TEST((std::chrono::steady_clock::now() - begun < std::chrono::seconds(20)));
  pid_t grandchild = std::stoi(dir.read("pid"));
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = kill(grandchild, 0) != 0;
    if (!gone) usleep(20000);
  }
  BOOST_TEST(gone);
}

// jail_sysctl is read as FreeBSD's sysctl(8) answers: status 0 and the value
// on stdout, or a failing status for an unknown oid, whatever it prints.
BOOST_AUTO_TEST_CASE(sysctl_answers_are_the_value_printed_with_status_zero) {
  TempDir dir;
  std::string program = script(dir, "sysctl",
                               "echo \"$*\" >> \"$(dirname \"$0\")/asked\"\n"
                               "[ \"$2\" = net.inet6.ip6.dad_count ] && { echo 2; exit 0; }\n"
                               "[ \"$2\" = kern.ostype ] && { echo FreeBSD; exit 0; }\n"
                               "echo \"no such thing: $2\" >&2; exit 1\n");
  PosixJailSystem system("/etc/rc.d/jail", {}, {program});
  BOOST_TEST(system.sysctl("net.inet6.ip6.dad_count").value_or("none") == "2");
  BOOST_TEST(system.sysctl("kern.ostype").value_or("none") == "FreeBSD");
  BOOST_TEST(!system.sysctl("kern.features.vimage").has_value());
  BOOST_TEST(dir.read("asked") == "-n net.inet6.ip6.dad_count\n-n kern.ostype\n-n kern.features.vimage\n");
}

BOOST_AUTO_TEST_CASE(any_failing_status_means_no_such_oid) {
  TempDir dir;
  // Printing a value does not make it an answer when the status says no.
  std::string failing = script(dir, "sysctl", "echo 1; exit 255\n");
  BOOST_TEST(!PosixJailSystem("/etc/rc.d/jail", {}, {failing}).sysctl("kern.features.vimage").has_value());
  BOOST_TEST(!PosixJailSystem("/etc/rc.d/jail", {}, {dir.path() + "/missing"}).sysctl("kern.features.vimage").has_value());
}

BOOST_AUTO_TEST_CASE(jail_sysctl_may_carry_arguments) {
  TempDir dir;
  std::string program = script(dir, "answer", "[ \"$1 $2 $3\" = \"--from x -n\" ] && { echo \"$4\"; exit 0; }\nexit 1\n");
  PosixJailSystem system("/etc/rc.d/jail", {}, {program, "--from", "x"});
  BOOST_TEST(system.sysctl("kern.features.vimage").value_or("none") == "kern.features.vimage");
}

BOOST_AUTO_TEST_SUITE_END()
