// Readiness probes: a non-blocking connect bounded by the deadline, a stat,
// or a jexec'd command with the deadline as its own.
#include "readiness.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

namespace rcjail {

namespace {

using Clock = std::chrono::steady_clock;

int millisecondsUntil(Clock::time_point deadline, int cap) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (left < 0) return 0;
  return left > cap ? cap : static_cast<int>(left);
}

// connect(2) without blocking past `deadline` (and at most one second per try).
bool connectsBefore(int fd, const sockaddr* address, socklen_t length, Clock::time_point deadline) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  if (connect(fd, address, length) == 0) return true;
  if (errno != EINPROGRESS) return false;
  struct pollfd p = {fd, POLLOUT, 0};
  int r;
  while ((r = poll(&p, 1, millisecondsUntil(deadline, 1000))) < 0 && errno == EINTR) {
  }
  if (r <= 0) return false;
  int error = 0;
  socklen_t len = sizeof error;
  return getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0;
}

bool probeTcp(const ReadinessCheck& c, Clock::time_point deadline) {
  struct addrinfo hints {};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  struct addrinfo* found = nullptr;
  if (getaddrinfo(c.host.c_str(), std::to_string(c.port).c_str(), &hints, &found) != 0) return false;
  bool ok = false;
  for (struct addrinfo* a = found; a && !ok; a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    ok = connectsBefore(fd, a->ai_addr, a->ai_addrlen, deadline);
    close(fd);
  }
  freeaddrinfo(found);
  return ok;
}

bool probeUnix(const ReadinessCheck& c, Clock::time_point deadline) {
  struct sockaddr_un address {};
  address.sun_family = AF_UNIX;
  if (c.path.size() >= sizeof address.sun_path) return false;
  memcpy(address.sun_path, c.path.c_str(), c.path.size() + 1);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  bool ok = connectsBefore(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address, deadline);
  close(fd);
  return ok;
}

}  // namespace

bool probeReadiness(const ReadinessCheck& check, JailSystem& system, const std::vector<std::string>& jexec,
                    const std::string& jail, Clock::time_point deadline) {
  switch (check.kind) {
    case ReadinessCheck::Kind::Tcp:
      return probeTcp(check, deadline);
    case ReadinessCheck::Kind::Unix:
      return probeUnix(check, deadline);
    case ReadinessCheck::Kind::File: {
      struct stat st;
      return stat(check.path.c_str(), &st) == 0;
    }
    case ReadinessCheck::Kind::Exec: {
      std::vector<std::string> argv = jexec;
      argv.insert(argv.end(), {jail, "/bin/sh", "-c", check.command});
      RunRequest request{argv};
      request.output = OutputMode::Discard;
      request.deadline = deadline;
      return system.run(request).ok();
    }
  }
  return false;
}

bool waitUntilReady(const ReadinessCheck& check, JailSystem& system, const std::vector<std::string>& jexec,
                    const std::string& jail, Clock::time_point deadline, std::chrono::milliseconds interval,
                    const std::function<bool()>& stop) {
  for (;;) {
    if (probeReadiness(check, system, jexec, jail, deadline)) return true;
    if (Clock::now() >= deadline || (stop && stop())) return false;
    auto pause = std::min<Clock::duration>(interval, deadline - Clock::now());
    if (pause > Clock::duration::zero()) std::this_thread::sleep_for(pause);
  }
}

}  // namespace rcjail
