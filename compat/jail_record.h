// One running jail as the registry under /var/run/jail/ stores it: its jid,
// the jail's init process (the namespace holder) and every kernel parameter,
// so that jls shows them and jexec and jail -r find the namespaces.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcjail::compat {

struct RecordedParam {
  std::string name;
  std::vector<std::string> values;  // canonical: "true"/"false", addresses, ...
};

struct JailRecord {
  int jid = 0;
  pid_t initPid = 0;                   // the holder, PID 1 of the jail's PID namespace
  unsigned long long initStartTime = 0;  // its start time, so a reused pid is not taken for it
  std::vector<RecordedParam> params;   // everything but jid, in table order

  // Values of a parameter; "jid" comes from the field. Empty when absent.
  std::vector<std::string> values(std::string_view name) const;
  // The first value, "" when absent or empty.
  std::string value(std::string_view name) const;
  bool has(std::string_view name) const;
  std::string name() const { return value("name"); }
  std::string path() const { return value("path"); }
  bool persist() const { return value("persist") == "true"; }
  // Replaces or appends a parameter.
  void set(std::string_view name, std::vector<std::string> values);
};

// Line format: "jid N", "init PID START", "param NAME[ VALUE]..." with tabs
// between fields and \\, \t, \n escaped inside them. A parameter with no
// value has no tab after its name; one empty value leaves a trailing tab.
std::string formatJailRecord(const JailRecord& record);
std::optional<JailRecord> parseJailRecord(std::string_view text);

}  // namespace rcjail::compat
