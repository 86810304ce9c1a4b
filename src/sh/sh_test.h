// The test / [ builtin: string, integer and file tests, !, -a, -o and
// parentheses, with POSIX's rules for one to four arguments. File tests look
// through FsRoot, so `[ -r /etc/rc.conf ]` sees the fixture tree of a test.
#pragma once

#include <string>
#include <vector>

#include "fs_root.h"

namespace rcjail {

struct ShTestResult {
  int status = 1;     // 0 true, 1 false, 2 error
  std::string error;  // for status 2, worded like dash ("Illegal number: x")
};

// `args` are the operands: for `[`, without the closing "]".
ShTestResult runShTest(const std::vector<std::string>& args, const FsRoot& root);

}  // namespace rcjail
