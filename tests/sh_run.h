// Runs sh text with the native interpreter for the sh_* unit tests, inside a
// function as rc.subr sources rc.conf files, and reads the results back.
#pragma once

#include <string>
#include <vector>

#include "location.h"
#include "sh_interpreter.h"

namespace rcjail::testing {

class ShRun {
 public:
  explicit ShRun(const std::string& text, Variables initial = {}, const std::string& root = "/",
                 const std::string& file = "test.conf")
      : root_(root), sh_(root_, std::move(initial)) {
    sh_.runInFunction({}, [&] { status = sh_.run(text, file); });
  }

  std::string get(const std::string& name) const { return sh_.state().variables().get(name); }
  bool isSet(const std::string& name) const { return sh_.state().variables().isSet(name); }
  const Variable* find(const std::string& name) const { return sh_.state().variables().find(name); }
  const std::vector<std::string>& diagnostics() const { return sh_.diagnostics(); }
  const std::vector<std::string>& sourced() const { return sh_.sourcedFiles(); }
  const ShInterpreter& sh() const { return sh_; }
  std::string out() const { return sh_.output().text(ShOutput::Out); }
  std::string err() const { return sh_.output().text(ShOutput::Err); }

  int status = 0;

 private:
  FsRoot root_;
  ShInterpreter sh_;
};

// The value of `name` after running `text`.
inline std::string shValue(const std::string& text, const std::string& name, Variables initial = {}) {
  return ShRun(text, std::move(initial)).get(name);
}

// The ConfigError that running `text` throws ("" if none).
inline std::string shError(const std::string& text, const std::string& file = "test.conf") {
  try {
    ShRun run(text, {}, "/", file);
  } catch (const ConfigError& e) {
    return e.describe();
  }
  return "";
}

// The construct ShUnsupported names ("" if the text runs natively).
inline std::string shUnsupported(const std::string& text) {
  try {
    ShRun run(text);
  } catch (const ShUnsupported& e) {
    return e.where().str() + ": " + e.what();
  }
  return "";
}

inline Variables exported(std::initializer_list<std::pair<std::string, std::string>> values) {
  Variables vars;
  for (const auto& [name, value] : values) {
    vars.set(name, value);
    vars.slot(name).exported = true;
  }
  return vars;
}

}  // namespace rcjail::testing
