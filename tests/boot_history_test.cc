// The boot history: records survive a round trip, a torn or altered line is
// skipped (never the whole file), the file stays bounded, and quarantine
// counts only failed boots since the last good start.
#include <boost/test/unit_test.hpp>

#include "boot_history.h"
#include "test_support.h"

using namespace rcjail;
using rcjail::testing::TempDir;

namespace {

HistoryRecord record(const std::string& jail, JailResult result, bool boot = true, std::time_t time = 1000) {
  return {time, boot, jail, "start", result, 250, "jail: " + jail + ": created\n"};
}

// Hand-written lines of the history format: version, time, boot|manual, jail,
// verb, result, milliseconds, output with \\ \t \n \r escaped, then the
// FNV-1a 64-bit hash (offset basis 14695981039346656037, prime
// 1099511628211) of everything before the last tab, in 16 hex digits; the
// hashes were computed apart from rcjail, from the text as written here.
const std::string kAwkwardLine =
    "rcjail-history-1\t1700000000\tboot\twww_example-1\tstop\ttimed out\t1234\t"
    "line one\\n\\ttabbed \\\\ back\\r\\nlast\t8feb3d92d1991384\n";
// record("a", Ok) above, and a manual start of b at time 9 in 1 ms, no output.
const std::string kLineA = "rcjail-history-1\t1000\tboot\ta\tstart\tok\t250\tjail: a: created\\n\t4b34fcc7b259aa4e\n";
const std::string kLineB = "rcjail-history-1\t9\tmanual\tb\tstart\tok\t1\t\t2697039cd6381970\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(boot_history)

BOOST_AUTO_TEST_CASE(record_round_trip_with_awkward_output) {
  HistoryRecord r{1700000000, true, "www_example-1", "stop", JailResult::TimedOut, 1234,
                  "line one\n\ttabbed \\ back\r\nlast"};
  std::string line = formatHistoryRecord(r);
  BOOST_TEST(line == kAwkwardLine);
  BOOST_TEST(formatHistoryRecord(record("a", JailResult::Ok)) == kLineA);
  auto back = parseHistoryRecord(kAwkwardLine.substr(0, kAwkwardLine.size() - 1));
  BOOST_REQUIRE(back);
  BOOST_TEST(back->time == r.time);
  BOOST_TEST(back->boot);
  BOOST_TEST(back->jail == r.jail);
  BOOST_TEST(back->verb == "stop");
  BOOST_TEST((back->result == JailResult::TimedOut));
  BOOST_TEST(back->durationMs == 1234);
  BOOST_TEST(back->output == r.output);
}

BOOST_AUTO_TEST_CASE(truncated_and_altered_lines_are_skipped) {
  std::string a = formatHistoryRecord(record("a", JailResult::Ok));
  std::string b = formatHistoryRecord(record("b", JailResult::Failed));
  std::string c = formatHistoryRecord(record("c", JailResult::Ok));
  // Every cut of the last record loses that record and keeps the others.
  for (size_t cut = 0; cut < c.size(); ++cut) {
    auto records = parseHistory(a + b + c.substr(0, cut));
    BOOST_REQUIRE_EQUAL(records.size(), 2u);
    BOOST_TEST(records[1].jail == "b");
  }
  std::string altered = b;
  altered[altered.find("failed")] = 'F';
  auto records = parseHistory(a + altered + c);
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_TEST(records[1].jail == "c");
  BOOST_TEST(parseHistory("garbage\n\x01\x02\n").empty());
}

BOOST_AUTO_TEST_CASE(sink_writes_bounded_history_under_the_root) {
  TempDir dir;
  FsRoot root(dir.path());
  std::time_t now = 5000;
  BootHistory history(root, true, [&] { return now++; });
  std::string longOutput;
  for (int i = 0; i < 100; ++i) longOutput += "line " + std::to_string(i) + "\n";
  for (size_t i = 0; i < kHistoryRecordsPerJail + 5; ++i)
    history.jailFinished({"ducky", "start", JailResult::Failed, std::chrono::milliseconds(42), longOutput});
  history.jailFinished({"other", "stop", JailResult::Ok, std::chrono::milliseconds(7), "other: removed\n"});
  BOOST_TEST(history.error() == "");
  auto records = readHistory(root);
  BOOST_REQUIRE_EQUAL(records.size(), kHistoryRecordsPerJail + 1);
  BOOST_TEST(records.front().time == 5005);  // the oldest five are gone
  BOOST_TEST(records.front().output.rfind("line 60\n", 0) == 0u);
  BOOST_TEST(records.front().output.size() < kHistoryOutputBytes);
  BOOST_TEST(records.back().jail == "other");
  BOOST_TEST(records.back().durationMs == 7);
  BOOST_TEST(records.back().boot);
  BOOST_TEST(dir.exists("var/db/rcjail/history"));
}

BOOST_AUTO_TEST_CASE(a_torn_file_does_not_stop_the_next_write) {
  TempDir dir;
  FsRoot root(dir.path());
  dir.write("var/db/rcjail/history", kLineA + kLineA.substr(0, 20));
  BootHistory history(root, false, [] { return std::time_t{9}; });
  history.jailFinished({"b", "start", JailResult::Ok, std::chrono::milliseconds(1), ""});
  auto records = readHistory(root);
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_TEST(records[1].jail == "b");
  // The torn tail is dropped; a is kept as it was and b follows.
  BOOST_TEST(dir.read("var/db/rcjail/history") == kLineA + kLineB);
}

BOOST_AUTO_TEST_CASE(output_tail) {
  BOOST_TEST(outputTail("a\nb\n") == "a\nb\n");
  std::string many;
  for (int i = 0; i < 50; ++i) many += std::to_string(i) + "\n";
  std::string tail = outputTail(many);
  BOOST_TEST(std::count(tail.begin(), tail.end(), '\n') == static_cast<long>(kHistoryOutputLines));
  BOOST_TEST(tail.rfind("10\n", 0) == 0u);
  BOOST_TEST(outputTail(std::string(20000, 'x')).size() == kHistoryOutputBytes);
}

BOOST_AUTO_TEST_CASE(quarantine_counts_failed_boots_since_the_last_good_start) {
  std::vector<HistoryRecord> h{record("d", JailResult::Ok), record("d", JailResult::Failed),
                               record("d", JailResult::TimedOut)};
  BOOST_TEST(quarantined(h, "d", 2));
  BOOST_TEST(!quarantined(h, "d", 3));
  BOOST_TEST(!quarantined(h, "d", 0));
  BOOST_TEST(!quarantined(h, "other", 1));
  // Skipped boots (while quarantined) neither count nor clear.
  h.push_back(record("d", JailResult::Skipped));
  BOOST_TEST(quarantined(h, "d", 2));
  // Manual failures do not count; a manual success clears.
  h.push_back(record("d", JailResult::Failed, false));
  BOOST_TEST(quarantined(h, "d", 2));
  h.push_back(record("d", JailResult::Ok, false));
  BOOST_TEST(!quarantined(h, "d", 1));
}

BOOST_AUTO_TEST_CASE(quarantine_knob_and_enabling) {
  TempDir dir;
  FsRoot root(dir.path());
  Variables vars;
  BOOST_TEST(quarantineAfter(vars) == 0);
  BOOST_TEST(!historyEnabled(root, vars));
  vars.set("jail_quarantine_after", "x");
  BOOST_TEST(quarantineAfter(vars) == 0);
  vars.set("jail_quarantine_after", "3");
  BOOST_TEST(quarantineAfter(vars) == 3);
  BOOST_TEST(historyEnabled(root, vars));
  vars.unset("jail_quarantine_after");
  dir.write("var/db/rcjail/.keep", "");
  BOOST_TEST(historyEnabled(root, vars));
}

BOOST_AUTO_TEST_SUITE_END()
