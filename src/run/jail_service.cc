// start, stop, config, console and status as rc.d/jail runs them.
#include "jail_service.h"

#include <algorithm>
#include <sstream>

#include "atomic_file.h"
#include "jail_console.h"
#include "jail_names.h"
#include "running_jail.h"
#include "text_fields.h"
#include "timestamp.h"

namespace rcjail {

namespace {

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// `echo $value`: the fields joined by single spaces, and a newline.
std::string echoUnquoted(const std::string& value) {
  std::string out;
  for (const std::string& f : splitFields(value)) out += (out.empty() ? "" : " ") + f;
  return out + "\n";
}

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// `read a b`: the first field, and the rest without surrounding blanks.
std::pair<std::string, std::string> readTwoFields(const std::string& line) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  size_t i = 0;
  while (i < line.size() && blank(line[i])) ++i;
  size_t start = i;
  while (i < line.size() && !blank(line[i])) ++i;
  std::string first = line.substr(start, i - start);
  while (i < line.size() && blank(line[i])) ++i;
  size_t end = line.size();
  while (end > i && blank(line[end - 1])) --end;
  return {first, line.substr(i, end - i)};
}

}  // namespace

std::vector<std::string> reversed(std::vector<std::string> names) {
  std::reverse(names.begin(), names.end());
  return names;
}

JailService::JailService(ServiceEnvironment env) : env_(env), quirks_(quirksFrom(env.vars)), host_(hostFeatures(env.system)) {}

std::string JailService::timestamp() const { return localTimestamp(env_.now()); }

std::string JailService::varRun(const std::string& file) const { return env_.root.map("/var/run/" + file); }

bool JailService::checkYesNo(const std::string& name) {
  std::vector<Message> messages;
  bool yes = rcjail::checkYesNo(name, env_.vars.get(name), messages);
  env_.console.emit(messages);
  return yes;
}

SettingsEnvironment JailService::settingsEnvironment() {
  return {env_.root, quirks_, timestamp(), host_.hasVimage, host_.dadCount, host_.jailConfGrammar};
}

std::optional<JailSettings> JailService::parseOptions(const std::string& name) {
  SettingsResult r = resolveJailSettings(env_.vars, name, settingsEnvironment());
  env_.console.emit(r.messages);
  // Stock resets _confwarn for every jail parsed (quirk 8); fix H keeps it.
  obsoleteWarning_ = quirks_ == Quirks::Stock ? r.obsoleteWarning : (obsoleteWarning_ || r.obsoleteWarning);
  if (!r.settings) return std::nullopt;
  if (r.settings->rcConfStyle() && !writeGeneratedConfig(*r.settings)) return std::nullopt;
  return r.settings;
}

bool JailService::writeGeneratedConfig(const JailSettings& s) {
  std::string error = writeFileAtomically(env_.root.map(s.configFile), s.generatedText, 0644,
                                          FileOwner{0, 0}, false);
  if (error.empty()) return true;
  env_.console.warn("cannot write " + s.configFile + ": " + error + ".  Jail " + s.name + " was ignored.");
  return false;
}

void JailService::writeJidFile(const std::string& name, const std::string& jid) {
  std::string error = writeFileAtomically(varRun("jail_" + name + ".id"), echoUnquoted(jid),
                                          defaultFileMode(), std::nullopt, false);
  if (!error.empty()) env_.console.warn("cannot write /var/run/jail_" + name + ".id: " + error + ".");
}

void JailService::removeJidFile(const std::string& name) { unlink(varRun("jail_" + name + ".id").c_str()); }

bool JailService::isRunning(const std::string& name) {
  RunRequest r{concat(splitFields(env_.vars.get("jail_jls")), {"-j", name})};
  r.output = OutputMode::Discard;
  return env_.system.run(r).status == 0;
}

std::vector<std::string> JailService::startCommand(const JailSettings& s) const {
  return namedStartCommand(env_.vars, s, quirks_);
}

void JailService::report(const std::string& jail, const char* verb, JailResult result, const std::string& output,
                         std::chrono::milliseconds duration) {
  if (env_.outcomes) env_.outcomes->jailFinished({jail, verb, result, duration, output});
}

std::string JailService::startedBefore(const std::string& name, const std::string& path) const {
  // Started by rcjail: its id file says so, or the run before was killed
  // between jail(8) and the id file. A jail started some other way keeps
  // stock's failure, and nothing more is run for it.
  const std::optional<std::string> jidFile = readJidFile(env_.root, name);
  if (quirks_ != Quirks::Fixed || path.empty() || (!env_.afterKilledRun && !jidFile)) return "";
  std::optional<RunningJail> running = findRunningJail(env_.system, env_.vars, name);
  if (!running || !samePath(path, running->path)) return "";
  return env_.afterKilledRun || jidFile == running->jid ? running->jid : "";
}

void JailService::removeStaleRunFiles(std::vector<std::string> keep, bool askJls) {
  if (quirks_ == Quirks::Fixed) rcjail::removeStaleRunFiles(env_.root, env_.system, env_.vars, std::move(keep), askJls);
}

RunRequest JailService::jidLookup(const std::string& name) const {
  RunRequest jls{concat(splitFields(env_.vars.get("jail_jls")), {"-j", name, "jid"})};
  jls.output = OutputMode::StdoutOnly;
  return jls;
}

void JailService::startOne(const Prepared& p, const RunResult& result, std::chrono::milliseconds duration,
                           std::unique_ptr<RunningProcess> lookup) {
  Console& out = env_.console;
  if (!result.ok()) {
    if (std::string jid = startedBefore(p.settings.name, configuredPath(env_.root, p.settings)); !jid.empty()) {
      out.startmsg(" " + p.settings.displayName() + " (already running)");
      writeJidFile(p.settings.name, jid);
      report(p.settings.name, "start", JailResult::Ok, result.output, duration);
      return;
    }
  }
  if (result.ok()) {
    out.startmsg(" " + p.settings.displayName());
    out.flush();
    if (!lookup) lookup = env_.system.start(jidLookup(p.settings.name));
    writeJidFile(p.settings.name, lookup->wait().output);
    report(p.settings.name, "start", JailResult::Ok, result.output, duration);
    return;
  }
  failed_ = true;
  report(p.settings.name, "start", result.timedOut ? JailResult::TimedOut : JailResult::Failed, result.output,
         duration);
  out.startmsg(" cannot start jail  \"" + p.settings.displayName() + "\": \n");
  out.print(result.output);
}

int JailService::finishStart() {
  bool printed = env_.console.startmsg(".\n");
  // Stock returns the status of its last startmsg (quirk 7); fix G does not.
  return quirks_ == Quirks::Stock && !printed ? 1 : 0;
}

int JailService::start(const std::vector<std::string>& names) {
  if (names.empty()) return 0;
  if (orderingKnobsSet(env_.vars)) return driveStart(names);
  env_.console.startmsg("Starting jails:");
  if (names[0] == "_ALL") return startAll();
  bool parallel = checkYesNo("jail_parallel_start");
  std::vector<std::pair<Prepared, std::unique_ptr<RunningProcess>>> running;
  const auto spawned = Clock::now();
  for (size_t i = 0; i < names.size(); ++i) {
    if (interrupted()) {
      for (size_t j = i; j < names.size(); ++j) report(jailName(names[j]), "start", JailResult::Skipped, "");
      break;
    }
    std::optional<JailSettings> s = parseOptions(jailName(names[i]));
    if (!s) continue;
    Prepared p{*s, startCommand(*s)};
    RunRequest request{p.command};
    env_.console.flush();
    if (parallel) {
      running.emplace_back(std::move(p), env_.system.start(request));
    } else {
      const auto started = Clock::now();
      RunResult result = env_.system.run(request);
      startOne(p, result, since(started));
    }
  }
  // As stock's background subshells do, each started jail's jls runs as soon
  // as its jail(8) is done, beside the others; the lines come in list order.
  std::vector<RunResult> results;
  std::vector<std::chrono::milliseconds> durations;
  std::vector<std::unique_ptr<RunningProcess>> lookups;
  for (auto& [p, process] : running) {
    results.push_back(process->wait());
    durations.push_back(since(spawned));
    lookups.push_back(results.back().ok() ? env_.system.start(jidLookup(p.settings.name)) : nullptr);
  }
  for (size_t i = 0; i < running.size(); ++i)
    startOne(running[i].first, results[i], durations[i], std::move(lookups[i]));
  return finishStart();
}

int JailService::startAll() {
  const Variables& v = env_.vars;
  std::vector<std::string> argv = concat(splitFields(v.get("jail_program")), splitFields(v.get("jail_flags")));
  argv.push_back("-f");
  argv = concat(argv, splitFields(v.get("jail_conf")));
  argv.push_back("-c");
  if (!checkYesNo("jail_parallel_start")) argv.push_back("-p1");
  RunRequest request{argv};
  request.stdinFromDevNull = false;
  env_.console.flush();
  const auto started = Clock::now();
  RunResult result = env_.system.run(request);
  const auto duration = since(started);
  if (result.ok() || quirks_ == Quirks::Fixed) {
    RunRequest jls{concat(splitFields(v.get("jail_jls")), {"jid", "name"})};
    jls.output = OutputMode::StdoutOnly;
    for (const std::string& line : lines(env_.system.run(jls).output)) {
      auto [id, name] = readTwoFields(line);
      env_.console.startmsg(" " + name);
      writeJidFile(name, id);
      report(name, "start", JailResult::Ok, result.output, duration);
    }
  }
  if (!result.ok()) {
    failed_ = true;
    if (quirks_ == Quirks::Fixed) env_.console.startmsg("\n");
    env_.console.print(result.output);
  }
  return finishStart();
}

int JailService::stop(const std::vector<std::string>& names) {
  if (names.empty()) return 0;
  if (orderingKnobsSet(env_.vars)) return driveStop(names);
  Console& out = env_.console;
  out.print("Stopping jails:");
  if (names[0] == "_ALL") return stopAll();
  std::vector<std::string> order = checkYesNo("jail_reverse_stop") ? reversed(names) : names;
  for (const std::string& given : order) {
    if (interrupted()) break;
    std::optional<JailSettings> s = parseOptions(jailName(given));
    if (!s) continue;
    if (!isRunning(s->name)) {
      // Gone already (a killed run stopped it): its id file goes too.
      if (quirks_ == Quirks::Fixed) removeJidFile(s->name);
      continue;
    }
    out.print(" " + s->displayName());
    RunRequest request{namedStopCommand(env_.vars, *s)};
    request.stdinFromDevNull = false;
    out.flush();
    const auto started = Clock::now();
    RunResult result = env_.system.run(request);
    if (isRunning(s->name)) {
      failed_ = true;
      if (quirks_ == Quirks::Fixed) out.print("\n");
      out.print(result.output);
      report(s->name, "stop", JailResult::Failed, result.output, since(started));
    } else {
      removeJidFile(s->name);
      report(s->name, "stop", JailResult::Ok, result.output, since(started));
    }
  }
  if (!interrupted()) removeStaleRunFiles(stillConfigured(names), true);
  out.print(".\n");
  return quirks_ == Quirks::Fixed && failed_ ? 1 : 0;
}

// The jails whose /var/run files a stop of `names` keeps besides those that
// run: those and the jails of jail_list.
std::vector<std::string> JailService::stillConfigured(const std::vector<std::string>& names) const {
  std::vector<std::string> keep;
  for (const std::string& name : names) keep.push_back(jailName(name));
  for (const std::string& name : splitFields(env_.vars.get("jail_list"))) keep.push_back(jailName(name));
  return keep;
}

int JailService::stopAll() {
  const Variables& v = env_.vars;
  Console& out = env_.console;
  RunRequest jls{concat(splitFields(v.get("jail_jls")), {"name"})};
  jls.output = OutputMode::StdoutOnly;
  out.flush();
  std::vector<std::string> running = lines(env_.system.run(jls).output);
  if (checkYesNo("jail_reverse_stop")) running = reversed(running);
  std::vector<std::string> names;
  for (const std::string& line : running) names.push_back(readTwoFields(line).first);
  if (!interrupted()) removeStaleRunFiles(names, false);
  for (const std::string& line : running) {
    if (interrupted()) break;
    std::string name = readTwoFields(line).first;
    out.print(" " + name);
    std::vector<std::string> argv = concat(splitFields(v.get("jail_program")), splitFields(v.get("jail_flags")));
    argv.push_back("-f");
    argv = concat(argv, splitFields(v.get("jail_conf")));
    argv.insert(argv.end(), {"-r", name});
    RunRequest request{argv};
    request.stdinFromDevNull = false;
    out.flush();
    const auto started = Clock::now();
    RunResult result = env_.system.run(request);
    if (isRunning(name)) {
      failed_ = true;
      if (quirks_ == Quirks::Fixed) out.print("\n");
      out.print(result.output);
      report(name, "stop", JailResult::Failed, result.output, since(started));
    } else {
      removeJidFile(name);
      report(name, "stop", JailResult::Ok, result.output, since(started));
    }
  }
  out.print(".\n");
  return quirks_ == Quirks::Fixed && failed_ ? 1 : 0;
}

int JailService::config(const std::vector<std::string>& names) {
  if (names.empty() || names[0] == "_ALL") return 0;
  for (const std::string& given : names) {
    std::string name = jailName(given);
    if (std::optional<JailSettings> s = parseOptions(name))
      env_.console.print(name + ": parameters are in " + s->configFile + ".\n");
  }
  return 0;
}

int JailService::console(const std::vector<std::string>& args) {
  if (args.empty() || (args.size() == 1 && args[0] == "_ALL")) {
    env_.console.error("Specify a jail name.");
    throw RcExit{3};
  }
  const bool fixed = quirks_ == Quirks::Fixed;
  if (fixed && args[0].empty()) {
    env_.console.error("Specify a jail name: the name given is empty.");
    throw RcExit{3};
  }
  std::string name = jailName(args[0]);
  std::vector<std::string> command;
  if (args.size() == 1) {
    std::string cmd = env_.vars.get(jailVariable(variableName(args[0]), "consolecmd"));
    command = splitFields(cmd.empty() ? env_.vars.get("jail_consolecmd") : cmd);
  } else if (fixed) {
    command.assign(args.begin() + 1, args.end());  // as given: no second splitting
  } else {
    for (size_t i = 1; i < args.size(); ++i) command = concat(command, splitFields(args[i]));
  }
  RunRequest request{concat(concat(splitFields(env_.vars.get("jail_jexec")), {name}), command)};
  request.output = OutputMode::Inherit;
  request.stdinFromDevNull = false;
  env_.console.flush();
  const int status = env_.system.run(request).status;
  // jexec's own execvp error does not say what to do about it.
  if (const std::string missing = fixed && status != 0 && args.size() == 1
                                      ? missingConsoleProgram(env_.system, env_.vars, name, command)
                                      : "";
      !missing.empty())
    env_.console.error(missing + ".");
  return status;
}

int JailService::status() {
  RunRequest request{concat(splitFields(env_.vars.get("jail_jls")), {"-N"})};
  request.output = OutputMode::Inherit;
  request.stdinFromDevNull = false;
  env_.console.flush();
  return env_.system.run(request).status;
}

int JailService::warnObsolete() {
  if (obsoleteWarning_)
    env_.console.warn("Per-jail configuration via jail_* variables  is obsolete.  Please consider migrating to " +
                      env_.vars.get("jail_conf") + ".");
  return quirks_ == Quirks::Fixed && failed_ ? 1 : 0;
}

}  // namespace rcjail
