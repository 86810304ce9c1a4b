// Console and syslog output.
#include "console.h"

#include <boost/log/attributes/value_extraction.hpp>
#include <boost/log/core.hpp>
#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/syslog_backend.hpp>
#include <boost/log/sources/logger.hpp>
#include <boost/log/sources/record_ostream.hpp>

namespace rcjail {

namespace {

namespace logging = boost::log;
namespace sinks = boost::log::sinks;

class BoostSyslog : public SyslogSink {
 public:
  BoostSyslog() {
    auto backend = boost::make_shared<sinks::syslog_backend>(
        logging::keywords::facility = sinks::syslog::user,
        logging::keywords::use_impl = sinks::syslog::native);
    backend->set_severity_mapper([](const logging::record_view&) { return sinks::syslog::notice; });
    sink_ = boost::make_shared<sinks::synchronous_sink<sinks::syslog_backend>>(backend);
    core_ = logging::core::get();
    core_->add_sink(sink_);
  }
  ~BoostSyslog() override {
    core_->remove_sink(sink_);
    sink_->flush();
  }
  void notice(const std::string& message) override {
    BOOST_LOG(logger_) << message;
  }

 private:
  logging::core_ptr core_;
  boost::shared_ptr<sinks::synchronous_sink<sinks::syslog_backend>> sink_;
  logging::sources::logger logger_;
};

// Most runs send nothing to syslog (only warnings and errors go there, as
// rc.subr's warn and err do): the logging core, its sink and the syslog
// connection are made when the first message comes, not at start-up.
class LazySyslog : public SyslogSink {
 public:
  void notice(const std::string& message) override {
    if (!sink_) sink_ = std::make_unique<BoostSyslog>();
    sink_->notice(message);
  }

 private:
  std::unique_ptr<BoostSyslog> sink_;
};

bool isYes(const std::string& v) { return parseYesNo(v).value_or(false); }

}  // namespace

std::unique_ptr<SyslogSink> makeSystemSyslog() { return std::make_unique<LazySyslog>(); }

Console::Console(std::string prefix, SyslogSink* syslog, std::FILE* out, std::FILE* err)
    : prefix_(std::move(prefix)), syslog_(syslog), out_(out), err_(err) {}

void Console::configure(const Variables& vars) {
  info_ = isYes(vars.get("rc_info"));
  debug_ = isYes(vars.get("rc_debug"));
  startmsgs_ = vars.get("rc_startmsgs");
}

void Console::log(std::FILE* stream, const char* level, const std::string& text) {
  std::string line = prefix_ + ": " + level + ": " + text;
  if (syslog_) syslog_->notice(line);
  std::fputs((line + "\n").c_str(), stream);
  if (stream == err_) std::fflush(err_);
}

void Console::warn(const std::string& text) { log(err_, "WARNING", text); }
void Console::error(const std::string& text) { log(err_, "ERROR", text); }
void Console::info(const std::string& text) {
  if (info_) log(out_, "INFO", text);
}
void Console::debug(const std::string& text) {
  if (debug_) log(err_, "DEBUG", text);
}

void Console::emit(const Message& m) {
  if (m.level == MessageLevel::Warning)
    warn(m.text);
  else
    debug(m.text);
}

void Console::emit(const std::vector<Message>& messages) {
  for (const Message& m : messages) emit(m);
}

bool Console::startMessages() {
  if (!quiet_) return true;
  std::vector<Message> messages;
  bool on = checkYesNo("rc_startmsgs", startmsgs_, messages);
  emit(messages);
  return on;
}

bool Console::startmsg(const std::string& text) {
  if (!startMessages()) return false;
  print(text);
  return true;
}

void Console::print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), out_); }
void Console::printError(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), err_);
  std::fflush(err_);
}

void Console::flush() {
  std::fflush(out_);
  std::fflush(err_);
}

}  // namespace rcjail
