// load_rc_config NAME, natively: the steps of rc.subr (defaults file and its
// source_rc_confs, or /etc/rc.conf alone; then rc.conf.d/NAME under /etc and
// every ${local_startup}) driven over the native sh interpreter. When a file
// needs more than the interpreter runs, the whole load starts again in
// /bin/sh (sh_fallback), so that both never mix.
#include "rc_conf_reader.h"

#include <string_view>

#include "sh_fallback.h"
#include "sh_glob.h"
#include "sh_interpreter.h"
#include "sh_pattern.h"

namespace rcjail {

namespace {

constexpr std::string_view kDefaultsFile = "/etc/defaults/rc.conf";
constexpr std::string_view kRcConf = "/etc/rc.conf";

// What /etc/defaults/rc.conf and the stock rc.d/jail (`: ${jail_program:=...}`)
// give rcjail, so that it works where there is no defaults file.
constexpr std::pair<std::string_view, std::string_view> kBuiltinDefaults[] = {
    {"jail_enable", "NO"},
    {"jail_conf", "/etc/jail.conf"},
    {"jail_confwarn", "YES"},
    {"jail_parallel_start", "NO"},
    {"jail_list", ""},
    {"jail_reverse_stop", "NO"},
    {"jail_program", "/usr/sbin/jail"},
    {"jail_jls", "/usr/sbin/jls"},
    {"jail_jexec", "/usr/sbin/jexec"},
    {"jail_consolecmd", "/usr/bin/login -f root"},
    {"rc_conf_files", "/etc/rc.conf /etc/rc.conf.local"},
    {"local_startup", "/usr/local/etc/rc.d"},
    {"rc_startmsgs", "YES"},
    {"rc_info", "NO"},
    {"rcshutdown_timeout", "90"},
};

// Variables a shell creates itself, with their initial values. sh ignores
// IFS from the environment; both are dropped from the result unless a file
// changed them, as the fallback drops PPID, PS1 and the like.
constexpr std::pair<std::string_view, std::string_view> kShellVariables[] = {
    {"IFS", " \t\n"},
    {"OPTIND", "1"},
};

// The locals of rc.subr's load_rc_config.
constexpr std::string_view kLoadRcConfigLocals[] = {"_name", "_rcvar_val", "_var", "_defval", "_v",
                                                    "_msg",  "_new",       "_d",   "_dot"};

// The state a load starts from, the same for both paths.
Variables startState(const Variables& initial) {
  Variables vars = initial;
  vars.unset("IFS");
  addBuiltinDefaults(vars);
  return vars;
}

// The regular files that rc.subr's `for _rc in DIR/*; do [ -f "$_rc" ]`
// goes through.
std::vector<std::string> directoryFiles(const FsRoot& root, const std::string& dir, bool globbing) {
  std::vector<std::string> names;
  if (globbing) names = shGlob(root, shPatternQuote(dir) + "/*");
  if (names.empty()) names.push_back(dir + "/*");  // an unmatched glob stays as it is
  std::vector<std::string> files;
  for (std::string& name : names)
    if (root.regularFile(name)) files.push_back(std::move(name));
  return files;
}

// rc.subr's dot: a function with `local f verify` that sources regular,
// non-empty files only; the file sees its path as $1.
void dot(ShInterpreter& sh, const FsRoot& root, const std::string& path) {
  sh.runInFunction({path}, [&] {
    sh.state().makeLocal("f");
    sh.state().makeLocal("verify");
    sh.state().assign("f", path, {});
    if (root.nonEmptyRegularFile(path)) sh.source(path);
  });
}

// load_rc_config's second part: DIR/rc.conf.d/NAME (a file, or a directory
// of files) for /etc and each local_startup directory.
void sourceRcConfDirs(ShInterpreter& sh, const FsRoot& root, std::vector<std::string>& debug) {
  ShState& state = sh.state();
  const std::string* localStartup = state.value("local_startup");
  std::vector<std::string> dirs = sh.expander().splitUnquoted(localStartup ? *localStartup : "");
  dirs.insert(dirs.begin(), "/etc");
  for (std::string dir : dirs) {
    if (sh.exited()) break;
    const std::string* name = state.value("_name");  // a file may have changed it
    if (name == nullptr || name->empty()) break;
    if (dir.size() >= 5 && dir.compare(dir.size() - 5, 5, "/rc.d") == 0) dir.resize(dir.size() - 5);
    state.assign("_d", dir, {});
    const std::string path = dir + "/rc.conf.d/" + *name;
    if (root.regularFile(path)) {
      debug.push_back("Sourcing " + path);
      dot(sh, root, path);
    } else if (root.directory(path)) {
      state.makeLocal("_rc");
      for (const std::string& file : directoryFiles(root, path, sh.expander().globbing())) {
        if (sh.exited()) break;
        state.assign("_rc", file, {});
        debug.push_back("Sourcing " + file);
        dot(sh, root, file);
      }
    }
  }
}

// What loading left: files, messages, output, an exit, and the variables
// (without the shell's own unless the caller set them).
void collectResult(ShInterpreter& sh, const RcConfOptions& options, const Variables& start, RcConfResult& result) {
  if (options.mode == RcConfOptions::Mode::Auto && !sh.diagnostics().empty()) {
    throw ShUnsupported({}, "an error message (" + sh.diagnostics().front() + "), which " + options.shell +
                                " prints in its own words");
  }
  result.files = sh.sourcedFiles();
  for (const std::string& line : sh.diagnostics()) result.debug.push_back(line);
  result.out = sh.output().text(ShOutput::Out);
  result.err = sh.output().text(ShOutput::Err);
  if (sh.exited()) {
    const std::string status = std::to_string(sh.exitStatus());
    result.stop = RcConfStop{sh.exitWhere(), sh.exitStatus(),
                             "exit " + status + " while loading: rc.d/jail stops here with status " + status};
  }
  result.vars = sh.state().takeVariables();
  for (const auto& [name, value] : kShellVariables) {
    const Variable* v = result.vars.find(name);
    if (v != nullptr && v->value == value && !start.isSet(name)) result.vars.unset(name);
  }
}

RcConfResult loadNatively(const RcConfOptions& options, const Variables& start) {
  const FsRoot& root = options.root;
  Variables vars = start;
  for (const auto& [name, value] : kShellVariables)
    if (!vars.isSet(name)) vars.set(name, std::string(value));
  ShInterpreter sh(root, std::move(vars));
  sh.setLimits(options.limits);
  sh.state().arg0 = options.arg0;
  RcConfResult result;

  // load_rc_config NAME, with its locals: the files it sources see them, and
  // what they assign to those names is gone afterwards, as on FreeBSD.
  sh.runInFunction({options.service}, [&] {
    ShState& state = sh.state();
    for (std::string_view name : kLoadRcConfigLocals) state.makeLocal(name);
    state.assign("_name", options.service, {});
    state.assign("_dot", "dot", {});
    if (root.readable(std::string(kDefaultsFile))) {
      result.debug.push_back("Sourcing " + std::string(kDefaultsFile));
      dot(sh, root, std::string(kDefaultsFile));
      if (!sh.exited() && sh.hasFunction("source_rc_confs")) sh.callFunction("source_rc_confs", {});
    } else if (root.readable(std::string(kRcConf))) {
      result.debug.push_back("Sourcing " + std::string(kRcConf) + " (" + std::string(kDefaultsFile) +
                             " doesn't exist).");
      dot(sh, root, std::string(kRcConf));
    }
    sourceRcConfDirs(sh, root, result.debug);
  });
  collectResult(sh, options, start, result);
  return result;
}

}  // namespace

void addBuiltinDefaults(Variables& vars) {
  for (const auto& [name, value] : kBuiltinDefaults) {
    const Variable* v = vars.find(name);
    if (v == nullptr || v->value.empty()) vars.set(name, std::string(value));
  }
}

RcConfResult loadRcConfig(const RcConfOptions& options, const Variables& initial) {
  const Variables start = startState(initial);
  if (options.mode == RcConfOptions::Mode::Shell) {
    RcConfResult result = loadRcConfigWithShell(options, start);
    result.debug.insert(result.debug.begin(), "evaluating rc.conf with " + options.shell + " (requested)");
    return result;
  }
  std::string reason;
  Location where;
  try {
    return loadNatively(options, start);
  } catch (const ShUnsupported& e) {
    if (options.mode == RcConfOptions::Mode::Native) {
      throw ConfigError(e.where(), std::string("not supported by the native reader: ") + e.what());
    }
    reason = (e.where().file.empty() ? "" : e.where().str() + ": ") + "uses " + e.what();
    where = e.where();
  } catch (const ShError& e) {
    if (options.mode == RcConfOptions::Mode::Native) throw;
    reason = e.describe() + " (reported as " + options.shell + " words it)";
  }
  RcConfResult result;
  try {
    result = loadRcConfigWithShell(options, start);
  } catch (const ConfigError& e) {
    // Why the shell was needed, and why it could not run (a refused chroot).
    if (!e.where().file.empty() || where.file.empty()) throw;
    throw ConfigError(where, std::string(e.what()) + " (" + reason + ")");
  }
  result.debug.insert(result.debug.begin(), reason + "; evaluating the whole load with " + options.shell);
  return result;
}

Variables environmentVariables(char** envp) {
  Variables vars;
  for (char** e = envp; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry = *e;
    std::size_t eq = entry.find('=');
    if (eq == std::string_view::npos || !isShName(entry.substr(0, eq))) continue;
    std::string_view name = entry.substr(0, eq);
    vars.set(name, std::string(entry.substr(eq + 1)));
    vars.slot(name).exported = true;
    // Told apart from rc.conf's variables and the defaults: `vars` and
    // `check` leave the environment out.
    vars.slot(name).where = {"(environment)", 0};
  }
  return vars;
}

}  // namespace rcjail
