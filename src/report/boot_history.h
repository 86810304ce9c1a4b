// The boot history: every jail start and stop rcjail ran, with its result,
// duration and the tail of jail(8)'s output, kept in /var/db/rcjail/history
// across boots. Bounded in size and replaced atomically; a reader skips any
// record it cannot verify, so a torn or truncated file never stops a boot.
// Also decides which jails the opt-in jail_quarantine_after keeps from
// starting at boot.
#pragma once

#include <ctime>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fs_root.h"
#include "jail_outcome.h"
#include "variables.h"

namespace rcjail {

struct HistoryRecord {
  std::time_t time = 0;
  bool boot = false;  // a start/stop of rc(8) (faststart, quietstart, faststop)
  std::string jail;
  std::string verb;   // "start" or "stop"
  JailResult result = JailResult::Ok;
  long durationMs = 0;
  std::string output;  // the last lines of jail(8)'s output
};

// Limits that keep the file small whatever happens.
inline constexpr size_t kHistoryRecordsPerJail = 20;
inline constexpr size_t kHistoryOutputLines = 40;
inline constexpr size_t kHistoryOutputBytes = 8192;

// The configuration path of the history file (mapped through the root).
inline constexpr const char* kHistoryDir = "/var/db/rcjail";
inline constexpr const char* kHistoryFile = "/var/db/rcjail/history";

// "ok", "failed", "timed out", "skipped".
std::string resultName(JailResult result);

// One line per record; the last field is a checksum of the others.
std::string formatHistoryRecord(const HistoryRecord& record);
// nullopt for a line that is torn, truncated, altered or from another version.
std::optional<HistoryRecord> parseHistoryRecord(const std::string& line);
// Every readable record of a file's text, oldest first.
std::vector<HistoryRecord> parseHistory(const std::string& text);

// The records of `root`'s history file (none when it is absent or unreadable).
std::vector<HistoryRecord> readHistory(const FsRoot& root);

// The output tail the history keeps.
std::string outputTail(const std::string& output);

// Whether rcjail keeps a history under `root`: when /var/db/rcjail exists
// (the package creates it) or jail_quarantine_after asks for one. Without
// either, nothing is written, as with the stock script.
bool historyEnabled(const FsRoot& root, const Variables& vars);

class BootHistory : public OutcomeSink {
 public:
  BootHistory(const FsRoot& root, bool boot, std::function<std::time_t()> now);
  void jailFinished(const JailOutcome& outcome) override;
  // The last write error ("" when none): history never fails a start.
  const std::string& error() const { return error_; }

 private:
  const FsRoot& root_;
  bool boot_;
  std::function<std::time_t()> now_;
  std::mutex mutex_;  // the service may report from several threads
  std::string error_;
};

// The last start and the last stop of `jail`, when recorded.
struct LastOutcomes {
  std::optional<HistoryRecord> start;
  std::optional<HistoryRecord> stop;
};
LastOutcomes lastOutcomes(const std::vector<HistoryRecord>& history, const std::string& jail);

// jail_quarantine_after=N: true when the jail's start failed (or timed out)
// at each of the last N boots that tried it, with no successful start of any
// kind since. Skipped boots do not count either way.
bool quarantined(const std::vector<HistoryRecord>& history, const std::string& jail, int after);

// jail_quarantine_after as a positive number, or 0 when unset or invalid.
int quarantineAfter(const Variables& vars);

}  // namespace rcjail
