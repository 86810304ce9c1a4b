// The builtins of the native sh interpreter: what rc.conf files and
// /etc/defaults/rc.conf use (:, false, test and [, ., eval, export, local,
// unset, set, shift, return, break and continue, exit, echo).
#include <algorithm>
#include <utility>

#include "sh_interpreter.h"
#include "sh_test.h"

namespace rcjail {

int ShInterpreter::parseCount(const std::string& command, const std::string& text, int fallback) {
  if (text.empty()) return fallback;
  if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
    throw ShError(here(line_), command + ": Illegal number: " + text);
  }
  return std::stoi(text);
}

int ShInterpreter::builtinColon(const std::vector<std::string>&) { return 0; }

int ShInterpreter::builtinFalse(const std::vector<std::string>&) { return 1; }

int ShInterpreter::builtinTest(const std::vector<std::string>& args) {
  std::vector<std::string> operands(args.begin() + 1, args.end());
  if (args[0] == "[") {
    if (operands.empty() || operands.back() != "]") {
      diagnose("[: missing ]");
      return 2;
    }
    operands.pop_back();
  }
  ShTestResult result = runShTest(operands, root_);
  if (result.status == 2) diagnose(args[0] + ": " + result.error);
  return result.status;
}

int ShInterpreter::builtinDot(const std::vector<std::string>& args) {
  if (args.size() < 2) throw ShError(here(line_), ".: not enough arguments");
  const std::string& path = args[1];
  if (path.find('/') == std::string::npos) unsupported(line_, "`. " + path + "` (a search of PATH)");
  return source(path, here(line_));
}

int ShInterpreter::builtinEval(const std::vector<std::string>& args) {
  std::string text;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (i > 1) text += ' ';
    text += args[i];
  }
  if (depth_ >= kMaxDepth) throw ConfigError(here(line_), "eval: nested too deeply");
  ++depth_;
  // A copy: run() swaps file_ out for its `file` argument, which must not
  // alias it (eval'd assignments and errors would lose their file).
  const std::string file = file_;
  int status = run(text, file, line_);
  --depth_;
  return status;
}

int ShInterpreter::builtinExport(const std::vector<std::string>& args) {
  const bool readonly = args[0] == "readonly";
  if (args.size() == 1 || args[1] == "-p") unsupported(line_, "`" + args[0] + "` listing variables");
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::size_t eq = arg.find('=');
    std::string name = arg.substr(0, eq);
    if (!isShName(name)) throw ShError(here(line_), args[0] + ": " + name + ": bad variable name");
    if (eq != std::string::npos) state_.assign(name, arg.substr(eq + 1), here(line_));
    if (readonly) {
      state_.markReadonly(name);
    } else {
      state_.markExported(name);
    }
  }
  return 0;
}

int ShInterpreter::builtinLocal(const std::vector<std::string>& args) {
  if (!state_.inFunction()) throw ShError(here(line_), "local: not in a function");
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-") continue;  // saves shell options, which the native reader does not change
    std::size_t eq = arg.find('=');
    std::string name = arg.substr(0, eq);
    if (!isShName(name)) throw ShError(here(line_), "local: " + name + ": bad variable name");
    state_.makeLocal(name);
    if (eq != std::string::npos) state_.assign(name, arg.substr(eq + 1), here(line_));
  }
  return 0;
}

int ShInterpreter::builtinUnset(const std::vector<std::string>& args) {
  bool functions = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-f" || arg == "-v") {
      functions = arg == "-f";
      continue;
    }
    if (functions) {
      auto it = functions_.find(arg);
      if (it != functions_.end()) functions_.erase(it);
    } else if (isShName(arg)) {
      state_.unset(arg, here(line_));
    }
  }
  return 0;
}

int ShInterpreter::builtinSet(const std::vector<std::string>& args) {
  if (args.size() == 1) unsupported(line_, "`set` listing variables");
  std::size_t first = 1;
  const std::string& option = args[1];
  if (option == "--") {
    first = 2;
  } else if ((option == "-f" || option == "+f") && args.size() == 2) {
    expander_.setGlobbing(option == "+f");
    return 0;
  } else if (option[0] == '-' || option[0] == '+') {
    unsupported(line_, "`set " + option + "` (shell options)");
  }
  state_.positional.assign(args.begin() + static_cast<std::ptrdiff_t>(first), args.end());
  return 0;
}

int ShInterpreter::builtinShift(const std::vector<std::string>& args) {
  std::size_t n = static_cast<std::size_t>(parseCount("shift", args.size() > 1 ? args[1] : "", 1));
  if (n > state_.positional.size()) throw ShError(here(line_), "shift: can't shift that many");
  state_.positional.erase(state_.positional.begin(), state_.positional.begin() + static_cast<std::ptrdiff_t>(n));
  return 0;
}

int ShInterpreter::builtinReturn(const std::vector<std::string>& args) {
  int status = parseCount("return", args.size() > 1 ? args[1] : "", state_.status);
  returnStatus_ = status & 255;
  jump_ = Jump::Return;
  return returnStatus_;
}

int ShInterpreter::builtinBreak(const std::vector<std::string>& args) {
  int n = parseCount(args[0], args.size() > 1 ? args[1] : "", 1);
  if (n == 0) throw ShError(here(line_), args[0] + ": Illegal number: 0");
  if (loopDepth_ == 0) return 0;  // sh ignores break and continue outside loops
  jump_ = args[0] == "break" ? Jump::Break : Jump::Continue;
  jumpCount_ = std::min(n, loopDepth_);
  return 0;
}

int ShInterpreter::builtinExit(const std::vector<std::string>& args) {
  exitStatus_ = parseCount("exit", args.size() > 1 ? args[1] : "", state_.status) & 255;
  exitWhere_ = here(line_);
  jump_ = Jump::Exit;
  return exitStatus_;
}

int ShInterpreter::builtinEcho(const std::vector<std::string>& args) {
  std::optional<std::string> text = shEchoText(args);
  if (!text) unsupported(line_, "echo with an option or a backslash (shells differ on those)");
  output_.write(1, *text);
  return 0;
}

}  // namespace rcjail
