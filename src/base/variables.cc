// Storage of shell variables.
#include "variables.h"

#include <cstring>
#include <strings.h>

namespace rcjail {

const Variable* Variables::find(std::string_view name) const {
  auto it = vars_.find(name);
  return it == vars_.end() ? nullptr : &it->second;
}

const std::string& Variables::get(std::string_view name) const {
  static const std::string empty;
  const Variable* v = find(name);
  return v ? v->value : empty;
}

Variable& Variables::slot(std::string_view name) {
  auto it = vars_.find(name);
  if (it == vars_.end()) it = vars_.emplace(std::string(name), Variable{}).first;
  return it->second;
}

void Variables::set(std::string_view name, std::string value, Location where) {
  Variable& v = slot(name);
  v.value = std::move(value);
  v.where = std::move(where);
}

void Variables::unset(std::string_view name) {
  auto it = vars_.find(name);
  if (it != vars_.end()) vars_.erase(it);
}

std::vector<std::string> Variables::namesWithPrefix(std::string_view prefix) const {
  std::vector<std::string> out;
  for (auto it = vars_.lower_bound(prefix); it != vars_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(it->first);
  }
  return out;
}

std::optional<bool> parseYesNo(std::string_view value) {
  auto is = [&](const char* word) {
    return value.size() == strlen(word) && strncasecmp(value.data(), word, value.size()) == 0;
  };
  if (is("yes") || is("true") || is("on") || is("1")) return true;
  if (is("no") || is("false") || is("off") || is("0")) return false;
  return std::nullopt;
}

bool checkYesNo(const std::string& name, const std::string& value, std::vector<Message>& messages) {
  messages.push_back({MessageLevel::Debug, "checkyesno: " + name + " is set to " + value + "."});
  std::optional<bool> yes = parseYesNo(value);
  if (!yes) messages.push_back({MessageLevel::Warning, "$" + name + " is not set properly - see rc.conf(5)."});
  return yes.value_or(false);
}

}  // namespace rcjail
