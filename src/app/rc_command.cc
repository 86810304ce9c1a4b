// run_rc_command for rc.d/jail. The verbs are one table: name, whether the
// jail_enable check applies, and who handles it.
#include "rc_command.h"

#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

#include "boot_history.h"
#include "jail_names.h"
#include "text_fields.h"

namespace rcjail {

namespace {

enum class Handler { Custom, Restart, Rcvar, Enable, Disable, Delete, Enabled, Describe, ExtraCommands, Poll };

struct Verb {
  const char* name;
  bool checksEnable;  // subject to the jail_enable check
  Handler handler;
};

// In the order of rc.subr's keyword list for jail; `status` appears twice
// there (extra_commands, then the procname keywords), and so in the usage.
const Verb kVerbs[] = {
    {"start", true, Handler::Custom},          {"stop", true, Handler::Custom},
    {"restart", true, Handler::Restart},       {"rcvar", false, Handler::Rcvar},
    {"enable", false, Handler::Enable},        {"disable", true, Handler::Disable},
    {"delete", false, Handler::Delete},        {"enabled", false, Handler::Enabled},
    {"describe", false, Handler::Describe},    {"extracommands", true, Handler::ExtraCommands},
    {"config", true, Handler::Custom},         {"console", true, Handler::Custom},
    {"status", false, Handler::Custom},        {"status", false, Handler::Custom},
    {"poll", true, Handler::Poll},
};

const Verb* findVerb(const std::string& name) {
  for (const Verb& v : kVerbs)
    if (name == v.name) return &v;
  return nullptr;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::string RcCommand::keywordList() {
  std::string out;
  for (const Verb& v : kVerbs) out += (out.empty() ? "" : "|") + std::string(v.name);
  return out;
}

int RcCommand::usage() {
  env_.console.printError("Usage: " + env_.console.prefix() + " [fast|force|one|quiet](" + keywordList() + ")\n");
  return 1;
}

bool RcCommand::checkYesNo(const std::string& name) {
  std::vector<Message> messages;
  bool yes = rcjail::checkYesNo(name, env_.vars.get(name), messages);
  env_.console.emit(messages);
  return yes;
}

int RcCommand::runScript(const std::vector<std::string>& args) {
  try {
    return runScriptArgs(args);
  } catch (const RcExit& e) {
    return e.status;
  }
}

namespace {

// The boot's jail_list without the jails jail_quarantine_after keeps back;
// each one skipped is said on the console and recorded as skipped.
std::vector<std::string> withoutQuarantined(const std::vector<std::string>& names, const ServiceEnvironment& env) {
  const int after = quarantineAfter(env.vars);
  const std::vector<HistoryRecord> history = readHistory(env.root);
  std::vector<std::string> out;
  for (const std::string& given : names) {
    const std::string name = jailName(given);
    if (!quarantined(history, name, after)) {
      out.push_back(given);
      continue;
    }
    env.console.warn("jail " + name + " is quarantined: its start failed at the last " + std::to_string(after) +
                     " boots; not starting it (start it with 'service jail start " + name + "').");
    if (env.outcomes) env.outcomes->jailFinished({name, "start", JailResult::Skipped, {}, "quarantined"});
  }
  return out;
}

}  // namespace

int RcCommand::runScriptArgs(const std::vector<std::string>& args) {
  if (args.size() == 1) {
    std::vector<std::string> names = splitFields(env_.vars.get("jail_list"));
    if (names.empty()) names.push_back("_ALL");
    if ((args[0] == "faststart" || args[0] == "quietstart") && quarantineAfter(env_.vars) > 0) {
      names = withoutQuarantined(names, env_);
      if (names.empty()) return 0;
    }
    return run(args[0], names, RcState{}, true);
  }
  env_.vars.set("jail_reverse_stop", "no");
  if (args.empty()) return run("", {}, RcState{}, false);
  return run(args[0], {args.begin() + 1, args.end()}, RcState{}, false);
}

int RcCommand::run(const std::string& arg, const std::vector<std::string>& extra, RcState state,
                   bool namesFromList) {
  std::string verb = arg, prefix;
  auto strip = [&](const char* p) {
    if (verb.rfind(p, 0) != 0) return false;
    verb = verb.substr(strlen(p));
    return true;
  };
  if (strip("fast")) {
    state.fast = state.quiet = true;
  } else if (strip("force")) {
    state.force = true;
    prefix = "force";
    env_.vars.set("jail_enable", "YES");
  } else if (strip("one")) {
    prefix = "one";
    env_.vars.set("jail_enable", "YES");
  } else if (strip("quiet")) {
    prefix = "quiet";
    state.quiet = true;
  }
  env_.console.setQuiet(state.quiet);
  if (verb.empty()) return usage();
  if (verb == "enabled") return checkYesNo("jail_enable") ? 0 : 1;

  const Verb* v = findVerb(verb);
  if (!v) {
    env_.console.printError(env_.console.prefix() + ": unknown directive '" + verb + "'.\n");
    return usage();
  }
  if (v->checksEnable && !checkYesNo("jail_enable")) {
    if (verb == "start" && !env_.vars.get("jail_offcmd").empty())
      runShellHook(env_.vars.get("jail_offcmd") + " " + joined(extra));
    if (!state.quiet)
      env_.console.print("Cannot '" + verb + "' jail. Set jail_enable to YES in /etc/rc.conf or use 'one" + verb +
                         "' instead of '" + verb + "'.\n");
    return 0;
  }
  if (v->handler == Handler::Custom) return runCustom(verb, extra, state, namesFromList);
  return runBuiltin(verb, prefix, extra, state, namesFromList);
}

int RcCommand::runShellHook(const std::string& code) {
  RunRequest request{{"/bin/sh", "-c", code}};
  request.output = OutputMode::Inherit;
  request.stdinFromDevNull = false;
  env_.console.flush();
  return env_.system.run(request).status;
}

int RcCommand::runCustom(const std::string& verb, const std::vector<std::string>& extra, const RcState& state,
                         bool namesFromList) {
  Console& console = env_.console;
  if (verb == "start" && !state.restartDone && !env_.vars.get("jail_setup").empty()) {
    console.debug("run_rc_command: start_setup: " + env_.vars.get("jail_setup"));
    if (runShellHook(env_.vars.get("jail_setup")) != 0) console.warn("failed to setup jail");
  }
  const std::string args = extra.empty() ? "" : " " + joined(extra);
  console.debug("run_rc_command: doit: jail_" + verb + args);

  // jail_umask applies around the command, as in _run_rc_doit.
  mode_t saved = 0;
  const std::string& mask = env_.vars.get("jail_umask");
  bool setMask = !mask.empty();
  if (setMask) saved = umask(static_cast<mode_t>(std::stoul(mask, nullptr, 8)));

  JailService service(env_);
  int status = 0;
  if (verb == "start") {
    status = service.start(extra);
  } else if (verb == "stop") {
    status = service.stop(extra);
  } else if (verb == "config") {
    status = service.config(extra);
  } else if (verb == "console") {
    // Fix E: a console without a name only takes jail_list when it names one jail.
    bool unnamed = namesFromList && service.quirks() == Quirks::Fixed && extra.size() != 1;
    status = service.console(unnamed ? std::vector<std::string>{} : extra);
  } else {
    status = service.status();
  }
  if (setMask) umask(saved);

  // rc.subr turns every failure into 1; a console's command says how it
  // ended with its own status, which the default mode passes on.
  if (verb == "console" && service.quirks() == Quirks::Fixed) return status;
  if (status != 0 && !state.force) return 1;
  if (verb != "start") return status;
  console.debug("run_rc_command: start_postcmd: jail_warn" + args);
  return service.warnObsolete();
}

// enable / disable: sysrc jail_enable, and where it was set.
int RcCommand::setEnabled(bool on) {
  Console& out = env_.console;
  RunRequest request{{"/usr/sbin/sysrc", "-vs", "jail", on ? "jail_enable=YES" : "jail_enable=NO"}};
  request.output = OutputMode::StdoutOnly;
  out.flush();
  RunResult r = env_.system.run(request);
  if (r.status != 0) return r.status;
  std::string file = r.output.substr(0, r.output.find(':'));
  while (!file.empty() && file.back() == '\n') file.pop_back();
  out.print(std::string("jail ") + (on ? "enabled" : "disabled") + " in " + file + "\n");
  return 0;
}

// delete: sysrc -x jail_enable, then the rc.conf.d files it left empty
// (with service_delete_empty).
int RcCommand::deleteEnabled() {
  Console& out = env_.console;
  RunRequest list{{"/usr/sbin/sysrc", "-lEs", "jail"}};
  list.output = OutputMode::StdoutOnly;
  out.flush();
  std::vector<std::string> files;
  for (const std::string& f : splitFields(env_.system.run(list).output)) {
    RunRequest has{{"/usr/sbin/sysrc", "-Fif", f, "jail_enable"}};
    has.output = OutputMode::StdoutOnly;
    if (env_.system.run(has).status == 0) files.push_back(f);
  }
  RunRequest remove{{"/usr/sbin/sysrc", "-x", "jail_enable"}};
  remove.output = OutputMode::Inherit;
  int status = env_.system.run(remove).status;
  if (status == 0) out.print("jail_enable deleted in " + joined(files) + "\n");
  if (!checkYesNo("service_delete_empty")) return status;
  for (const std::string& f : files) {
    struct stat st;
    if (f.find("/rc.conf.d/") == std::string::npos) continue;
    if (stat(env_.root.map(f).c_str(), &st) != 0 || st.st_size > 0) continue;
    if (unlink(env_.root.map(f).c_str()) == 0) out.print("Empty file " + f + " removed\n");
  }
  return status;
}

// restart: jail_setup, then stop and start, each on the variables as they
// were before.
int RcCommand::restart(const std::string& prefix, const std::vector<std::string>& extra, RcState state,
                       bool namesFromList) {
  Console& out = env_.console;
  if (!state.restartDone && !env_.vars.get("jail_setup").empty() && runShellHook(env_.vars.get("jail_setup")) != 0)
    out.warn("failed to setup jail");
  if (state.restartDone) return 0;
  state.restartDone = true;
  // Both halves run in subshells in rc.subr: neither sees what the other changed.
  Variables saved = env_.vars;
  run(prefix + "stop", extra, state, namesFromList);
  env_.vars = saved;
  int status = run(prefix + "start", extra, state, namesFromList);
  env_.vars = saved;
  return status != 0 && !state.force ? 1 : status;
}

int RcCommand::runBuiltin(const std::string& verb, const std::string& prefix, const std::vector<std::string>& extra,
                          RcState state, bool namesFromList) {
  Console& out = env_.console;
  const Handler handler = findVerb(verb)->handler;
  switch (handler) {
    case Handler::Describe:
      out.print("Manage system jails\n");
      return 0;
    case Handler::ExtraCommands:
      out.print("config console status\n");
      return 0;
    case Handler::Rcvar:
      out.print("# jail : Manage system jails\n#\njail_enable=\"" + env_.vars.get("jail_enable") +
                "\"\n#   (default: \"\")\n\n");
      return 0;
    case Handler::Poll:
      return 0;
    case Handler::Enable:
    case Handler::Disable:
      return setEnabled(handler == Handler::Enable);
    case Handler::Delete:
      return deleteEnabled();
    case Handler::Restart:
      return restart(prefix, extra, state, namesFromList);
    case Handler::Enabled:
    case Handler::Custom:
      break;
  }
  return 0;
}

}  // namespace rcjail
