// The proof that a process is a recorded jail's init, and the state
// directory's option and checks.
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "jail_identity.h"
#include "state_directory.h"
#include "test_support.h"

using namespace rcjail::compat;
using rcjail::testing::TempDir;

namespace {

const NamespaceId kCaller{4, 100};
const NamespaceId kJail{4, 300};
constexpr pid_t kSelf = 4242;

JailRecord recorded() {
  JailRecord r;
  r.jid = 7;
  r.initPid = 500;
  r.initStartTime = 123456;
  r.jailNamespace = kJail;
  r.ownerNamespace = kCaller;
  return r;
}

ProcessFacts initFacts() { return ProcessFacts{123456, kJail, 1}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_identity)

BOOST_AUTO_TEST_CASE(the_recorded_init_is_accepted) {
  BOOST_TEST(judgeJailInit(recorded(), 500, initFacts(), kCaller, kSelf).empty());
  BOOST_TEST(matchesRecordedInit(recorded(), initFacts()));
}

BOOST_AUTO_TEST_CASE(a_reused_pid_is_refused) {
  ProcessFacts other = initFacts();
  other.startTime = 999999;  // another process got the pid
  BOOST_TEST(judgeJailInit(recorded(), 500, other, kCaller, kSelf) == "jail 7: process 500 does not match the record");
  other = initFacts();
  other.pidNamespace = {4, 301};  // the init of some other namespace
  BOOST_TEST(!judgeJailInit(recorded(), 500, other, kCaller, kSelf).empty());
  other = initFacts();
  other.pidInOwnNamespace = 2;  // inside the namespace, but not its init
  BOOST_TEST(!judgeJailInit(recorded(), 500, other, kCaller, kSelf).empty());
  BOOST_TEST(!matchesRecordedInit(recorded(), other));
}

BOOST_AUTO_TEST_CASE(a_process_of_the_callers_namespace_is_refused) {
  // An unrelated process that took the pid: it lives where the caller does.
  const ProcessFacts unrelated{123456, kCaller, 500};
  BOOST_TEST(judgeJailInit(recorded(), 500, unrelated, kCaller, kSelf) == "jail 7: process 500 is not inside a jail");
}

BOOST_AUTO_TEST_CASE(a_record_naming_the_callers_own_namespace_is_refused) {
  // A record planted to point at PID 1: its namespace is the caller's.
  JailRecord planted = recorded();
  planted.initPid = 1;
  planted.jailNamespace = kCaller;
  const ProcessFacts init{planted.initStartTime, kCaller, 1};
  BOOST_TEST(judgeJailInit(planted, 1, init, kCaller, kSelf) ==
             "jail 7: its recorded PID namespace is this process's own");
  BOOST_TEST(!judgeJailInit(planted, 1, init, {4, 555}, kSelf).empty());  // PID 1 never
}

BOOST_AUTO_TEST_CASE(pid_1_and_the_caller_itself_are_refused) {
  BOOST_TEST(judgeJailInit(recorded(), 1, initFacts(), kCaller, kSelf) ==
             "jail 7: its init would be PID 1 or this process");
  BOOST_TEST(!judgeJailInit(recorded(), kSelf, initFacts(), kCaller, kSelf).empty());
  BOOST_TEST(!judgeJailInit(recorded(), 0, initFacts(), kCaller, kSelf).empty());
}

BOOST_AUTO_TEST_CASE(records_without_namespaces_or_callers_without_one_are_refused) {
  JailRecord old = recorded();
  old.jailNamespace = {};
  BOOST_TEST(judgeJailInit(old, 500, initFacts(), kCaller, kSelf) == "jail 7: its record names no PID namespace");
  BOOST_TEST(!matchesRecordedInit(old, initFacts()));
  BOOST_TEST(!judgeJailInit(recorded(), 500, initFacts(), NamespaceId{}, kSelf).empty());
}

BOOST_AUTO_TEST_CASE(this_process_is_no_jails_init) {
  // The real /proc: this test process is in the caller's namespace.
  const NamespaceId caller = callerPidNamespace();
  BOOST_REQUIRE(caller.known());
  std::optional<ProcessFacts> facts = readProcessFacts(getpid());
  BOOST_REQUIRE(facts);
  BOOST_TEST((facts->pidNamespace == caller));
  JailRecord self = recorded();
  self.initPid = getpid();
  self.initStartTime = facts->startTime;
  self.jailNamespace = caller;
  self.ownerNamespace = caller;
  std::string error;
  BOOST_TEST(!JailInit::open(self, error));
  BOOST_TEST(!error.empty());
  BOOST_TEST(!JailInit::adopt(getpid(), error));
}

BOOST_AUTO_TEST_CASE(state_directory_option) {
  std::string error;
  std::vector<std::string> args{"-c", "name=a"};
  BOOST_TEST(takeStateDirectory(args, error) == "/var/run/jail");
  BOOST_TEST(args.size() == 2u);
  args = {"--state-dir", "/tmp/s", "-c"};
  BOOST_TEST(takeStateDirectory(args, error) == "/tmp/s");
  BOOST_TEST(args == std::vector<std::string>{"-c"}, boost::test_tools::per_element());
  args = {"--state-dir=/tmp/t", "-r", "x"};
  BOOST_TEST(takeStateDirectory(args, error) == "/tmp/t");
  BOOST_TEST(args.size() == 2u);
  BOOST_TEST(error.empty());
  args = {"--state-dir"};
  BOOST_TEST(takeStateDirectory(args, error).empty());
  BOOST_TEST(error == "--state-dir needs a directory");
  // Only first: later it is a jail's parameter or command word.
  error.clear();
  args = {"-c", "--state-dir=/x"};
  BOOST_TEST(takeStateDirectory(args, error) == "/var/run/jail");
  BOOST_TEST(args.size() == 2u);
}

BOOST_AUTO_TEST_CASE(state_directory_must_be_roots_and_private) {
  TempDir dir;
  const std::string state = dir.path() + "/state";
  BOOST_TEST(checkStateDirectory(state).empty());  // not there yet: made safe when needed
  BOOST_REQUIRE(mkdir(state.c_str(), 0755) == 0);
  if (geteuid() == 0) BOOST_TEST(checkStateDirectory(state).empty());
  else BOOST_TEST(checkStateDirectory(state) == state + ": the state directory is not owned by root");
  chmod(state.c_str(), 0775);
  BOOST_TEST(!checkStateDirectory(state).empty());
  chmod(state.c_str(), 0757);
  BOOST_TEST(!checkStateDirectory(state).empty());
  dir.write("file", "x");
  BOOST_TEST(checkStateDirectory(dir.path() + "/file") == dir.path() + "/file: the state directory is not a directory");
}

BOOST_AUTO_TEST_SUITE_END()
