// jail(8)'s command line: the option letters and the four invocation
// styles (config file, param=value words, legacy path/hostname/ip/command,
// remove), decided as FreeBSD's jail.c decides them.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "jail_conf.h"

namespace rcjail::compat {

enum class JailStyle {
  Config,       // jail [-dqv] [-f file] [-p N] -c|-m|-r... [jail]
  CommandLine,  // jail [opts] -c|-m param=value ... [command=...]
  Legacy,       // jail [opts] path hostname ip[,ip...] command ...
  Remove,       // jail [-qv] [-f file] -r|-R jail|'*' ...
  Exhibit,      // jail [-f file] -e separator
};

struct JailOptions {
  bool create = false;         // -c
  bool modify = false;         // -m
  bool remove = false;         // -r or -R
  bool withoutConfig = false;  // -R
  bool allowDying = false;     // -d: deprecated, only warns
  bool printJid = false;       // -i
  int verbose = 0;             // -q: -1, -v: 1; the last one wins
  int parallelLimit = -1;      // -p N; -1 (also for 0 or junk): unlimited
  std::string configFile = "/etc/jail.conf";
  std::string jidFile;         // -J
  std::string separator = "\t";  // -e separator, also used by -J
  JailStyle style = JailStyle::Config;
  std::vector<std::string> targets;   // Config and Remove styles
  std::vector<JailConfParam> params;  // CommandLine and Legacy styles, and -h -l -n -s -u -U
};

// A usage error: the text to print before the usage lines (may be empty,
// e.g. "illegal option -- x").
struct JailUsageError {
  std::string message;
};

std::variant<JailOptions, JailUsageError> parseJailCommandLine(const std::vector<std::string>& args);

// The usage lines jail(8) prints (without the program prefix), newline-terminated.
const char* jailUsageText();

// Adds a `name=value` (or valueless `name`) word as jail(8)'s add_param does
// for the command line: a parameter named before (or by its no-form) is
// renamed to the new spelling and the value appended.
void addCommandLineParam(std::vector<JailConfParam>& params, const std::string& name,
                         const std::string* value);

}  // namespace rcjail::compat
