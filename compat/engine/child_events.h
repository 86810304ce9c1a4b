// What the runner's loop waits for: its children (SIGCHLD, read from a
// signalfd) and the end of jail inits (their pidfds), in one poll.
#pragma once

#include <signal.h>

#include <chrono>
#include <vector>

namespace rcjail::compat {

// Blocks SIGCHLD for the life of the object and reads it from a signalfd,
// so the loop can poll for it together with the pidfds of jail inits.
class ChildSignalBlock {
 public:
  ChildSignalBlock();
  ~ChildSignalBlock();
  ChildSignalBlock(const ChildSignalBlock&) = delete;
  ChildSignalBlock& operator=(const ChildSignalBlock&) = delete;
  int descriptor() const { return fd_; }

 private:
  sigset_t previous_;
  int fd_ = -1;
};

// Waits until a child may have ended (SIGCHLD, read from `childSignals`), one
// of `inits` has ended (a readable pidfd) or `timeout` passed.
void waitForChildOrInit(int childSignals, const std::vector<int>& inits, std::chrono::nanoseconds timeout);

}  // namespace rcjail::compat
