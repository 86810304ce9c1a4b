// Entry points of the jail.conf reader: parse, then merge per jail; and the
// quoting that writes any value back as a jail.conf string.
#include "jail_conf.h"

#include <cstdio>

#include "jail_conf_merge.h"
#include "jail_conf_parser.h"

namespace rcjail {

namespace {

std::string joinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

JailConf mergeSource(JailConfSource source) {
  JailConf conf;
  conf.files = std::move(source.files);
  conf.jails = mergeJailConfBlocks(source.blocks);
  return conf;
}

// Reads with the Current grammar, and again with the Older one when the file
// reads differently under it and that is the grammar asked for. A file the
// Current grammar rejects is rejected by the Older one too, but maybe with
// other messages, so a failure is retried the same way.
template <typename Read>
JailConf readWithGrammar(const Read& read, const JailConfGrammarSource& grammar) {
  bool differs = false;
  auto wantsOlder = [&] { return differs && grammar && grammar() == JailConfGrammar::Older; };
  try {
    JailConfSource source = read(JailConfGrammar::Current, differs);
    if (!wantsOlder()) return mergeSource(std::move(source));
  } catch (const JailConfError&) {
    if (!wantsOlder()) throw;
  }
  return mergeSource(read(JailConfGrammar::Older, differs));
}

}  // namespace

JailConfGrammar jailConfGrammarFor(std::optional<long> osreldate) {
  return osreldate && *osreldate < kJailConfCurrentGrammarOsreldate ? JailConfGrammar::Older
                                                                   : JailConfGrammar::Current;
}

JailConfError::JailConfError(Location where, std::vector<std::string> messages)
    : std::runtime_error(joinLines(messages)), where_(std::move(where)), messages_(std::move(messages)) {}

JailConf parseJailConfFile(const FsRoot& root, const std::string& path, const JailConfGrammarSource& grammar) {
  return readWithGrammar(
      [&](JailConfGrammar used, bool& differs) { return readJailConfSource(root, path, used, differs); }, grammar);
}

JailConf parseJailConfText(const FsRoot& root, std::string_view text, const std::string& displayName,
                           const std::string& baseDir, const JailConfGrammarSource& grammar) {
  return readWithGrammar(
      [&](JailConfGrammar used, bool& differs) {
        return readJailConfSourceText(root, text, displayName, baseDir, used, differs);
      },
      grammar);
}

std::string quoteJailConfString(std::string_view value, bool escapeDollar) {
  std::string out;
  out.reserve(value.size() + 2);
  out += '"';
  for (char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;  // keeps one statement on one line
      case '\r': out += "\\r"; break;
      case '\t': out += '\t'; break;
      case '$':
        out += escapeDollar ? "\\$" : "$";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          // Always three digits, so that a digit after it is not read as part of it.
          char octal[5];
          std::snprintf(octal, sizeof octal, "\\%03o", static_cast<unsigned char>(c));
          out += octal;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace rcjail
