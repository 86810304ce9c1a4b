// What one jail(8) run was asked to do, as its command line says it: the
// option letters, the invocation style, the targets or parameters.
#pragma once

#include <string>
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

}  // namespace rcjail::compat
