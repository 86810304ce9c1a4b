// The signal flag. A signal handler can only reach the rest of the program
// through an object of static storage duration of type volatile sig_atomic_t,
// so this flag (with the handlers it displaced, to put them back) is the one
// process-wide mutable state that the "no global state" rule otherwise
// forbids. Only InterruptWatch and the handler touch it; everything else asks
// through an InterruptWatch (ServiceEnvironment's `interrupted`).
#include "interrupt.h"

#include <cassert>
#include <csignal>

namespace rcjail {

namespace {

volatile std::sig_atomic_t receivedSignal = 0;
bool watching = false;
struct sigaction previousTerm, previousInt;

extern "C" void noteSignal(int signal) {
  if (receivedSignal == 0) receivedSignal = signal;
}

}  // namespace

InterruptWatch::InterruptWatch() {
  assert(!watching);
  watching = true;
  receivedSignal = 0;
  struct sigaction action = {};
  action.sa_handler = noteSignal;
  sigemptyset(&action.sa_mask);
  // Restart reads and waits: jail(8) in progress is waited for, not abandoned.
  action.sa_flags = SA_RESTART;
  sigaction(SIGTERM, &action, &previousTerm);
  sigaction(SIGINT, &action, &previousInt);
}

InterruptWatch::~InterruptWatch() {
  sigaction(SIGTERM, &previousTerm, nullptr);
  sigaction(SIGINT, &previousInt, nullptr);
  watching = false;
}

int InterruptWatch::signal() const { return receivedSignal; }

const char* interruptSignalName(int signal) {
  switch (signal) {
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    default: return "a signal";
  }
}

}  // namespace rcjail
