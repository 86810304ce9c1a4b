// Option parsing and the hand-over to the verbs.
#include "command_line.h"

#include <fnmatch.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <boost/program_options.hpp>
#include <functional>
#include <iostream>
#include <optional>

#include "address_list.h"
#include "boot_history.h"
#include "check.h"
#include "console.h"
#include "interrupt.h"
#include "jail_list.h"
#include "jail_status.h"
#include "jail_system.h"
#include "migrate.h"
#include "plan_verb.h"
#include "preflight.h"
#include "rc_command.h"
#include "rc_conf_reader.h"
#include "sh_interpreter.h"
#include "run_lock.h"
#include "text_fields.h"
#include "verb_context.h"

namespace rcjail {

namespace po = boost::program_options;

namespace {

struct Options {
  std::string rcScript;  // $0 of the messages
  std::string root = "/";
  std::vector<std::string> configFiles;  // read after the rc.conf files, like rc.conf.d/jail
  bool noSyslog = false;
  bool help = false;
  bool version = false;
};

// The synopsis; --help adds the options from the parser's own description,
// and tests/e2e/docs.sh holds the three (and rcjail.8's SYNOPSIS) together.
const char* kUsage =
    "usage: rcjail [--rc-script PATH] [--root DIR] [--config FILE] [--no-syslog] VERB [ARG...]\n"
    "       rcjail --help | --version\n"
    "  rc.d/jail verbs: [fast|force|one|quiet](start|stop|restart|rcvar|enable|disable|delete|\n"
    "                   enabled|describe|extracommands|config|console|status|poll) [NAME...]\n"
    "  rcjail verbs:    vars [--env] [PATTERN...]   rc.conf variables with the file and line that set them\n"
    "                   check [--json] [--severity=error|warning|note] [NAME...]   what is wrong with\n"
    "                        the configuration: file:line: severity: message\n"
    "                   migrate [--dry-run] [--force] [NAME...]   rc.conf jails to /etc/jail.conf.d\n"
    "                   status -a [--json]   every configured jail, its jid and last start/stop\n"
    "                   list [--json]   one line per jail: name, state, jid, addresses, path, where configured\n"
    "                   plan start|stop [--json] [NAME...]   worst-case schedule, commands; runs nothing\n";

// Only the options before the verb are rcjail's; everything after the verb
// belongs to it (console ducky /bin/csh -l).
size_t leadingOptionCount(const std::vector<std::string>& args) {
  size_t i = 0;
  while (i < args.size() && args[i].rfind("--", 0) == 0 && args[i] != "--") {
    bool takesValue = (args[i] == "--rc-script" || args[i] == "--root" || args[i] == "--config");
    i += takesValue ? 2 : 1;
  }
  return std::min(i, args.size());
}

po::options_description optionsDescription(Options& o) {
  po::options_description desc("options");
  desc.add_options()("rc-script", po::value(&o.rcScript)->value_name("PATH"), "the $0 of the messages")(
      "root", po::value(&o.root)->value_name("DIR"), "read the configuration as if DIR were /")(
      "config", po::value(&o.configFiles)->value_name("FILE"), "one more rc.conf file, read last")(
      "no-syslog", po::bool_switch(&o.noSyslog), "do not send messages to syslog")(
      "help", po::bool_switch(&o.help), "this text")("version", po::bool_switch(&o.version), "the version");
  return desc;
}

Options parseOptions(const std::vector<std::string>& leading) {
  Options o;
  po::variables_map vm;
  po::store(po::command_line_parser(leading).options(optionsDescription(o)).run(), vm);
  po::notify(vm);
  return o;
}

std::string shellQuoted(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + "\"";
}

// vars [--env] [PATTERN...]: rc.conf's variables and the defaults; the
// process environment (credentials, often) only when asked for.
int listVariables(const VerbContext& ctx, const std::vector<std::string>& args) {
  bool environment = false;
  std::vector<std::string> patterns;
  for (const std::string& a : args) {
    if (a == "--env") {
      environment = true;
    } else if (!a.empty() && a[0] == '-') {
      ctx.console.printError("usage: rcjail vars [--env] [PATTERN...]\n");
      return 1;
    } else {
      patterns.push_back(a);
    }
  }
  for (const auto& [name, v] : ctx.vars.all()) {
    if (!environment && v.where.file == "(environment)") continue;
    bool match = patterns.empty();
    for (const std::string& p : patterns) match = match || fnmatch(p.c_str(), name.c_str(), 0) == 0;
    if (match) std::cout << name << "=" << shellQuoted(v.value) << "\t# " << v.where.str() << "\n";
  }
  return 0;
}

std::vector<std::string> childEnvironment(const Variables& vars) {
  std::vector<std::string> env;
  for (const auto& [name, v] : vars.all())
    if (v.exported) env.push_back(name + "=" + v.value);
  // jail_env: `export -- $jail_env` before the command.
  for (const std::string& word : splitFields(vars.get("jail_env")))
    if (word.find('=') != std::string::npos) env.push_back(word);
  return env;
}

// rcjail's own verbs, next to the rc.d/jail ones. Each gets what it may use
// and its arguments; none of them is stock, so none has a quirks mode.
struct OwnVerb {
  const char* name;
  int (*run)(const VerbContext&, const std::vector<std::string>& args);
};

const OwnVerb kOwnVerbs[] = {
    {"vars", listVariables},
    {"check", runCheck},
    {"migrate", runMigrate},
    {"plan", runPlanVerb},
    {"list", runList},
};

// `status -a` and `status --json` are rcjail's; plain `status` is rc.d/jail's.
bool isStatusAll(const std::vector<std::string>& rest) {
  return rest.size() >= 2 && rest[0] == "status" && (rest[1] == "-a" || rest[1] == "--all" || rest[1] == "--json");
}

// rc(8)'s verbs: their starts and stops are boot records in the history.
bool isBootVerb(const std::vector<std::string>& rest) {
  return rest.size() == 1 && (rest[0] == "faststart" || rest[0] == "quietstart" || rest[0] == "faststop");
}

// start, stop and restart, with or without a prefix, change jails and
// /var/run: those runs take the run lock and note SIGTERM/SIGINT.
bool changesState(const std::vector<std::string>& rest) {
  if (rest.empty()) return false;
  std::string verb = rest[0];
  for (const char* prefix : {"fast", "force", "one", "quiet"})
    if (verb.rfind(prefix, 0) == 0) {
      verb.erase(0, std::string(prefix).size());
      break;
    }
  return verb == "start" || verb == "stop" || verb == "restart";
}

// rcjail's own verbs whose stdout is data (vars, any --json): what the rc.conf
// files print goes to stderr there, so as not to corrupt it.
bool stdoutIsData(const std::vector<std::string>& rest) {
  if (rest.empty()) return false;
  if (rest[0] == "vars") return true;
  const bool own = isStatusAll(rest) || std::any_of(std::begin(kOwnVerbs), std::end(kOwnVerbs),
                                                    [&](const OwnVerb& v) { return rest[0] == v.name; });
  return own && std::find(rest.begin(), rest.end(), "--json") != rest.end();
}

// What the files printed while being read, before anything of rcjail's, as
// when rc.d/jail sources them in its own shell.
void passOnOutput(const RcConfResult& loaded, bool toStderr) {
  std::fwrite(loaded.out.data(), 1, loaded.out.size(), toStderr ? stderr : stdout);
  std::fwrite(loaded.err.data(), 1, loaded.err.size(), stderr);
  std::fflush(stdout);
  std::fflush(stderr);
}

std::string holderDescription(const std::string& prefix, const std::vector<std::string>& rest) {
  std::string text = "pid " + std::to_string(getpid()) + " (" + prefix;
  for (const std::string& word : rest) text += " " + word;
  return text + ")";
}

// rc.conf as rc.subr loads it, then the --config files and jail_env_file.
// A status when the run ends here: an `exit` while loading, or an error.
std::optional<int> loadConfiguration(const Options& options, const std::string& prefix,
                                     const std::vector<std::string>& rest, char** envp, Console& console,
                                     RcConfResult& loaded) {
  RcConfOptions readerOptions{FsRoot(options.root)};
  readerOptions.arg0 = prefix;  // the $0 of sh's messages: /etc/rc at boot, as under rc(8)
  readerOptions.confinement = RcConfOptions::ShellConfinement::Chroot;
  try {
    loaded = loadRcConfig(readerOptions, environmentVariables(envp));
    passOnOutput(loaded, stdoutIsData(rest));
    // `exit` in a file, or sh stopped on an error: rc.d/jail ends there
    // with that status and prints nothing more; `check` reports it.
    if (loaded.stop && (rest.empty() || rest[0] != "check")) return loaded.stop->status;
    const FsRoot host("/");  // --config names host paths, whatever --root says
    for (const std::string& file : options.configFiles) {
      ShInterpreter sh(host, std::move(loaded.vars));
      sh.source(file);
      loaded.vars = sh.state().takeVariables();
    }
    // rc.subr sources jail_env_file with `set -a`: what it sets is exported.
    const std::string envFile = loaded.vars.get("jail_env_file");
    if (!loaded.stop && !envFile.empty() && readerOptions.root.readable(envFile)) {
      ShInterpreter sh(readerOptions.root, std::move(loaded.vars));
      sh.source(envFile);
      loaded.vars = sh.state().takeVariables();
      for (const auto& [name, v] : loaded.vars.all())
        if (v.where.file == envFile) loaded.vars.slot(name).exported = true;
    }
  } catch (const ShUnsupported&) {
    console.error("--config files are read natively: keep them to assignments and simple sh.");
    return 1;
  } catch (const ConfigError& e) {
    console.error(e.describe());
    return !rest.empty() && rest[0] == "check" ? 2 : 1;
  }
  return std::nullopt;
}

// The run lock of the verbs that change state, kept in `lock` (left empty
// when /var/run cannot hold one). A status when the run must end here.
std::optional<int> takeRunLock(const FsRoot& root, const Variables& vars, const std::string& holder,
                               InterruptWatch& interrupts, Console& console, std::optional<RunLock>& lock) {
  RunLockOptions lockOptions;
  lockOptions.timeout = lockTimeoutFrom(vars.get("jail_lock_timeout"));
  lockOptions.holderDescription = holder;
  lockOptions.interrupted = [&interrupts] { return interrupts.interrupted(); };
  RunLockAttempt attempt = RunLockAttempt::acquire(root, lockOptions);
  if (attempt.outcome == RunLockAttempt::Outcome::Busy) {
    console.error(interrupts.interrupted() ? std::string("interrupted while waiting for ") + kRunLockPath + "."
                                            : describeBusyLock(attempt, lockOptions.timeout));
    return 1;
  }
  // Unavailable (no writable /var/run): run unlocked, as the stock script
  // always does; writing the jail files reports the real problem.
  if (attempt.lock) lock.emplace(std::move(*attempt.lock));
  else console.debug("running without " + std::string(kRunLockPath) + ": " + attempt.reason);
  if (lock && !lock->leftByKilledRun().empty()) console.debug("the run before was killed: " + lock->leftByKilledRun());
  return std::nullopt;
}

// --help, --version, and a --root that cannot be one: a status when the
// options alone end the run.
std::optional<int> answeredByOptions(const Options& options) {
  if (options.help) {
    Options unused;
    std::cout << kUsage << optionsDescription(unused);
    return 0;
  }
  if (options.version) {
    std::cout << "rcjail " << RCJAIL_VERSION << "\n";
    return 0;
  }
  if (!FsRoot(options.root).directory("/")) {
    std::cerr << "rcjail: --root " << options.root << ": no such directory\n";
    return 1;
  }
  return std::nullopt;
}

}  // namespace

int runCommandLine(const std::string& program, const std::vector<std::string>& args, char** envp) {
  size_t optionCount = leadingOptionCount(args);
  Options options;
  try {
    options = parseOptions({args.begin(), args.begin() + static_cast<long>(optionCount)});
  } catch (const po::error& e) {
    std::cerr << "rcjail: " << e.what() << "\n" << kUsage;
    return 1;
  }
  if (std::optional<int> status = answeredByOptions(options)) return *status;
  std::vector<std::string> rest(args.begin() + static_cast<long>(optionCount), args.end());
  if (!rest.empty() && rest[0] == "--") rest.erase(rest.begin());
  const std::string prefix = options.rcScript.empty() ? program : options.rcScript;

  std::unique_ptr<SyslogSink> syslog;
  if (!options.noSyslog) syslog = makeSystemSyslog();
  Console console(prefix, syslog.get());

  RcConfResult loaded;
  if (std::optional<int> status = loadConfiguration(options, prefix, rest, envp, console, loaded)) return *status;
  Variables& vars = loaded.vars;
  console.configure(vars);
  for (const std::string& line : loaded.debug) console.debug(line);

  PosixJailSystem system(prefix, childEnvironment(vars), splitFields(vars.get("jail_sysctl")));
  FsRoot root(options.root);
  if (isStatusAll(rest)) return runStatusAll({vars, console, system, root, loaded}, {rest.begin() + 1, rest.end()});
  if (!rest.empty()) {
    for (const OwnVerb& verb : kOwnVerbs)
      if (rest[0] == verb.name) return verb.run({vars, console, system, root, loaded}, {rest.begin() + 1, rest.end()});
  }
  if (std::optional<int> status = preflight(rest, {vars, console, system, root, processCredentials()})) return *status;
  std::optional<InterruptWatch> interrupts;
  std::optional<RunLock> lock;
  if (changesState(rest)) {
    interrupts.emplace();
    if (std::optional<int> status = takeRunLock(root, vars, holderDescription(prefix, rest), *interrupts, console, lock))
      return *status;
  }
  std::unique_ptr<BootHistory> history;
  if (historyEnabled(root, vars))
    history = std::make_unique<BootHistory>(root, isBootVerb(rest), [] { return std::time(nullptr); });
  std::function<bool()> interrupted;  // empty for the verbs that change nothing
  if (interrupts) interrupted = [&interrupts] { return interrupts->interrupted(); };
  RcCommand command({vars, console, system, root, [] { return std::time(nullptr); }, history.get(), interrupted,
                     lock && !lock->leftByKilledRun().empty()});
  int status = command.runScript(rest);
  console.flush();
  if (!interrupts || !interrupts->interrupted()) return status;
  console.error(std::string("interrupted by ") + interruptSignalName(interrupts->signal()) + ".");
  return 128 + interrupts->signal();
}

}  // namespace rcjail
