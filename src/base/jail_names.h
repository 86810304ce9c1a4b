// The two names rc.d/jail derives from a jail name given in jail_list or on
// the command line.
#pragma once

#include <string>
#include <string_view>

namespace rcjail {

// The name handed to jail(8), jls(8) and jexec(8) and used in /var/run file
// names and messages: every '/' and '.' becomes '_' (www.example-1 -> www_example-1).
std::string jailName(std::string_view given);

// The part of the jail_<name>_* variable names: every character that is not
// an ASCII letter or digit becomes '_' (www_example-1 -> www_example_1).
std::string variableName(std::string_view jail);

// The per-jail variable jail_<varname>_<suffix>.
std::string jailVariable(std::string_view varName, std::string_view suffix);

}  // namespace rcjail
