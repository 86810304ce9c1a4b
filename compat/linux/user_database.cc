// passwd and group parsing.
#include "user_database.h"

#include <fstream>
#include <sstream>

#include "jail_kernel_params.h"
#include "text_fields.h"

namespace rcjail::compat {
namespace {

template <typename Visit>
void forEachLine(std::string_view text, Visit visit) {
  for (std::string_view line : splitAt(text, '\n'))
    if (!line.empty() && line[0] != '#') visit(line);
}

std::optional<UserEntry> userFromLine(std::string_view line) {
  const std::vector<std::string_view> f = splitAt(line, ':');
  if (f.size() < 7) return std::nullopt;
  std::optional<long> uid = parseInteger(f[2]);
  std::optional<long> gid = parseInteger(f[3]);
  if (!uid || !gid || *uid < 0 || *gid < 0) return std::nullopt;
  return UserEntry{std::string(f[0]), static_cast<uid_t>(*uid), static_cast<gid_t>(*gid),
                   std::string(f[5]), std::string(f[6])};
}

// The first well-formed passwd entry that `matches`.
template <typename Match>
std::optional<UserEntry> firstUser(std::string_view passwdText, Match matches) {
  std::optional<UserEntry> found;
  forEachLine(passwdText, [&](std::string_view line) {
    if (found) return;
    std::optional<UserEntry> user = userFromLine(line);
    if (user && matches(*user)) found = user;
  });
  return found;
}

}  // namespace

std::optional<UserEntry> findUser(std::string_view passwdText, std::string_view name) {
  return firstUser(passwdText, [&](const UserEntry& user) { return user.name == name; });
}

std::optional<UserEntry> findUserById(std::string_view passwdText, uid_t uid) {
  return firstUser(passwdText, [&](const UserEntry& user) { return user.uid == uid; });
}

std::vector<gid_t> groupsOfUser(std::string_view groupText, std::string_view user, gid_t primary) {
  std::vector<gid_t> groups{primary};
  forEachLine(groupText, [&](std::string_view line) {
    const std::vector<std::string_view> f = splitAt(line, ':');
    if (f.size() < 4) return;
    std::optional<long> gid = parseInteger(f[2]);
    if (!gid || *gid < 0 || static_cast<gid_t>(*gid) == primary) return;
    for (std::string_view member : splitAt(f[3], ','))
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
