// A line-by-line scan for assignments; good enough for the fallback's
// locations, which are documented as a best effort.
#include "rc_conf_locations.h"

#include <cctype>
#include <string_view>

#include "sh_word.h"

namespace rcjail {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::size_t skipBlanks(std::string_view line, std::size_t i) {
  while (i < line.size() && isBlank(line[i])) ++i;
  return i;
}

std::size_t nameEnd(std::string_view line, std::size_t i) {
  std::size_t end = i;
  while (end < line.size() && (line[end] == '_' || std::isalnum(static_cast<unsigned char>(line[end])))) ++end;
  return end;
}

void scanLine(std::string_view line, const Location& where, std::map<std::string, Location>& out) {
  std::size_t i = skipBlanks(line, 0);
  for (std::string_view keyword : {"export", "readonly", "local"}) {
    if (line.substr(i, keyword.size()) == keyword && i + keyword.size() < line.size() &&
        isBlank(line[i + keyword.size()])) {
      i = skipBlanks(line, i + keyword.size());
      break;
    }
  }
  std::size_t end = nameEnd(line, i);
  if (end < line.size() && line[end] == '=' && isShName(line.substr(i, end - i))) {
    out[std::string(line.substr(i, end - i))] = where;
  }
  for (std::size_t at = line.find("${"); at != std::string_view::npos; at = line.find("${", at + 2)) {
    std::size_t start = at + 2;
    std::size_t stop = nameEnd(line, start);
    std::string_view name = line.substr(start, stop - start);
    std::string_view rest = line.substr(stop);
    if (isShName(name) && (rest.substr(0, 2) == ":=" || rest.substr(0, 1) == "=")) {
      out[std::string(name)] = where;
    }
  }
}

}  // namespace

std::map<std::string, Location> findAssignments(const FsRoot& root, const std::vector<std::string>& files) {
  std::map<std::string, Location> out;
  for (const std::string& file : files) {
    std::string text;
    try {
      text = root.readFile(file);
    } catch (const ConfigError&) {
      continue;
    }
    std::string_view rest = text;
    int line = 1;
    while (!rest.empty()) {
      std::size_t end = rest.find('\n');
      scanLine(rest.substr(0, end), {file, line}, out);
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
      ++line;
    }
  }
  return out;
}

}  // namespace rcjail
