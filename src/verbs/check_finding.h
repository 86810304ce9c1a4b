// What `rcjail check` reports: a finding with its severity, file and line,
// and what the rules may ask of the host. Shared by check.cc and its rule
// files (check_rules.h).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "fs_root.h"
#include "jail_conf.h"
#include "location.h"

namespace rcjail {

// How bad a finding is. error: the start will fail or do something other
// than intended; warning: very likely a mistake; note: advice (migrate,
// differences from the stock script). Ordered from worst to mildest.
enum class Severity { Error, Warning, Note };

// "error", "warning", "note"; parseSeverity is its inverse.
const char* severityName(Severity s);
std::optional<Severity> parseSeverity(const std::string& word);

struct Finding {
  Severity severity;
  Location where;
  std::string jail;     // "" for findings about no jail in particular
  std::string message;  // one line
  std::string detail;   // optional further lines (a suggested jail.conf block)
};

struct CheckEnvironment {
  const FsRoot& root;
  std::function<bool()> hasVimage;
  std::function<bool(const std::string&)> interfaceExists;
  std::function<int()> dadCount;
  JailConfGrammarSource jailConfGrammar = {};  // of the host's jail(8); empty: the current one
  // Whether a program rc.d/jail runs (jail_program, ...) can be run: 0, or
  // the errno of access(X_OK). Empty: not checked.
  std::function<int(const std::string&)> programError = {};
};

}  // namespace rcjail
