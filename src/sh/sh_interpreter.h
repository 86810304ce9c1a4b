// Runs sh natively, for rc.conf files: assignments, `.`, functions with
// positional parameters and `local`, if/for/while/until/case, && || !, { },
// and the builtins : true false test [ export readonly unset local set shift
// eval return break continue exit echo, with `>&2` and `2>&1`. It never
// starts a process: anything else (pipelines, subshells, other redirections,
// other commands, command substitution) throws ShUnsupported, and the caller
// evaluates the whole load with /bin/sh.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fs_root.h"
#include "sh_expand.h"
#include "sh_output.h"
#include "sh_parser.h"
#include "sh_state.h"

namespace rcjail {

class ShInterpreter {
 public:
  ShInterpreter(const FsRoot& root, Variables initial);
  // The root is kept by reference: it must outlive the interpreter.
  ShInterpreter(FsRoot&& root, Variables initial) = delete;

  // `. path`: `path` is a configuration path, read through the root. Throws
  // ConfigError (at `from`) when the file cannot be read, and on syntax errors.
  int source(const std::string& path, const Location& from = {});
  // Runs `text` as if it were the content of `file`.
  int run(std::string_view text, const std::string& file, int firstLine = 1);

  bool hasFunction(std::string_view name) const;
  int callFunction(const std::string& name, std::vector<std::string> args, const Location& from = {});
  // Runs `body` as the body of a function called with `args`: with its own
  // positional parameters and a scope for `local` (rc.subr's load_rc_config).
  void runInFunction(std::vector<std::string> args, const std::function<void()>& body);

  // Bounds for what follows (sh_limits.h); its time starts now.
  void setLimits(ShLimits limits) { state_.setLimits(std::move(limits)); }

  ShState& state() { return state_; }
  const ShState& state() const { return state_; }
  ShExpander& expander() { return expander_; }
  // Every file `.` read, in order (a file read twice appears twice).
  const std::vector<std::string>& sourcedFiles() const { return sourced_; }
  // What sh would have printed on stderr without stopping ("FILE:LINE: [: missing ]").
  const std::vector<std::string>& diagnostics() const { return diagnostics_; }
  // What the files wrote with echo, per stream.
  const ShOutput& output() const { return output_; }
  // Whether `exit` ran: everything since has been skipped, as sh stops there.
  bool exited() const { return jump_ == Jump::Exit; }
  int exitStatus() const { return exitStatus_; }
  const Location& exitWhere() const { return exitWhere_; }

 private:
  // Deeper nesting of `.`, eval and function calls is a runaway recursion;
  // sh would crash, the native reader stops with an error instead.
  static constexpr int kMaxDepth = 200;
  enum class Jump { None, Break, Continue, Return, Exit };
  struct Function {
    ShCommandPtr body;
    std::string file;  // where it was defined: its assignments are located there
  };
  using Builtin = int (ShInterpreter::*)(const std::vector<std::string>& args);

  int execute(const ShCommand& command);
  int executeNode(const ShCommand& command);
  int executeSimple(const ShCommand& command);
  int executeLoop(const ShCommand& command);
  int executeFor(const ShCommand& command);
  int executeCase(const ShCommand& command);
  // After a loop body: whether the loop must stop because of break/continue/return.
  bool loopMustStop();
  std::vector<std::string> expandDeclarationArgs(const ShCommand& command);
  void assignPrefix(const ShCommand& command);
  int callFunction(Function function, std::vector<std::string> args, const ShCommand* prefix);
  Location here(int line) const { return {file_, line}; }
  [[noreturn]] void unsupported(int line, const std::string& what) const;
  void diagnose(const std::string& message);

  int builtinColon(const std::vector<std::string>& args);
  int builtinFalse(const std::vector<std::string>& args);
  int builtinTest(const std::vector<std::string>& args);
  int builtinDot(const std::vector<std::string>& args);
  int builtinEval(const std::vector<std::string>& args);
  int builtinExport(const std::vector<std::string>& args);
  int builtinLocal(const std::vector<std::string>& args);
  int builtinUnset(const std::vector<std::string>& args);
  int builtinSet(const std::vector<std::string>& args);
  int builtinShift(const std::vector<std::string>& args);
  int builtinReturn(const std::vector<std::string>& args);
  int builtinBreak(const std::vector<std::string>& args);
  int builtinExit(const std::vector<std::string>& args);
  int builtinEcho(const std::vector<std::string>& args);
  int parseCount(const std::string& command, const std::string& text, int fallback);

  const FsRoot& root_;
  ShState state_;
  ShExpander expander_;
  std::map<std::string, Function, std::less<>> functions_;
  std::vector<std::string> sourced_;
  std::vector<std::string> diagnostics_;
  ShOutput output_;
  std::string file_;  // the file whose commands are running
  int line_ = 0;      // the line of the simple command running
  Jump jump_ = Jump::None;
  int jumpCount_ = 0;  // loops still to leave for break/continue
  int returnStatus_ = 0;
  int exitStatus_ = 0;
  Location exitWhere_;
  int loopDepth_ = 0;
  int depth_ = 0;      // nested `.`, eval and function calls
};

}  // namespace rcjail
