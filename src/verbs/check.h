// `rcjail check`: reads everything a start would read and reports what is
// wrong or suspicious, each finding with the file and line it comes from.
// The rules live in check_variables.cc (rc.conf variables), check_host.cc
// (addresses, interfaces, rootdirs, fstabs) and check_jail_conf.cc (jail.conf
// files, depend); this unit runs them and prints the report.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "check_finding.h"
#include "fs_root.h"
#include "variables.h"
#include "verb_context.h"

namespace rcjail {

// Only the jails named in `only` (jail(8) names) when it is not empty.
std::vector<Finding> checkConfiguration(const Variables& vars, const CheckEnvironment& env,
                                        const std::vector<std::string>& only);

// "FILE:LINE: SEVERITY: JAIL: MESSAGE" lines (details indented), the
// format compilers use and editors and CI annotators parse; or a JSON array.
std::string formatFindings(const std::vector<Finding>& findings, bool json);

// check [--json] [--severity=error|warning|note] [NAME...]: reports the
// findings at the threshold or worse (default note: all of them); exit 0
// when none of those is a warning or an error, 1 when one is, 2 when the
// configuration cannot be read; 1 also for a usage error.
int runCheck(const VerbContext& ctx, const std::vector<std::string>& args);

// Whether `name` is a network interface of this host (if_nametoindex).
bool hostInterfaceExists(const std::string& name);
// 0 when the host can run `path`, else the errno of access(X_OK).
int programError(const std::string& path);

}  // namespace rcjail
