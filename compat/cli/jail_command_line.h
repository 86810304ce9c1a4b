// jail(8)'s command line: the option letters and the four invocation
// styles (config file, param=value words, legacy path/hostname/ip/command,
// remove), decided as FreeBSD's jail.c decides them.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "jail_conf.h"
#include "jail_options.h"

namespace rcjail::compat {

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
