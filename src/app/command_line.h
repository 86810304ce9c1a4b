// The rcjail command line: leading options (--rc-script, --root, ...), then
// either an rc.d/jail invocation (start, faststop, console ducky, ...) or one
// of rcjail's own verbs (vars, ...).
#pragma once

#include <string>
#include <vector>

namespace rcjail {

int runCommandLine(const std::string& program, const std::vector<std::string>& args, char** envp);

}  // namespace rcjail
