// The shell variables an rc.conf load leaves behind: value, where it was last
// set, and the export/readonly flags sh keeps for it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "location.h"
#include "message.h"

namespace rcjail {

struct Variable {
  std::string value;
  Location where;
  bool exported = false;
  bool readonly = false;
};

class Variables {
 public:
  using Map = std::map<std::string, Variable, std::less<>>;

  // nullptr when unset.
  const Variable* find(std::string_view name) const;
  // The value, or "" when unset (sh's "${name}").
  const std::string& get(std::string_view name) const;
  bool isSet(std::string_view name) const { return find(name) != nullptr; }
  // Keeps the exported/readonly flags of an existing variable.
  void set(std::string_view name, std::string value, Location where = {});
  void unset(std::string_view name);
  Variable& slot(std::string_view name);  // creates an unset-looking empty entry
  const Map& all() const { return vars_; }
  // Names starting with prefix, sorted.
  std::vector<std::string> namesWithPrefix(std::string_view prefix) const;

 private:
  Map vars_;
};

// sh's checkyesno: 0 yes/true/on/1, 1 no/false/off/0 (any case), nullopt otherwise.
std::optional<bool> parseYesNo(std::string_view value);

// rc.subr's checkyesno: true for a YES word; a debug line always, and a
// warning when the value is neither YES nor NO.
bool checkYesNo(const std::string& name, const std::string& value, std::vector<Message>& messages);

}  // namespace rcjail
