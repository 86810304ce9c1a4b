// SIGCHLD through a signalfd, and poll over it and pidfds.
#include "child_events.h"

#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>

namespace rcjail::compat {

ChildSignalBlock::ChildSignalBlock() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, &previous_);
  fd_ = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

ChildSignalBlock::~ChildSignalBlock() {
  if (fd_ >= 0) close(fd_);
  sigprocmask(SIG_SETMASK, &previous_, nullptr);
}

void waitForChildOrInit(int childSignals, const std::vector<int>& inits, std::chrono::nanoseconds timeout) {
  std::vector<pollfd> fds{pollfd{childSignals, POLLIN, 0}};
  for (int fd : inits) fds.push_back(pollfd{fd, POLLIN, 0});
  // Rounded up: waking before a deadline would only loop back here.
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(timeout).count();
  if (poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(ms, 1000000))) > 0 &&
      (fds[0].revents & POLLIN)) {
    signalfd_siginfo info{};
    while (read(childSignals, &info, sizeof info) == sizeof info) {
    }
  }
}

}  // namespace rcjail::compat
