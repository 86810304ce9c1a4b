// jls(8): its options and its output formats (the default table, -N, -v,
// parameter lists with -n, -q, -s and -h), as pure functions of the
// registry's records.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "jail_record.h"

namespace rcjail::compat {

struct JlsOptions {
  bool dying = false;      // -d / -a: there are no dying jails on Linux, accepted
  std::string jail;        // -j jid-or-name
  bool existsOnly = false; // -c: FreeBSD 15's silent existence test
  bool header = false;     // -h
  bool jailName = false;   // -N
  bool nameValue = false;  // -n
  bool quoted = false;     // -q
  bool skip = false;       // -s
  bool verbose = false;    // -v
  std::vector<std::string> params;
};

struct JlsUsageError {};

// Later flags override earlier ones as in jls.c; naming parameters cancels -v.
std::variant<JlsOptions, JlsUsageError> parseJlsCommandLine(const std::vector<std::string>& args);

// Whether the output shows a host or domain name: the default table, -v,
// every parameter (-n or -s alone), or one named host.*.
bool jlsShowsHostNames(const JlsOptions& options);

// The whole output for `jails` (already filtered by -j), or an error text
// ("unknown parameter: x") in `error`.
std::string formatJls(const JlsOptions& options, const std::vector<JailRecord>& jails, std::string& error);

}  // namespace rcjail::compat
