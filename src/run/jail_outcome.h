// What happened to one jail in a start or stop, handed to whoever keeps
// records (the boot history); the service itself does not care who listens.
#pragma once

#include <chrono>
#include <string>

namespace rcjail {

enum class JailResult { Ok, Failed, TimedOut, Skipped };

struct JailOutcome {
  std::string jail;       // jail(8) name
  std::string verb;       // "start" or "stop"
  JailResult result = JailResult::Ok;
  std::chrono::milliseconds duration{0};
  std::string output;     // what jail(8) printed
};

class OutcomeSink {
 public:
  virtual ~OutcomeSink() = default;
  virtual void jailFinished(const JailOutcome& outcome) = 0;
};

}  // namespace rcjail
