// Where the registry lives and the registry of this process. The directory
// is /var/run/jail; the tests name another one with a leading
// `--state-dir DIR` on the command line, which, unlike an environment
// variable, no command run inside a jail inherits. Either way it must be
// root's and writable by nobody else, since jail(8) acts on what it holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jail_registry.h"

namespace rcjail::compat {

inline constexpr const char* kDefaultStateDirectory = "/var/run/jail";

// Takes a leading "--state-dir DIR" or "--state-dir=DIR" off `args`; the
// directory to use. Empty with `error` set when the option has no value.
std::string takeStateDirectory(std::vector<std::string>& args, std::string& error);

// Error text when `directory` exists and is not a directory owned by root
// that only its owner may write; empty when it is fine or does not exist yet.
std::string checkStateDirectory(const std::string& directory);

// The registry as this process sees it: the directory checked, /proc
// checked to be this PID namespace's, jails probed through /proc.
std::optional<JailRegistry> openSystemRegistry(const std::string& directory, std::string& error);

}  // namespace rcjail::compat
