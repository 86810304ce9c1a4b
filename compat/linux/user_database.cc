// passwd and group parsing.
#include "user_database.h"

#include <fstream>
#include <sstream>

#include "jail_parameters.h"

namespace rcjail::compat {
namespace {

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  size_t at = 0;
  for (;;) {
    const size_t end = text.find(separator, at);
    fields.push_back(text.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return fields;
    at = end + 1;
  }
}

template <typename Visit>
void forEachLine(std::string_view text, Visit visit) {
  for (std::string_view line : splitOn(text, '\n'))
    if (!line.empty() && line[0] != '#') visit(line);
}

std::optional<UserEntry> userFromLine(std::string_view line) {
  const std::vector<std::string_view> f = splitOn(line, ':');
  if (f.size() < 7) return std::nullopt;
  std::optional<long> uid = parseInteger(f[2]);
  std::optional<long> gid = parseInteger(f[3]);
  if (!uid || !gid || *uid < 0 || *gid < 0) return std::nullopt;
  return UserEntry{std::string(f[0]), static_cast<uid_t>(*uid), static_cast<gid_t>(*gid),
                   std::string(f[5]), std::string(f[6])};
}

}  // namespace

std::optional<UserEntry> findUser(std::string_view passwdText, std::string_view name) {
  std::optional<UserEntry> found;
  forEachLine(passwdText, [&](std::string_view line) {
    if (found) return;
    std::optional<UserEntry> user = userFromLine(line);
    if (user && user->name == name) found = user;
  });
  return found;
}

std::optional<UserEntry> findUserById(std::string_view passwdText, uid_t uid) {
  std::optional<UserEntry> found;
  forEachLine(passwdText, [&](std::string_view line) {
    if (found) return;
    std::optional<UserEntry> user = userFromLine(line);
    if (user && user->uid == uid) found = user;
  });
  return found;
}

std::vector<gid_t> groupsOfUser(std::string_view groupText, std::string_view user, gid_t primary) {
  std::vector<gid_t> groups{primary};
  forEachLine(groupText, [&](std::string_view line) {
    const std::vector<std::string_view> f = splitOn(line, ':');
    if (f.size() < 4) return;
    std::optional<long> gid = parseInteger(f[2]);
    if (!gid || *gid < 0 || static_cast<gid_t>(*gid) == primary) return;
    for (std::string_view member : splitOn(f[3], ','))
      if (member == user) groups.push_back(static_cast<gid_t>(*gid));
  });
  return groups;
}

std::string readTextFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  return text.str();
}

}  // namespace rcjail::compat
