// Who the parent jail's init mounts a child jail's procfs for: a request
// is answered over a real socket pair by answerChildProcfs, with this
// process's /proc; the requester is a forked child, which reports the
// answer it got. The mount itself, for a real child jail's holder, is
// tested end to end (e2e/compat_restrictions.sh, "nested").
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include <boost/test/unit_test.hpp>

#include "child_procfs.h"
#include "descriptor_passing.h"
#include "linux_namespaces.h"

using namespace rcjail::compat;

namespace {

// What a forked requester asking for `target` is told, and the kind of
// message the init's end of the channel received with its socket.
struct Exchange {
  std::string answer;
  int kind = 0;
};

Exchange ask(const std::string& target) {
  int channel[2];
  BOOST_TEST_REQUIRE(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, channel) == 0);
  int output[2];
  BOOST_TEST_REQUIRE(pipe2(output, O_CLOEXEC) == 0);
  const pid_t requester = fork();
  if (requester == 0) {
    const std::string answer = requestChildProcfs(channel[0], target);
    (void)!write(output[1], answer.data(), answer.size());
    _exit(0);
  }
  close(output[1]);
  Exchange exchange;
  int reply = -1;
  const int proc = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (receiveDescriptor(channel[1], reply, exchange.kind, true) && reply >= 0) {
    answerChildProcfs(reply, proc);
    close(reply);
  }
  exchange.answer = readUntilClosed(output[0]);
  waitpid(requester, nullptr, 0);
  close(proc);
  close(channel[0]);
  close(channel[1]);
  return exchange;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_child_procfs)

BOOST_AUTO_TEST_CASE(a_request_is_marked_as_one) {
  BOOST_TEST(ask("/proc").kind == kChildProcfsRequest);
}

// The requester here is an ordinary process of this PID namespace, not the
// init of one below it: no procfs, whoever it is.
BOOST_AUTO_TEST_CASE(only_a_child_jails_holder_is_served) {
  BOOST_TEST(ask("/proc").answer == "mount: /proc: Operation not permitted");
}

BOOST_AUTO_TEST_CASE(a_relative_path_is_refused) {
  BOOST_TEST(ask("proc").answer == "mount: proc: Invalid argument");
}

BOOST_AUTO_TEST_SUITE_END()
