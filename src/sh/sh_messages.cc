// Parsing of the shell's messages and a textual search for `exit`.
#include "sh_messages.h"

#include <algorithm>

namespace rcjail {

namespace {

// Digits at the start of `text` as a line number, with what follows them.
std::optional<int> leadingNumber(std::string_view& text) {
  std::size_t end = text.find_first_not_of("0123456789");
  if (end == 0 || end == std::string_view::npos || end > 9) return std::nullopt;
  int n = std::stoi(std::string(text.substr(0, end)));
  text.remove_prefix(end);
  return n;
}

bool consume(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

// Whether a word that starts a command on `line` is `exit`.
bool hasExitCommand(std::string_view line) {
  constexpr std::string_view kSeparators = ";&|(){";
  bool commandStart = true;
  std::size_t i = 0;
  while (i < line.size() && line[i] != '#') {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
    } else if (kSeparators.find(line[i]) != std::string_view::npos) {
      commandStart = true;
      ++i;
    } else {
      std::size_t end = std::min(line.find_first_of(" \t;&|(){", i), line.size());
      std::string_view word = line.substr(i, end - i);
      if (commandStart && word == "exit") return true;
      commandStart = word == "then" || word == "do" || word == "else" || word == "!";
      i = end;
    }
  }
  return false;
}

}  // namespace

std::optional<ShMessage> parseShMessage(std::string_view line, std::string_view arg0,
                                        const std::function<bool(const std::string&)>& isFile) {
  if (!consume(line, arg0) || !consume(line, ": ")) return std::nullopt;
  ShMessage out;
  std::string_view rest = line;
  if (std::optional<int> n = leadingNumber(rest); n && consume(rest, ": ")) {
    out.line = *n;
    std::size_t colon = rest.find(": ");
    if (colon != std::string_view::npos && isFile(std::string(rest.substr(0, colon)))) {
      out.file = rest.substr(0, colon);
      rest.remove_prefix(colon + 2);
    }
    out.message = rest;
    return out;
  }
  for (std::size_t at = line.find(": line "); at != std::string_view::npos; at = line.find(": line ", at + 1)) {
    rest = line.substr(at + 7);
    std::optional<int> n = leadingNumber(rest);
    if (!n || !consume(rest, ": ")) continue;
    out.file = line.substr(0, at);
    out.line = *n;
    out.message = rest;
    return out;
  }
  return std::nullopt;
}

std::string_view lineOf(std::string_view text, int number) {
  std::size_t start = 0;
  for (int i = 1; i < number; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return "";
    ++start;
  }
  std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::vector<int> exitCommandLines(std::string_view text) {
  std::vector<int> out;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    ++number;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (hasExitCommand(text.substr(start, end - start))) out.push_back(number);
    start = end + 1;
  }
  return out;
}

}  // namespace rcjail
