// The history file: one tab-separated record a line, fields escaped, each
// line closed by a checksum so that a reader can tell a whole record from
// the torn end of a file. Writers read, append, trim and replace the whole
// file atomically under an flock, so concurrent rcjail runs do not lose
// each other's records.
#include "boot_history.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "atomic_file.h"
#include "jail_names.h"
#include "text_fields.h"

namespace rcjail {

namespace {

constexpr const char* kVersion = "rcjail-history-1";
// Backslash, tab, newline and carriage return are written as escapes.
constexpr const FieldEscapes& kEscapes = kTabFieldEscapesWithCr;

// FNV-1a, 64 bits: enough to tell a torn line from a whole one.
std::string checksum(const std::string& text) {
  unsigned long long h = 14695981039346656037ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", h);
  return buf;
}

std::optional<JailResult> resultFromName(std::string_view name) {
  for (JailResult r : {JailResult::Ok, JailResult::Failed, JailResult::TimedOut, JailResult::Skipped})
    if (resultName(r) == name) return r;
  return std::nullopt;
}

std::optional<long> number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Keeps the newest kHistoryRecordsPerJail records of each jail, in order.
std::vector<HistoryRecord> trimmed(const std::vector<HistoryRecord>& records) {
  std::map<std::string, size_t> seen;
  std::vector<bool> keep(records.size());
  for (size_t i = records.size(); i-- > 0;) keep[i] = ++seen[records[i].jail] <= kHistoryRecordsPerJail;
  std::vector<HistoryRecord> out;
  for (size_t i = 0; i < records.size(); ++i)
    if (keep[i]) out.push_back(records[i]);
  return out;
}

bool failedStart(const HistoryRecord& r) {
  return r.result == JailResult::Failed || r.result == JailResult::TimedOut;
}

}  // namespace

std::string resultName(JailResult result) {
  switch (result) {
    case JailResult::Ok: return "ok";
    case JailResult::Failed: return "failed";
    case JailResult::TimedOut: return "timed out";
    case JailResult::Skipped: return "skipped";
  }
  return "failed";
}

std::string formatHistoryRecord(const HistoryRecord& r) {
  std::string body = std::string(kVersion) + "\t" + std::to_string(static_cast<long long>(r.time)) + "\t" +
                     (r.boot ? "boot" : "manual") + "\t" + escapeField(r.jail, kEscapes) + "\t" +
                     escapeField(r.verb, kEscapes) + "\t" + resultName(r.result) + "\t" +
                     std::to_string(r.durationMs) + "\t" + escapeField(r.output, kEscapes);
  return body + "\t" + checksum(body) + "\n";
}

std::optional<HistoryRecord> parseHistoryRecord(const std::string& line) {
  size_t lastTab = line.rfind('\t');
  if (lastTab == std::string::npos) return std::nullopt;
  std::string body = line.substr(0, lastTab);
  if (checksum(body) != line.substr(lastTab + 1)) return std::nullopt;
  const std::vector<std::string_view> f = splitAt(body, '\t');
  if (f.size() != 8 || f[0] != kVersion) return std::nullopt;
  HistoryRecord r;
  auto time = number(f[1]);
  auto duration = number(f[6]);
  auto result = resultFromName(f[5]);
  auto jail = unescapeField(f[3], kEscapes), verb = unescapeField(f[4], kEscapes), output = unescapeField(f[7], kEscapes);
  if (!time || !duration || !result || !jail || !verb || !output || (f[2] != "boot" && f[2] != "manual"))
    return std::nullopt;
  r.time = static_cast<std::time_t>(*time);
  r.boot = f[2] == "boot";
  r.jail = *jail;
  r.verb = *verb;
  r.result = *result;
  r.durationMs = *duration;
  r.output = *output;
  return r;
}

std::vector<HistoryRecord> parseHistory(const std::string& text) {
  std::vector<HistoryRecord> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    // A last line without its newline is the torn end of a write.
    if (end == std::string::npos) break;
    if (auto r = parseHistoryRecord(text.substr(start, end - start))) out.push_back(std::move(*r));
    start = end + 1;
  }
  return out;
}

std::vector<HistoryRecord> readHistory(const FsRoot& root) {
  if (!root.regularFile(kHistoryFile)) return {};
  try {
    return parseHistory(root.readFile(kHistoryFile));
  } catch (const ConfigError&) {
    return {};
  }
}

std::string outputTail(const std::string& output) {
  size_t end = output.size();
  if (end > 0 && output[end - 1] == '\n') --end;  // the final newline closes the last line
  size_t cut = 0, lines = 0;
  for (size_t i = end; i-- > 0;) {
    if (output[i] == '\n' && ++lines == kHistoryOutputLines) {
      cut = i + 1;
      break;
    }
  }
  std::string text = output.substr(cut);
  if (text.size() > kHistoryOutputBytes) text = text.substr(text.size() - kHistoryOutputBytes);
  return text;
}

bool historyEnabled(const FsRoot& root, const Variables& vars) {
  return root.directory(kHistoryDir) || quarantineAfter(vars) > 0;
}

BootHistory::BootHistory(const FsRoot& root, bool boot, std::function<std::time_t()> now)
    : root_(root), boot_(boot), now_(std::move(now)) {}

void BootHistory::jailFinished(const JailOutcome& outcome) {
  std::lock_guard<std::mutex> guard(mutex_);
  std::error_code ec;
  std::filesystem::create_directories(root_.map(kHistoryDir), ec);
  if (ec) {
    error_ = ec.message();
    return;
  }
  // Another rcjail (a parallel `service jail start x`) may write at the same time.
  int lock = open(root_.map(std::string(kHistoryDir) + "/.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock >= 0) flock(lock, LOCK_EX);
  std::vector<HistoryRecord> records = readHistory(root_);
  records.push_back({now_(), boot_, outcome.jail, outcome.verb, outcome.result,
                     static_cast<long>(outcome.duration.count()), outputTail(outcome.output)});
  std::string text;
  for (const HistoryRecord& r : trimmed(records)) text += formatHistoryRecord(r);
  error_ = writeFileAtomically(root_.map(kHistoryFile), text, 0644);
  if (lock >= 0) close(lock);
}

LastOutcomes lastOutcomes(const std::vector<HistoryRecord>& history, const std::string& jail) {
  LastOutcomes out;
  for (const HistoryRecord& r : history) {
    if (r.jail != jail) continue;
    if (r.verb == "start") out.start = r;
    if (r.verb == "stop") out.stop = r;
  }
  return out;
}

bool quarantined(const std::vector<HistoryRecord>& history, const std::string& jail, int after) {
  if (after <= 0) return false;
  int failures = 0;
  for (size_t i = history.size(); i-- > 0;) {
    const HistoryRecord& r = history[i];
    if (r.jail != jail || r.verb != "start" || r.result == JailResult::Skipped) continue;
    if (!failedStart(r)) return false;  // started fine since (at boot or by hand)
    if (r.boot && ++failures >= after) return true;
  }
  return false;
}

int quarantineAfter(const Variables& vars) {
  auto n = number(vars.get("jail_quarantine_after"));
  return n && *n > 0 && *n < 1000 ? static_cast<int>(*n) : 0;
}

}  // namespace rcjail
