// The mutable state of the native sh evaluator: variables (value, flags and
// where each was last set), the export/readonly flags of names that are not
// set, the save stacks of `local` (dynamic scoping as in ash and dash),
// positional parameters and $?, and the budget (sh_limits.h) that bounds
// how large the variables may grow.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "location.h"
#include "sh_limits.h"
#include "variables.h"

namespace rcjail {

// Thrown where the native evaluator meets sh that it does not run (command
// substitution, pipelines, external commands, ...): the caller then redoes
// the whole load with /bin/sh. `what` says what was met.
class ShUnsupported : public std::runtime_error {
 public:
  ShUnsupported(Location where, const std::string& what) : std::runtime_error(what), where_(std::move(where)) {}
  const Location& where() const { return where_; }

 private:
  Location where_;
};

// An error that sh itself reports while running the files (a syntax error,
// `${v:?}`, a read-only variable, ...), as opposed to a limit of rcjail's
// own. The reader lets /bin/sh run the load again to print it in its words.
class ShError : public ConfigError {
 public:
  using ConfigError::ConfigError;
};

class ShState {
 public:
  explicit ShState(Variables initial) : vars_(std::move(initial)) {}

  const Variable* find(std::string_view name) const { return vars_.find(name); }
  // The value, nullptr when unset.
  const std::string* value(std::string_view name) const;
  // Throws ConfigError "NAME: is read only" at `where`.
  void assign(std::string_view name, std::string value, const Location& where);
  // Throws ConfigError "unset: NAME: is read only" at `where`.
  void unset(std::string_view name, const Location& where);
  void markExported(std::string_view name);
  void markReadonly(std::string_view name);
  bool isReadonly(std::string_view name) const;

  // Scopes: one per running function. makeLocal saves the variable so that
  // popScope restores it; it keeps its value, as in dash.
  bool inFunction() const { return !scopes_.empty(); }
  void pushScope() { scopes_.emplace_back(); }
  void makeLocal(std::string_view name);
  void popScope();

  // What the load may use (sh_limits.h); assign() checks the sizes.
  ShBudget& budget() { return budget_; }
  void setLimits(ShLimits limits) { budget_.setLimits(std::move(limits)); }

  const Variables& variables() const { return vars_; }
  Variables takeVariables() { return std::move(vars_); }

  std::vector<std::string> positional;  // $1...
  std::string arg0;                     // $0
  int status = 0;                       // $?

 private:
  struct Flags {
    bool exported = false;
    bool readonly = false;
  };
  struct Saved {
    std::string name;
    std::optional<Variable> variable;
    std::optional<Flags> unsetFlags;
  };

  Variables vars_;
  ShBudget budget_;
  std::map<std::string, Flags, std::less<>> unsetFlags_;  // flags of names that are not set
  std::vector<std::vector<Saved>> scopes_;
};

}  // namespace rcjail
