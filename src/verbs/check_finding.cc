// Severity names, as `check` prints them and `--severity` takes them.
#include "check_finding.h"

namespace rcjail {

const char* severityName(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "";
}

std::optional<Severity> parseSeverity(const std::string& word) {
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Note})
    if (word == severityName(s)) return s;
  return std::nullopt;
}

}  // namespace rcjail
