// jail.conf(5) as data: parameters, jails and whole files as the reader
// gives them, the error it throws, and what jail(8) itself knows about
// parameters (its types, equalopts, wildcards). jail_conf.h reads files into
// these; the parser, merge and substitution units build them.
#pragma once

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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
  Location where;    // the line of the block's name
  // Merged list (wildcards and globals before, own, wildcards after, as
  // jail(8) builds it), variables substituted and removed, in jail(8)'s list
  // order: first-set order, except that a parameter whose value refers to
  // another not yet resolved one has that one moved in front of it, as
  // jail(8) does (it shows in `jail -e` output).
  std::vector<JailConfParam> params;
  // Per-jail errors, worded as jail(8) prints them without the "NAME: " prefix
  // (`variable "x" not found`, `cannot redefine parameter "name".`, ...).
  std::vector<std::string> errors;
  // errorLocations[i]: the statement errors[i] is about (the block's line
  // for what no statement caused), for messages that name file and line.
  std::vector<Location> errorLocations;

  // The first parameter that equalopts-matches `name` (the exact name, its
  // no-form, component-wise: `allow.mount` finds `allow.nomount`).
  const JailConfParam* find(std::string_view name) const;
  // bool_param(): true when present without value, last value true/non-zero
  // integer; inverted for a no-prefixed spelling. nullopt when absent.
  std::optional<bool> flag(std::string_view name) const;
  // int_param(): strtol() of the last value; nullopt when absent or valueless.
  std::optional<long> integer(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;  // empty when absent
  std::string last(std::string_view name) const;                   // "" when absent
};

struct JailConf {
  std::vector<std::string> files;    // every file read (the main one, then includes, in order)
  // Every non-wildcard jail block, in file order. Two blocks with the same
  // name stay two jails, as in jail(8); find() returns the first.
  std::vector<JailConfJail> jails;
  const JailConfJail* find(std::string_view name) const;
};

// The jail.conf grammar of a jail(8) (jail_conf_parser.cc has both).
// Current: FreeBSD's jail(8) since June 2023 (FreeBSD 14.0 and later): nested
// blocks, and every top-level statement in one `*` pseudo-jail placed at the
// first of them. Older: jail(8) before that: no nesting, and a run of
// top-level statements acts as a `* { }` block written where it is.
enum class JailConfGrammar { Current, Older };

// kern.osreldate of the first release whose jail(8) reads the Current grammar
// (14.0-RELEASE). The change came in main between the commits 086e0149
// (2023-06-04) and e82a6294 (2023-06-07), without a __FreeBSD_version of its
// own, so a 14-CURRENT of June to October 2023 is taken as Older.
inline constexpr long kJailConfCurrentGrammarOsreldate = 1400097;
// The grammar of the host's jail(8), from its kern.osreldate; a host that
// has none (not FreeBSD: the jail(8) of compat/) reads the Current one.
JailConfGrammar jailConfGrammarFor(std::optional<long> osreldate);

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

// A value written as a double-quoted jail.conf string that reads back as
// exactly `value` up to its first NUL byte (where jail(8)'s strings end): `\` and `"` escaped, `$` escaped when `escapeDollar`,
// newline, carriage return and other control bytes as backslash escapes.
std::string quoteJailConfString(std::string_view value, bool escapeDollar);

// ---- What jail(8) itself knows about parameters (config.c's intparams) ----

enum class JailConfParamType {
  String,   // internal; the last value counts (exec.jail_user, interface, ...)
  List,     // internal; every value is one item (exec.*, mount, depend, ...)
  Boolean,  // internal; read with flag(), checked by checkJailConfInternalValues
  Integer,  // internal; read with integer(), checked likewise
  Kernel,   // a kernel parameter jail(8) also reads; typed by the kernel
};

struct JailConfKnownParam {
  std::string_view name;
  JailConfParamType type;
  bool reversedOnStop;  // undone last-to-first on removal (mount, mount.fstab, ip4/ip6.addr)
  bool immutable;       // name and jid: the block name sets one, nothing may change it
};

// The table, in jail(8)'s order. Variables may not share a name with any row.
std::span<const JailConfKnownParam> jailConfKnownParams();
// The row `name` equalopts-matches (`mount.nodevfs` finds mount.devfs), or nullptr.
const JailConfKnownParam* findJailConfKnownParam(std::string_view name);
// check_intparams()' value checks for the Boolean and Integer rows, one message
// per bad parameter: `exec.clean: unknown boolean value "V"`,
// `stop.timeout: non-integer value "V"`. jail(8) fails the jail on any of them.
std::vector<std::string> checkJailConfInternalValues(const JailConfJail& jail);

// equalopts(): the same parameter, `X` vs `noX` after a common dotted prefix.
bool jailConfEqualOpts(std::string_view a, std::string_view b);
// A name with a whole `*` component (`*`, `foo.*`, `*.bar`).
bool isJailConfWildcard(std::string_view name);
// wild_jail_match(): a non-final `*` matches one component, a final `*` one or more.
bool jailConfWildcardMatches(std::string_view wildcard, std::string_view jailName);

}  // namespace rcjail
