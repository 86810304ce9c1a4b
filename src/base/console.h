// What the user sees: rc.subr's message helpers (warn, err, info, debug,
// startmsg) with their "$0: LEVEL: " prefix and streams, each warn/err/info/
// debug line also sent to syslog as user.notice, as rc.subr's logger calls do.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "message.h"
#include "variables.h"

namespace rcjail {

class SyslogSink {
 public:
  virtual ~SyslogSink() = default;
  virtual void notice(const std::string& message) = 0;
};

// syslog(3) through Boost.Log's syslog backend, facility user, level notice,
// set up when the first message is sent.
std::unique_ptr<SyslogSink> makeSystemSyslog();

class Console {
 public:
  // prefix: the $0 of the messages (/etc/rc.d/jail, /etc/rc, ...).
  Console(std::string prefix, SyslogSink* syslog, std::FILE* out = stdout, std::FILE* err = stderr);

  // Reads rc_info, rc_debug and rc_startmsgs; called again when they change.
  void configure(const Variables& vars);
  void setQuiet(bool quiet) { quiet_ = quiet; }
  bool quiet() const { return quiet_; }
  const std::string& prefix() const { return prefix_; }

  void warn(const std::string& text);
  void error(const std::string& text);
  void info(const std::string& text);
  void debug(const std::string& text);
  void emit(const Message& m);
  void emit(const std::vector<Message>& messages);

  // rc.subr's check_startmsgs: messages are on unless quiet and rc_startmsgs is no.
  bool startMessages();
  // startmsg: `text` on stdout when start messages are on; returns whether printed.
  bool startmsg(const std::string& text);
  void print(const std::string& text);       // stdout, as is
  void printError(const std::string& text);  // stderr, as is
  void flush();                              // before a child inherits the streams

 private:
  void log(std::FILE* stream, const char* level, const std::string& text);

  std::string prefix_;
  SyslogSink* syslog_;
  std::FILE* out_;
  std::FILE* err_;
  bool quiet_ = false;
  bool info_ = false;
  bool debug_ = false;
  std::string startmsgs_ = "YES";
};

}  // namespace rcjail
