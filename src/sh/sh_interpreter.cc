// The native sh interpreter. Control flow (break, continue, return) is a
// pending jump that every compound command checks after running a child, as
// in ash; `.` and functions unwind their own jumps.
#include "sh_interpreter.h"

#include <algorithm>
#include <utility>

#include "sh_pattern.h"
#include "sh_test.h"

namespace rcjail {

ShInterpreter::ShInterpreter(const FsRoot& root, Variables initial)
    : root_(root), state_(std::move(initial)), expander_(state_, root_) {}

void ShInterpreter::unsupported(int line, const std::string& what) const {
  throw ShUnsupported(here(line), what);
}

void ShInterpreter::diagnose(const std::string& message) {
  diagnostics_.push_back(here(line_).str() + ": " + message);
}

int ShInterpreter::source(const std::string& path, const Location& from) {
  std::string text;
  try {
    text = root_.readFile(path);
  } catch (const ConfigError& e) {
    // Not an ShError: /bin/sh would look for the path on the host, not
    // under the root, so its answer would be about another file.
    std::string reason = e.what();
    const std::string prefix = "cannot read: ";
    if (reason.rfind(prefix, 0) == 0) reason.erase(0, prefix.size());
    throw ConfigError(from, ".: cannot open " + path + ": " + reason);
  }
  if (depth_ >= kMaxDepth) throw ConfigError(from, ".: " + path + ": nested too deeply");
  ++depth_;
  sourced_.push_back(path);
  int status = run(text, path);
  if (jump_ == Jump::Return) {
    jump_ = Jump::None;
    status = returnStatus_;
  }
  --depth_;
  state_.status = status;
  return status;
}

int ShInterpreter::run(std::string_view text, const std::string& file, int firstLine) {
  ShParser parser(text, file, firstLine);
  std::string savedFile = std::exchange(file_, file);
  int status = 0;
  while (ShCommandPtr command = parser.next()) {
    status = execute(*command);
    if (jump_ != Jump::None) break;
  }
  file_ = std::move(savedFile);
  return status;
}

bool ShInterpreter::hasFunction(std::string_view name) const { return functions_.count(name) > 0; }

int ShInterpreter::callFunction(const std::string& name, std::vector<std::string> args, const Location& from) {
  auto it = functions_.find(name);
  if (it == functions_.end()) throw ConfigError(from, name + ": not found");
  return callFunction(Function(it->second), std::move(args), nullptr);
}

void ShInterpreter::runInFunction(std::vector<std::string> args, const std::function<void()>& body) {
  state_.pushScope();
  std::swap(state_.positional, args);
  body();
  std::swap(state_.positional, args);
  state_.popScope();
}

int ShInterpreter::callFunction(Function function, std::vector<std::string> args, const ShCommand* prefix) {
  if (depth_ >= kMaxDepth) throw ConfigError(here(line_), "function calls nested too deeply");
  // Assignments before a function name last for the call only (dash).
  std::vector<std::pair<const ShAssignment*, std::string>> temporary;
  if (prefix != nullptr) {
    for (const ShAssignment& a : prefix->assignments) {
      expander_.setLocation(here(a.value.line));
      temporary.emplace_back(&a, expander_.expandString(a.value.parts, true));
    }
  }
  ++depth_;
  state_.pushScope();
  for (auto& [assignment, value] : temporary) {
    state_.makeLocal(assignment->name);
    state_.assign(assignment->name, std::move(value), here(assignment->value.line));
  }
  std::swap(state_.positional, args);
  // The caller's positional parameters wait in `args`: they count while the call runs.
  const std::ptrdiff_t kept = ShBudget::sizeOf(args);
  state_.budget().chargeVariables(kept, here(line_));
  std::string savedFile = std::exchange(file_, function.file);
  int savedLoopDepth = std::exchange(loopDepth_, 0);
  int status = execute(*function.body);
  if (jump_ == Jump::Return) status = returnStatus_;
  if (jump_ != Jump::Exit) jump_ = Jump::None;
  loopDepth_ = savedLoopDepth;
  file_ = std::move(savedFile);
  state_.budget().noteVariables(-kept);
  std::swap(state_.positional, args);
  state_.popScope();
  --depth_;
  return status;
}

int ShInterpreter::execute(const ShCommand& command) {
  state_.budget().countCommand(here(command.line));
  if (command.redirects.empty()) return state_.status = executeNode(command);
  const ShOutput::Mapping saved = output_.mapping();
  if (std::optional<std::string> what = output_.redirect(command.redirects)) unsupported(command.line, *what);
  int status = executeNode(command);
  output_.restore(saved);
  state_.status = status;
  return status;
}

bool ShInterpreter::loopMustStop() {
  switch (jump_) {
    case Jump::Break:
      if (--jumpCount_ == 0) jump_ = Jump::None;
      return true;
    case Jump::Continue:
      if (--jumpCount_ == 0) {
        jump_ = Jump::None;
        return false;
      }
      return true;
    case Jump::Return:
    case Jump::Exit:
      return true;
    case Jump::None:
      break;
  }
  return false;
}

int ShInterpreter::executeNode(const ShCommand& c) {
  line_ = c.line;
  using Kind = ShCommand::Kind;
  switch (c.kind) {
    case Kind::Simple:
      return executeSimple(c);
    case Kind::Sequence: {
      int status = 0;
      for (const ShCommandPtr& child : c.children) {
        status = execute(*child);
        if (jump_ != Jump::None) break;
      }
      return status;
    }
    case Kind::Background:
      unsupported(c.line, "a background command (&)");
    case Kind::Pipeline:
      unsupported(c.line, "a pipeline");
    case Kind::Subshell:
      unsupported(c.line, "a subshell ( ... )");
    case Kind::AndOr: {
      int status = execute(*c.children[0]);
      for (std::size_t i = 1; i < c.children.size() && jump_ == Jump::None; ++i) {
        bool runIt = c.orOps[i - 1] ? status != 0 : status == 0;
        if (runIt) status = execute(*c.children[i]);
      }
      return status;
    }
    case Kind::Not: {
      int status = execute(*c.children[0]);
      return status == 0 ? 1 : 0;
    }
    case Kind::Brace:
      return execute(*c.children[0]);
    case Kind::If: {
      std::size_t i = 0;
      for (; i + 1 < c.children.size(); i += 2) {
        int condition = execute(*c.children[i]);
        if (jump_ != Jump::None) return condition;
        if (condition == 0) return execute(*c.children[i + 1]);
      }
      return i < c.children.size() ? execute(*c.children[i]) : 0;
    }
    case Kind::While:
    case Kind::Until:
      return executeLoop(c);
    case Kind::For:
      return executeFor(c);
    case Kind::Case:
      return executeCase(c);
    case Kind::FunctionDef:
      functions_[c.name] = Function{c.children[0], file_};
      return 0;
  }
  return 0;
}

int ShInterpreter::executeLoop(const ShCommand& c) {
  const bool until = c.kind == ShCommand::Kind::Until;
  int status = 0;
  ++loopDepth_;
  for (;;) {
    state_.budget().countIteration(here(c.line));
    int condition = execute(*c.children[0]);
    if (jump_ != Jump::None) {
      if (loopMustStop()) break;
      continue;
    }
    if ((condition == 0) == until) break;
    status = execute(*c.children[1]);
    if (jump_ != Jump::None && loopMustStop()) break;
  }
  --loopDepth_;
  return status;
}

int ShInterpreter::executeFor(const ShCommand& c) {
  expander_.setLocation(here(c.line));
  std::vector<std::string> words = c.hasIn ? expander_.expandFields(c.words) : state_.positional;
  int status = 0;
  ++loopDepth_;
  for (std::string& word : words) {
    state_.budget().countIteration(here(c.line));
    state_.assign(c.name, std::move(word), here(c.line));
    status = execute(*c.children[0]);
    if (jump_ != Jump::None && loopMustStop()) break;
  }
  --loopDepth_;
  return status;
}

int ShInterpreter::executeCase(const ShCommand& c) {
  expander_.setLocation(here(c.line));
  std::string subject = expander_.expandString(c.subject.parts);
  ShPatternTicker ticker([this] { state_.budget().checkTime(expander_.location()); });
  for (const ShCaseItem& item : c.caseItems) {
    for (const ShWord& pattern : item.patterns) {
      expander_.setLocation(here(pattern.line));
      if (shPatternMatch(expander_.expandPattern(pattern.parts), subject, &ticker)) {
        return item.body ? execute(*item.body) : 0;
      }
    }
  }
  return 0;
}

std::vector<std::string> ShInterpreter::expandDeclarationArgs(const ShCommand& c) {
  // export/readonly/local NAME=value: the value is expanded like an
  // assignment (no splitting or globbing), as dash does.
  std::vector<std::string> args;
  for (const ShWord& word : c.words) {
    std::size_t nameLength = word.assignmentNameLength();
    if (&word == &c.words[0] || nameLength == 0) {
      std::vector<std::string> fields = expander_.expandFields({word});
      args.insert(args.end(), fields.begin(), fields.end());
      continue;
    }
    ShParts value = word.parts;
    std::string name = value[0].text.substr(0, nameLength);
    value[0].text.erase(0, nameLength + 1);
    if (value[0].text.empty()) value.erase(value.begin());
    args.push_back(name + "=" + expander_.expandString(value, true));
  }
  return args;
}

void ShInterpreter::assignPrefix(const ShCommand& c) {
  for (const ShAssignment& a : c.assignments) {
    Location where = here(a.value.line);
    expander_.setLocation(where);
    state_.assign(a.name, expander_.expandString(a.value.parts, true), where);
  }
}

int ShInterpreter::executeSimple(const ShCommand& c) {
  struct BuiltinEntry {
    std::string_view name;
    Builtin run;
    bool special;  // POSIX special builtin: its prefix assignments stay
  };
  static const BuiltinEntry builtins[] = {
      {":", &ShInterpreter::builtinColon, true},      {".", &ShInterpreter::builtinDot, true},
      {"eval", &ShInterpreter::builtinEval, true},    {"export", &ShInterpreter::builtinExport, true},
      {"readonly", &ShInterpreter::builtinExport, true}, {"unset", &ShInterpreter::builtinUnset, true},
      {"set", &ShInterpreter::builtinSet, true},      {"shift", &ShInterpreter::builtinShift, true},
      {"return", &ShInterpreter::builtinReturn, true}, {"break", &ShInterpreter::builtinBreak, true},
      {"continue", &ShInterpreter::builtinBreak, true}, {"exit", &ShInterpreter::builtinExit, true},
      {"echo", &ShInterpreter::builtinEcho, false},   {"local", &ShInterpreter::builtinLocal, false},
      {"true", &ShInterpreter::builtinColon, false},  {"false", &ShInterpreter::builtinFalse, false},
      {"test", &ShInterpreter::builtinTest, false},   {"[", &ShInterpreter::builtinTest, false},
  };
  const Location where = here(c.line);
  expander_.setLocation(where);
  std::string_view first = c.words.empty() ? std::string_view() : c.words[0].plainText();
  const bool declaration = first == "export" || first == "readonly" || first == "local";
  std::vector<std::string> args = declaration ? expandDeclarationArgs(c) : expander_.expandFields(c.words);
  line_ = c.line;
  if (args.empty()) {
    assignPrefix(c);
    return 0;
  }
  const BuiltinEntry* builtin = nullptr;
  for (const BuiltinEntry& entry : builtins)
    if (entry.name == args[0]) builtin = &entry;
  if (builtin != nullptr && builtin->special) {
    assignPrefix(c);
    return (this->*builtin->run)(args);
  }
  auto function = functions_.find(args[0]);
  if (function != functions_.end()) {
    return callFunction(Function(function->second), std::vector<std::string>(args.begin() + 1, args.end()), &c);
  }
  if (builtin == nullptr) unsupported(c.line, "the command '" + args[0] + "'");
  // A regular builtin: the assignments before it last for that command only,
  // and none of ours reads a variable, but their expansions still happen.
  for (const ShAssignment& a : c.assignments) {
    expander_.setLocation(here(a.value.line));
    expander_.expandString(a.value.parts, true);
    if (state_.isReadonly(a.name)) throw ShError(here(a.value.line), a.name + ": is read only");
  }
  return (this->*builtin->run)(args);
}

}  // namespace rcjail
