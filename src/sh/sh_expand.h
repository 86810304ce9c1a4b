// Word expansion as sh does it: tilde, parameters (every POSIX form),
// arithmetic, then field splitting on IFS and pathname expansion where the
// word was not quoted, and quote removal. What it cannot do natively
// (command substitution, ~user, $'...') it reports as ShUnsupported.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fs_root.h"
#include "sh_word.h"
#include "sh_state.h"

namespace rcjail {

class ShExpander {
 public:
  ShExpander(ShState& state, const FsRoot& root) : state_(state), root_(root) {}

  // Where the command being expanded is: errors and ${v:=w} assignments get it.
  void setLocation(Location where) { where_ = std::move(where); }
  const Location& location() const { return where_; }

  // One string, no splitting or globbing: assignment values (tilde after = and :
  // when `assignment`), case subjects, `local`/`export` values.
  std::string expandString(const ShParts& parts, bool assignment = false);
  // A case pattern or the like, in the backslash-escaped form of sh_pattern.h.
  std::string expandPattern(const ShParts& parts);
  // Command words: fields after splitting and globbing.
  std::vector<std::string> expandFields(const std::vector<ShWord>& words);
  // A value as if it were an unquoted expansion ($value), split and globbed.
  std::vector<std::string> splitUnquoted(std::string_view value);

  // sh's `set -f`.
  void setGlobbing(bool on) { globbing_ = on; }
  bool globbing() const { return globbing_; }

 private:
  // Each character carries how it may be treated after expansion.
  enum Attr : char {
    kLiteral = 'L',   // unquoted text of the word: globbed, not split
    kQuoted = 'Q',    // quoted: neither globbed nor split
    kExpanded = 'E',  // result of an unquoted expansion: split and globbed
    kContent = 'C',   // (no character) a quoted empty string: the field exists
    kBreak = 'B',     // (no character) between the parameters of "$@"
    kSoftBreak = 'S', // (no character) between the parameters of unquoted $@ / $*
  };
  struct Text {
    std::string chars;
    std::string attrs;
    void add(std::string_view s, Attr a) {
      chars.append(s);
      attrs.append(s.size(), a);
    }
    void mark(Attr a) {
      chars.push_back('\0');
      attrs.push_back(a);
    }
  };

  void expandParts(const ShParts& parts, Text& out, bool inParamWord, bool assignment);
  void expandParam(const ShWordPart& part, Text& out);
  // The ${name OP word} forms, given the parameter's value.
  void expandParamOp(const ShWordPart& part, const std::optional<std::string>& value, Text& out);
  void expandSpecialList(const ShWordPart& part, Text& out);
  std::optional<std::string> paramValue(const std::string& name) const;
  std::string joinPositional() const;
  std::string ifs() const;
  std::string toString(const Text& text) const;
  static std::string toPattern(const Text& text, std::size_t begin, std::size_t end);
  void split(const Text& text, std::vector<Text>& fields) const;
  void globInto(const Text& field, std::vector<std::string>& out) const;
  [[noreturn]] void unsupported(const ShWordPart& part, const std::string& what) const;

  ShState& state_;
  const FsRoot& root_;
  Location where_;
  bool globbing_ = true;
};

}  // namespace rcjail
