// Readiness checks: parsing, and probes against sockets and files this test
// makes itself (TCP on 127.0.0.1 only, on a port the kernel picks).
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

#include "fake_jail_system.h"
#include "readiness.h"
#include "test_support.h"

using namespace rcjail;
using namespace rcjail::testing;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

ReadinessCheck parsed(const std::string& value, const std::string& root = "/j") {
  auto r = parseReadiness(value, root);
  BOOST_REQUIRE_MESSAGE(std::holds_alternative<ReadinessCheck>(r), value);
  return std::get<ReadinessCheck>(r);
}

std::string error(const std::string& value, const std::string& root = "/j") {
  auto r = parseReadiness(value, root);
  return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "(parsed)";
}

// A TCP socket bound to 127.0.0.1 on a free port, listening only when asked.
struct LocalPort {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int port = 0;
  LocalPort() {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
  }
  ~LocalPort() { close(fd); }
  void listen() { BOOST_REQUIRE(::listen(fd, 4) == 0); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(readiness)

BOOST_AUTO_TEST_CASE(parsing) {
  ReadinessCheck tcp = parsed("tcp:127.0.0.1:8080");
  BOOST_TEST((tcp.kind == ReadinessCheck::Kind::Tcp));
  BOOST_TEST(tcp.host == "127.0.0.1");
  BOOST_TEST(tcp.port == 8080);
  BOOST_TEST(parsed("tcp:[::1]:25").host == "::1");
  BOOST_TEST(parsed("unix:/var/run/app.sock").path == "/var/run/app.sock");
  BOOST_TEST(parsed("file:/var/run/ready").path == "/j/var/run/ready");
  BOOST_TEST(parsed("file:/ready", "/").path == "/ready");
  BOOST_TEST(parsed("exec:pgrep -q nginx").command == "pgrep -q nginx");
  BOOST_TEST(error("tcp:host") == "\"tcp:host\": tcp: needs HOST:PORT");
  BOOST_TEST(error("tcp:host:http") == "\"tcp:host:http\": \"http\" is not a TCP port");
  BOOST_TEST(error("tcp:host:70000") == "\"tcp:host:70000\": \"70000\" is not a TCP port");
  BOOST_TEST(error("file:relative") == "\"file:relative\": file: needs an absolute path");
  BOOST_TEST(error("file:/x", "") == "\"file:/x\": file: needs the jail's path, and it has none");
  BOOST_TEST(error("exec: ") == "\"exec: \": exec: needs a command");
  BOOST_TEST(error("ready") == "\"ready\" is not tcp:HOST:PORT, unix:PATH, file:PATH or exec:COMMAND");
}

BOOST_AUTO_TEST_CASE(tcp_probe_passes_once_the_port_listens) {
  FakeJailSystem sys;
  LocalPort port;
  ReadinessCheck c = parsed("tcp:127.0.0.1:" + std::to_string(port.port));
  BOOST_TEST(!probeReadiness(c, sys, {"jexec"}, "db", Clock::now() + 1s));
  std::thread later([&] {
    std::this_thread::sleep_for(300ms);
    port.listen();
  });
  auto before = Clock::now();
  BOOST_TEST(waitUntilReady(c, sys, {"jexec"}, "db", Clock::now() + 5s, 20ms));
  BOOST_TEST((Clock::now() - before >= 300ms));
  later.join();
}

BOOST_AUTO_TEST_CASE(a_probe_that_never_passes_gives_up_at_the_deadline) {
  FakeJailSystem sys;
  LocalPort closed;
  ReadinessCheck c = parsed("tcp:127.0.0.1:" + std::to_string(closed.port));
  auto before = Clock::now();
  BOOST_TEST(!waitUntilReady(c, sys, {"jexec"}, "db", Clock::now() + 400ms, 50ms));
  auto took = Clock::now() - before;
  BOOST_TEST((took >= 400ms));
  BOOST_TEST((took < 1500ms));
  bool stop = true;
  before = Clock::now();
  BOOST_TEST(!waitUntilReady(c, sys, {"jexec"}, "db", Clock::now() + 5s, 50ms, [&] { return stop; }));
  BOOST_TEST((Clock::now() - before < 1s));
}

BOOST_AUTO_TEST_CASE(unix_and_file_probes) {
  FakeJailSystem sys;
  TempDir dir;
  ReadinessCheck file = parsed("file:/run/ready", dir.path());
  BOOST_TEST(!probeReadiness(file, sys, {}, "db", Clock::now() + 1s));
  dir.write("run/ready", "");
  BOOST_TEST(probeReadiness(file, sys, {}, "db", Clock::now() + 1s));

  std::string path = dir.path() + "/app.sock";
  ReadinessCheck sock = parsed("unix:" + path);
  BOOST_TEST(!probeReadiness(sock, sys, {}, "db", Clock::now() + 1s));
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  snprintf(a.sun_path, sizeof a.sun_path, "%s", path.c_str());
  BOOST_REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  BOOST_REQUIRE(listen(fd, 1) == 0);
  BOOST_TEST(probeReadiness(sock, sys, {}, "db", Clock::now() + 1s));
  close(fd);
}

BOOST_AUTO_TEST_CASE(exec_probe_runs_in_the_jail) {
  FakeJailSystem sys;
  ReadinessCheck c = parsed("exec:test -e /var/run/app.pid");
  BOOST_TEST(!probeReadiness(c, sys, {"/usr/sbin/jexec"}, "db", Clock::now() + 1s));
  sys.running.emplace_back("db", 1);
  BOOST_TEST(probeReadiness(c, sys, {"/usr/sbin/jexec"}, "db", Clock::now() + 1s));
  BOOST_TEST(sys.commandLines().back() == "/usr/sbin/jexec db /bin/sh -c test -e /var/run/app.pid");
}

BOOST_AUTO_TEST_SUITE_END()
