// Reading /bin/sh's error messages back, for the rc.conf reader's fallback:
// the file, line and text of each, in the two layouts shells use, and the
// lines of a file that run `exit`. What the shell prints is passed on as it
// is; this only finds what `check` reports and where.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcjail {

struct ShMessage {
  std::string file;  // "" when the shell did not name one
  int line = 0;
  std::string message;  // without the shell's prefix: "jail_x: not found"
};

// One line of the shell's stderr, when it is one of its messages:
// "ARG0: LINE: [FILE: ]MESSAGE" (dash) or "ARG0: FILE: line LINE: MESSAGE"
// (bash, busybox). dash names the file only sometimes; `isFile` tells a
// file from the start of a message ("/usr/bin/x: not found").
std::optional<ShMessage> parseShMessage(std::string_view line, std::string_view arg0,
                                        const std::function<bool(const std::string&)>& isFile);

// The numbers (from 1) of the lines of `text` with an `exit` command: the
// first word of the line or one after ; && || { then do else. Textual, so a
// best effort: a here-document or a multi-line string can mislead it.
std::vector<int> exitCommandLines(std::string_view text);

// Line `number` (from 1) of `text`, without its newline; "" past the end.
std::string_view lineOf(std::string_view text, int number);

}  // namespace rcjail
