// Variable assignment rules of sh (readonly, export of names set later) and
// the save/restore of `local`.
#include "sh_state.h"

#include <algorithm>

namespace rcjail {

const std::string* ShState::value(std::string_view name) const {
  const Variable* v = vars_.find(name);
  return v ? &v->value : nullptr;
}

void ShState::assign(std::string_view name, std::string value, const Location& where) {
  if (isReadonly(name)) throw ConfigError(where, std::string(name) + ": is read only");
  bool existed = vars_.isSet(name);
  vars_.set(name, std::move(value), where);
  if (!existed) {
    auto flags = unsetFlags_.find(name);
    if (flags != unsetFlags_.end()) {
      Variable& v = vars_.slot(name);
      v.exported = flags->second.exported;
      v.readonly = flags->second.readonly;
      unsetFlags_.erase(flags);
    }
  }
}

void ShState::unset(std::string_view name, const Location& where) {
  if (isReadonly(name)) throw ConfigError(where, "unset: " + std::string(name) + ": is read only");
  vars_.unset(name);
  auto flags = unsetFlags_.find(name);
  if (flags != unsetFlags_.end()) unsetFlags_.erase(flags);
}

void ShState::markExported(std::string_view name) {
  if (vars_.isSet(name)) {
    vars_.slot(name).exported = true;
  } else {
    unsetFlags_[std::string(name)].exported = true;
  }
}

void ShState::markReadonly(std::string_view name) {
  if (vars_.isSet(name)) {
    vars_.slot(name).readonly = true;
  } else {
    unsetFlags_[std::string(name)].readonly = true;
  }
}

bool ShState::isReadonly(std::string_view name) const {
  if (const Variable* v = vars_.find(name)) return v->readonly;
  auto flags = unsetFlags_.find(name);
  return flags != unsetFlags_.end() && flags->second.readonly;
}

void ShState::makeLocal(std::string_view name) {
  std::vector<Saved>& scope = scopes_.back();
  if (std::any_of(scope.begin(), scope.end(), [&](const Saved& s) { return s.name == name; })) return;
  Saved saved;
  saved.name = std::string(name);
  if (const Variable* v = vars_.find(name)) saved.variable = *v;
  auto flags = unsetFlags_.find(name);
  if (flags != unsetFlags_.end()) saved.unsetFlags = flags->second;
  scope.push_back(std::move(saved));
}

void ShState::popScope() {
  std::vector<Saved> scope = std::move(scopes_.back());
  scopes_.pop_back();
  for (auto it = scope.rbegin(); it != scope.rend(); ++it) {
    if (it->variable) {
      vars_.slot(it->name) = std::move(*it->variable);
    } else {
      vars_.unset(it->name);
    }
    if (it->unsetFlags) {
      unsetFlags_[it->name] = *it->unsetFlags;
    } else {
      auto flags = unsetFlags_.find(it->name);
      if (flags != unsetFlags_.end()) unsetFlags_.erase(flags);
    }
  }
}

}  // namespace rcjail
