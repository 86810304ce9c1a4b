// The text of one-record-a-line files: escaping a field so that it cannot
// break its line (the boot history, compat's jail records, fstab(5) fields
// as vis(3) writes them), and the splits their readers share.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcjail {

// An escape alphabet: a backslash followed by `letters[i]` stands for
// `chars[i]`. A backslash is always one of `chars`.
struct FieldEscapes {
  std::string_view chars;
  std::string_view letters;
  bool octal = false;  // also \N, \NN, \NNN in octal, as vis(3) writes them
};

// Backslash, tab and newline: what a tab-separated line cannot hold (the
// format of compat's jail records).
inline constexpr FieldEscapes kTabFieldEscapes{"\\\t\n", "\\tn"};
// The same and a carriage return (the boot history's format).
inline constexpr FieldEscapes kTabFieldEscapesWithCr{"\\\t\n\r", "\\tnr"};
// vis(3)'s escapes, as fstab(5) fields carry blanks and control characters.
inline constexpr FieldEscapes kVisEscapes{"\\ \t\n\r\b\a\v\f\033", "\\stnrbavfE", true};

// `text` with each of `escapes.chars` written as its backslash escape.
std::string escapeField(std::string_view text, const FieldEscapes& escapes);
// The inverse; nullopt for a backslash at the end or before a letter that is
// not in the alphabet.
std::optional<std::string> unescapeField(std::string_view text, const FieldEscapes& escapes);

// Every field between `separator`s, empty ones included: "a\t\tb" is
// {"a", "", "b"}, "" is {""}.
std::vector<std::string_view> splitAt(std::string_view text, char separator);

// The words between runs of `blanks`, never an empty one. The default is sh
// field splitting on the default IFS (space, tab, newline).
std::vector<std::string> splitFields(std::string_view text, std::string_view blanks = " \t\n");

}  // namespace rcjail
