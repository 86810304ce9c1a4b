// Message formatting of jail(8).
#include "jail_reporter.h"

namespace rcjail::compat {

JailReporter::JailReporter(std::ostream& out, std::ostream& err, int verbose)
    : out_(out), err_(err), verbose_(verbose) {}

void JailReporter::note(const JailSpec& spec, const std::string& text) {
  out_ << spec.messagePrefix() << text << '\n' << std::flush;
}

void JailReporter::warn(const JailSpec& spec, const std::string& text) {
  out_ << std::flush;
  err_ << "jail: " << spec.messagePrefix() << text << '\n' << std::flush;
}

void JailReporter::warn(const std::string& text) {
  out_ << std::flush;
  err_ << "jail: " << text << '\n' << std::flush;
}

void JailReporter::line(const std::string& text) { out_ << text << '\n' << std::flush; }

void JailReporter::errorLine(const std::string& text) {
  out_ << std::flush;
  err_ << text << '\n' << std::flush;
}

}  // namespace rcjail::compat
