// jail.conf(5): the reader shared by rcjail (which jails a file defines, their
// depend lists, checking what it generated) and the Linux jail(8) of compat/.
// Errors are reported with jail(8)'s texts ("FILE line N: ...").
//
// The pipeline behind it: jail_conf_lexer (tokens), jail_conf_parser (grammar,
// .include, blocks in file order), jail_conf_merge (per-jail parameter lists
// with wildcards and equalopts), jail_conf_substitute ($variables).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "fs_root.h"
#include "jail_conf_model.h"

namespace rcjail {

// Asked for the grammar of the jail(8) that will read the file, only when the
// file reads differently under the two grammars; empty: Current.
using JailConfGrammarSource = std::function<JailConfGrammar()>;

// Reads `path` (a configuration path, mapped through root) with its .includes.
JailConf parseJailConfFile(const FsRoot& root, const std::string& path, const JailConfGrammarSource& grammar = {});
// Same for text in memory; `displayName` is the file name used in messages and
// relative .include paths are resolved against `baseDir` ("": the working
// directory, as jail(8) does for `-f -`).
JailConf parseJailConfText(const FsRoot& root, std::string_view text, const std::string& displayName,
                           const std::string& baseDir = "/", const JailConfGrammarSource& grammar = {});

}  // namespace rcjail
