// The jail.conf(5) grammar: statements, jail blocks, global statements and
// `.include`, read into blocks in file order. Syntax errors are found, worded
// and recovered from the way jail(8)'s yacc parser does, so the same list of
// messages comes out before it gives up.
#pragma once

#include <string>
#include <string_view>

#include "fs_root.h"
#include "jail_conf_model.h"
#include "jail_conf_syntax.h"

namespace rcjail {

// Both throw JailConfError with every message jail(8) would print: all the
// lexical and syntax errors of a file, stopping after an included file with
// errors, a missing file or too deep an include nesting. With the Current
// grammar, `differs` is set when the Older one would read the part read so
// far otherwise (a nested block, a global statement after a jail block); it
// is set before an error is thrown too.
JailConfSource readJailConfSource(const FsRoot& root, const std::string& path, JailConfGrammar grammar,
                                  bool& differs);
// `baseDir`: what relative .include names of the text are resolved against.
JailConfSource readJailConfSourceText(const FsRoot& root, std::string_view text, const std::string& displayName,
                                      const std::string& baseDir, JailConfGrammar grammar, bool& differs);

}  // namespace rcjail
