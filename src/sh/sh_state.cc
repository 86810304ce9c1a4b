// Variable assignment rules of sh (readonly, export of names set later) and
// the save/restore of `local`.
#include "sh_state.h"

#include <algorithm>

namespace rcjail {

namespace {

// What a variable counts against the total beside its value.
std::ptrdiff_t entrySize(std::string_view name) {
  return static_cast<std::ptrdiff_t>(name.size() + ShLimits::kVariableOverhead);
}

std::ptrdiff_t sizeOf(std::string_view name, const Variable& v) {
  return entrySize(name) + static_cast<std::ptrdiff_t>(v.value.size());
}

}  // namespace

const std::string* ShState::value(std::string_view name) const {
  const Variable* v = vars_.find(name);
  return v ? &v->value : nullptr;
}

void ShState::assign(std::string_view name, std::string value, const Location& where) {
  if (isReadonly(name)) throw ShError(where, std::string(name) + ": is read only");
  budget_.checkValue(value.size(), where);
  const Variable* old = vars_.find(name);
  const bool existed = old != nullptr;
  const std::ptrdiff_t before = existed ? static_cast<std::ptrdiff_t>(old->value.size()) : -entrySize(name);
  budget_.chargeVariables(static_cast<std::ptrdiff_t>(value.size()) - before, where);
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
  if (isReadonly(name)) throw ShError(where, "unset: " + std::string(name) + ": is read only");
  if (const Variable* old = vars_.find(name)) budget_.noteVariables(-sizeOf(name, *old));
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
  if (const Variable* v = vars_.find(name)) {
    saved.variable = *v;
    budget_.noteVariables(sizeOf(name, *v));  // the saved copy
  }
  auto flags = unsetFlags_.find(name);
  if (flags != unsetFlags_.end()) saved.unsetFlags = flags->second;
  scope.push_back(std::move(saved));
}

void ShState::popScope() {
  std::vector<Saved> scope = std::move(scopes_.back());
  scopes_.pop_back();
  for (auto it = scope.rbegin(); it != scope.rend(); ++it) {
    // The current value goes; the saved copy, already counted, takes its place.
    if (const Variable* current = vars_.find(it->name)) budget_.noteVariables(-sizeOf(it->name, *current));
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
