// SIGTERM and SIGINT during a run: instead of dying between a jail(8) that
// created a jail and the id file that records it, rcjail notes the signal,
// lets the jail(8) in progress finish, starts nothing new and exits with a
// message.
#pragma once

namespace rcjail {

// Installs the handlers for its lifetime and restores the previous ones after.
// At most one may exist at a time.
class InterruptWatch {
 public:
  InterruptWatch();
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  bool interrupted() const { return signal() != 0; }
  int signal() const;  // the first signal received, 0 when none
};

// "SIGTERM", "SIGINT", or "a signal" for any other.
const char* interruptSignalName(int signal);

}  // namespace rcjail
