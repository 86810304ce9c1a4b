// jail.conf(5): the reader shared by rcjail (which jails a file defines, their
// depend lists, checking what it generated) and the Linux jail(8) of compat/.
// Errors are reported with jail(8)'s texts ("FILE line N: ...").
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fs_root.h"
#include "location.h"

namespace rcjail {

struct JailConfParam {
  std::string name;                 // spelling of the statement that set it last (equalopts)
  std::vector<std::string> values;  // empty for a valueless statement (`persist;`)
  bool hasValue = false;            // `name = ...` / `name += ...` / `name value`, as opposed to `name;`
  Location where;                   // the statement that set it last
};

struct JailConfJail {
  std::string name;  // the block name as written (jid for numeric blocks)
  Location where;    // the block's opening line
  // Merged list (wildcards and globals before, own, wildcards after, as
  // jail(8) builds it), variables substituted and removed, in first-set order.
  std::vector<JailConfParam> params;
  // Per-jail errors, worded as jail(8) prints them without the "NAME: " prefix
  // (`variable "x" not found`, `cannot redefine parameter "name".`, ...).
  std::vector<std::string> errors;

  const JailConfParam* find(std::string_view name) const;  // exact name, or its no-form
  // bool_param(): true when present without value, last value true/non-zero
  // integer; inverted for a no-prefixed spelling. nullopt when absent.
  std::optional<bool> flag(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;  // empty when absent
  std::string last(std::string_view name) const;                   // "" when absent
};

struct JailConf {
  std::vector<std::string> files;    // every file read (the main one, then includes, in order)
  std::vector<JailConfJail> jails;   // every non-wildcard jail, in file order
  const JailConfJail* find(std::string_view name) const;
};

class JailConfError : public std::runtime_error {
 public:
  // messages: every error line as jail(8) prints it after "jail: "
  // ("/etc/jail.conf line 3: unterminated string"); where: the first one.
  JailConfError(Location where, std::vector<std::string> messages);
  const Location& where() const { return where_; }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  Location where_;
  std::vector<std::string> messages_;
};

// Reads `path` (a configuration path, mapped through root) with its .includes.
JailConf parseJailConfFile(const FsRoot& root, const std::string& path);
// Same for text in memory; `displayName` is the file name used in messages and
// relative .include paths are resolved against `baseDir`.
JailConf parseJailConfText(const FsRoot& root, std::string_view text,
                           const std::string& displayName, const std::string& baseDir = "/");

// A value written as a double-quoted jail.conf string that reads back as
// exactly `value`: `\` and `"` escaped, `$` escaped when `escapeDollar`.
std::string quoteJailConfString(std::string_view value, bool escapeDollar);

}  // namespace rcjail
