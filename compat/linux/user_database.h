// Users and groups read from passwd(5) and group(5) text. The jail's own
// files are read after entering its root, without NSS, so that no library
// of the jail is loaded into a process that still holds host privileges.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcjail::compat {

struct UserEntry {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
  std::string home;
  std::string shell;  // "" when the entry has none
};

std::optional<UserEntry> findUser(std::string_view passwdText, std::string_view name);
std::optional<UserEntry> findUserById(std::string_view passwdText, uid_t uid);
// The groups that list `user` as a member, with `primary` first.
std::vector<gid_t> groupsOfUser(std::string_view groupText, std::string_view user, gid_t primary);

// The whole of a file under the current root; "" when unreadable.
std::string readTextFile(const std::string& path);

}  // namespace rcjail::compat
