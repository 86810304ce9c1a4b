// The steps of jail(8), one by one.
#include "jail_step_executor.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

#include "command_launcher.h"
#include "interface_mover.h"
#include "jail_kernel_params.h"
#include "jail_privileges.h"
#include "jail_restrictions.h"
#include "linux_mounts.h"
#include "linux_namespaces.h"
#include "network_confinement.h"

namespace rcjail::compat {
namespace {

std::string givenValue(const JailSpec& spec, const std::string& name) {
  for (const RecordedParam& p : spec.kernelParams)
    if (p.name == name && !p.values.empty()) return p.values.front();
  return {};
}

bool hasLaterCommands(const JailSpec& spec) {
  return !spec.hook(Hook::Start).empty() || !spec.hook(Hook::Command).empty() || !spec.hook(Hook::Poststart).empty();
}

std::string joinPids(const std::vector<pid_t>& pids) {
  std::string text;
  for (pid_t pid : pids) text += " " + std::to_string(pid);
  return text;
}

// Why the jail's path cannot be its root; empty when it can or is not set.
std::string pathProblem(const JailSpec& spec) {
  if (spec.path.empty()) return {};
  if (!spec.configName.empty() && spec.path[0] != '/') return "path " + spec.path + ": not an absolute pathname";
  struct stat st{};
  const int problem = stat(spec.path.c_str(), &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  return problem != 0 ? "path " + spec.path + ": " + std::strerror(problem) : std::string();
}

// Prints why the step failed.
StepOutcome warned(JailReporter& reporter, const JailSpec& spec, const std::string& message) {
  reporter.warn(spec, message);
  return StepOutcome::Failed;
}

}  // namespace

StepExecutor::StepExecutor(const JailRegistry& registry, JailReporter& reporter, ExecutorSettings settings)
    : registry_(registry), reporter_(reporter), settings_(std::move(settings)) {}

const JailInit* StepExecutor::initOf(JailTask& task, std::string& error) const {
  if (task.holder) return &task.holder->init();
  if (task.init) return task.init.get();
  if (task.running) task.init = JailInit::open(*task.running, error);
  else error = std::strerror(ESRCH);
  return task.init.get();
}

StepOutcome StepExecutor::run(JailTask& task, const Step& step, bool slotFree) {
  switch (step.kind) {
    case StepKind::HostCommand:
    case StepKind::JailCommand:
      return runCommand(task, step, slotFree);
    case StepKind::AddAddress:
    case StepKind::RemoveAddress:
      return slotFree ? changeAddress(task, step) : StepOutcome::NeedSlot;
    case StepKind::MoveInterface:
    case StepKind::ReturnInterface:
      return slotFree ? moveInterface(task, step) : StepOutcome::NeedSlot;
    case StepKind::SpawnHolder:
      return spawnHolder(task);
    case StepKind::Mount:
      // FreeBSD runs mount(8) for this, which takes a -p slot; the order of
      // jails under -p1 depends on it.
      return slotFree ? mount(task, step) : StepOutcome::NeedSlot;
    case StepKind::Create:
      return create(task);
    case StepKind::ClearPersist:
      return clearPersist(task);
    case StepKind::Terminate:
      return terminate(task);
    case StepKind::Remove:
      return remove(task);
    case StepKind::KillHolder:
      if (task.holder) killConfinedJail(task.holder->init());
      task.holder.reset();
      return StepOutcome::Done;
    case StepKind::Fail:
      reporter_.warn(task.spec, step.message);
      return StepOutcome::Failed;
  }
  return StepOutcome::Failed;
}

StepOutcome StepExecutor::runCommand(JailTask& task, const Step& step, bool slotFree) {
  const JailSpec& spec = task.spec;
  LaunchSpec launch;
  launch.command = step.argv.empty() ? commandFromString(step.command) : commandFromArgv(step.argv);
  if (launch.command.argv.empty()) return StepOutcome::Done;
  if (!launch.command.background && !slotFree) return StepOutcome::NeedSlot;
  launch.inJail = step.kind == StepKind::JailCommand;
  std::string initError;
  if (launch.inJail) launch.jail = initOf(task, initError);
  if (launch.inJail && task.running) {
    launch.privileges = jailPrivileges(*task.running);
    (void)prepareJailFilter(*launch.privileges);  // a failure is the command's to report
  }
  launch.user = launch.inJail ? spec.jailUser : spec.systemUser;
  launch.userFromHost = spec.systemJailUser;
  launch.clean = launch.chdirHome = spec.execClean;
  launch.errorPrefix = "jail: " + spec.messagePrefix();
  if (!launch.inJail) {
    if (task.jid > 0) launch.environment.emplace_back("JID", std::to_string(task.jid));
    launch.environment.emplace_back("JNAME", spec.name.empty() && task.jid > 0 ? std::to_string(task.jid) : spec.name);
    launch.environment.emplace_back("JPATH", spec.path);
  }
  if (launch.inJail && !launch.jail) return warned(reporter_, spec, "jail_attach: " + initError);
  if (launch.inJail && !spec.consoleLog.empty()) {
    const std::string problem = checkJailPathComponent("exec.consolelog", spec.consoleLog, spec.path, true);
    if (!problem.empty()) return warned(reporter_, spec, problem);
    launch.outputFd = open(spec.consoleLog.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
    if (launch.outputFd < 0) return warned(reporter_, spec, "open " + spec.consoleLog + ": " + std::strerror(errno));
  }
  const std::string text = launch.command.text();
  if (reporter_.verbose() > 0)
    reporter_.note(spec, std::string("run command") + (launch.inJail ? " in jail" : "") +
                             (launch.user.empty() ? "" : " as " + launch.user) + ": " + text);
  const pid_t pid = launchCommand(launch);
  if (launch.outputFd >= 0) close(launch.outputFd);
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (launch.command.background) return StepOutcome::Done;
  RunningCommand running;
  running.pid = pid;
  running.text = text;
  if (spec.execTimeout > 0) running.deadline = Clock::now() + std::chrono::seconds(spec.execTimeout);
  task.command = running;
  return StepOutcome::Waiting;
}

// FreeBSD runs ifconfig for these, which takes a -p slot; here each is one
// netlink request, shown and reported as the ip(8) command that does the same.
StepOutcome StepExecutor::moveInterface(JailTask& task, const Step& step) {
  std::string error;
  const JailInit* init = initOf(task, error);
  if (step.kind == StepKind::ReturnInterface) {
    // Back to jail(8)'s network namespace, as the init does when the jail ends by itself.
    if (init && !(error = returnInterface(*init, step.interface)).empty()) reporter_.warn(task.spec, error);
    return StepOutcome::Done;
  }
  // The init is jail(8)'s own holder here, alive while it is being created.
  if (!init) return warned(reporter_, task.spec, error);
  const std::vector<std::string> argv{"ip", "link", "set", step.interface, "netns", std::to_string(init->pid())};
  return asCommand(task, argv, [&] { return giveInterface(*init, step.interface); });
}

StepOutcome StepExecutor::changeAddress(JailTask& task, const Step& step) {
  return asCommand(task, step.argv,
                   [&] { return changeInterfaceAddress(step.address, step.kind == StepKind::AddAddress); });
}

StepOutcome StepExecutor::asCommand(JailTask& task, const std::vector<std::string>& argv,
                                    const std::function<std::string()>& action) {
  const std::string text = commandFromArgv(argv).text();
  if (reporter_.verbose() > 0) reporter_.note(task.spec, "run command: " + text);
  const std::string error = action();
  if (error.empty()) return StepOutcome::Done;
  reporter_.errorLine(error);
  reporter_.warn(task.spec, text + ": failed");
  return StepOutcome::Failed;
}

StepOutcome StepExecutor::spawnHolder(JailTask& task) {
  // Checked again when the jail is registered; here first, so that a jail
  // that may not make jails fails as on FreeBSD, not on its restrictions.
  // Outside a jail nothing limits it; only inside is every jail counted.
  const bool insideJail = registry_.current().has_value();
  if (insideJail)
    if (std::string refused = childLimitError(registry_.view()); !refused.empty())
      return warned(reporter_, task.spec, refused);
  const JailRecord newJail = recordForNewJail(task.spec, 0, HostFacts{});
  const JailPrivileges privileges = jailPrivileges(newJail);
  // Made before the init and the commands are forked, which then share it.
  std::string error = prepareJailFilter(privileges);
  if (error.empty()) task.holder = JailHolder::spawn(task.spec.vnet, privileges.setHostname, task.spec.persist, error);
  if (task.holder) error = confineNewJail(task.holder->init(), newJail);
  if (error.empty()) return StepOutcome::Done;
  if (task.holder) killJail(task.holder->init());
  task.holder.reset();
  return warned(reporter_, task.spec, error);
}

StepOutcome StepExecutor::mount(JailTask& task, const Step& step) {
  const std::string text = mountCommandText(step.mount);
  if (reporter_.verbose() > 0) reporter_.note(task.spec, "run command: " + text);
  MountReply reply = task.holder->mount(step.param, step.mount, task.spec.path);
  switch (reply.outcome) {
    case MountReply::Outcome::Mounted:
      return StepOutcome::Done;
    case MountReply::Outcome::Refused:
      reporter_.warn(task.spec, reply.message);
      return StepOutcome::Failed;
    case MountReply::Outcome::Failed:
      reporter_.errorLine(reply.message);
      reporter_.warn(task.spec, text + ": failed");
      return StepOutcome::Failed;
  }
  return StepOutcome::Failed;
}

StepOutcome StepExecutor::create(JailTask& task) {
  const JailSpec& spec = task.spec;
  if (std::string problem = pathProblem(spec); !problem.empty()) return warned(reporter_, spec, problem);
  JailRegistry::Lock lock = registry_.lock();
  const RegistryView view = registry_.removeStale(lock);
  if (std::string refused = childLimitError(view); !refused.empty()) return warned(reporter_, spec, refused);
  if (!spec.name.empty() && std::any_of(view.visible.begin(), view.visible.end(),
                                        [&spec](const JailRecord& r) { return r.name() == spec.name; }))
    return warned(reporter_, spec, "jail \"" + spec.name + "\" already exists");
  if (spec.jid && registry_.jidTaken(*spec.jid))
    return warned(reporter_, spec, "jail " + std::to_string(*spec.jid) + " already exists");
  const int jid = spec.jid && *spec.jid > 0 ? *spec.jid : registry_.allocateJid(lock);
  std::string hostname = givenValue(spec, "host.hostname");
  if (hostname.empty()) hostname = settings_.host.hostname;
  JailRecord record = recordForNewJail(spec, jid, settings_.host);
  record.initPid = task.holder->pid();
  record.initStartTime = task.holder->startTime();
  record.jailNamespace = task.holder->init().pidNamespace();
  record.ownerNamespace = registry_.caller();
  record.parentJid = view.current ? view.current->jid : 0;
  const std::string error = task.holder->enterRoot(spec.path.empty() ? "/" : spec.path, hostname,
                                                   givenValue(spec, "host.domainname"), spec.vnet, record,
                                                   spec.vnetInterfaces);
  if (!error.empty()) return warned(reporter_, spec, error);
  task.forcedPersist = !spec.persist && hasLaterCommands(spec);
  if (reporter_.verbose() > 0) {
    std::vector<RecordedParam> sent;
    if (!spec.name.empty()) sent.push_back({"name", {spec.name}});
    for (const RecordedParam& p : spec.kernelParams)
      if (!(task.forcedPersist && p.name == "persist")) sent.push_back(p);
    if (task.forcedPersist) sent.push_back({"persist", {"true"}});
    reporter_.note(spec, "jail_set(JAIL_CREATE) " + describeKernelParams(sent));
  }
  registry_.write(record);
  task.running = record;
  task.jid = jid;
  if (settings_.printJid) reporter_.line(std::to_string(jid));
  if (reporter_.verbose() >= 0 && (!spec.configName.empty() || reporter_.verbose() > 0))
    reporter_.note(spec, "created");
  task.jailCreated = true;
  return StepOutcome::Done;
}

StepOutcome StepExecutor::clearPersist(JailTask& task) {
  if (task.forcedPersist && reporter_.verbose() > 0)
    reporter_.note(task.spec, "jail_set(JAIL_UPDATE) jid=" + std::to_string(task.jid) + " nopersist");
  task.forcedPersist = false;
  if (task.holder) {
    task.holder->release(task.spec.persist);
    // A jail without persist whose commands have all ended is gone now, as on
    // FreeBSD; wait for its init so that it is also gone from the registry.
    if (!task.spec.persist && task.holder->init().processes().empty() && task.holder->init().waitGone(2000)) {
      registry_.remove(task.jid);
      task.running.reset();
    }
  }
  task.holder.reset();
  if (settings_.jidFile) {
    *settings_.jidFile << (settings_.legacyStyle ? describeLegacyForJidFile(task.spec, task.jid, settings_.separator)
                                                 : describeForJidFile(task.spec, task.jid, settings_.separator))
                       << '\n'
                       << std::flush;
  }
  return StepOutcome::Done;
}

StepOutcome StepExecutor::terminate(JailTask& task) {
  const int timeout = task.spec.stopTimeout.value_or(10);
  if (timeout == 0 || !task.running) return StepOutcome::Done;
  std::string error;
  const JailInit* init = initOf(task, error);
  if (!init) return warned(reporter_, task.spec, "jail_remove: " + error);
  // Only -v, which names them, walks /proc. The init sends the SIGTERM from
  // inside (no pid read from outside is signalled) and ends once it is alone.
  std::vector<pid_t> members;
  if (reporter_.verbose() > 0 && (members = init->processes()).empty()) return StepOutcome::Done;
  if (error = requestStop(*init); !error.empty()) return warned(reporter_, task.spec, "jail_remove: " + error);
  if (reporter_.verbose() > 0) reporter_.note(task.spec, "sent SIGTERM to:" + joinPids(members));
  task.terminateDeadline = Clock::now() + std::chrono::seconds(timeout);
  return StepOutcome::Waiting;
}

bool StepExecutor::terminateFinished(JailTask& task) {
  if (!task.running || !task.init || !task.init->alive() || task.init->processes().empty()) return true;
  if (Clock::now() < *task.terminateDeadline) return false;
  if (reporter_.verbose() > 0) reporter_.note(task.spec, "timed out");
  return true;
}

StepOutcome StepExecutor::remove(JailTask& task) {
  if (task.running || task.holder) {
    std::string error;
    const JailInit* init = initOf(task, error);
    if (!init) return warned(reporter_, task.spec, "jail_remove: " + error);
    if (task.running) removeDescendantJails(registry_, task.running->jid);
    if (error = killConfinedJail(*init); !error.empty()) return warned(reporter_, task.spec, "jail_remove: " + error);
  }
  if (task.running) registry_.remove(task.running->jid);
  const bool stopping = task.currentPhase() == Phase::Remove;
  if (reporter_.verbose() > 0 ||
      (reporter_.verbose() == 0 && (stopping ? settings_.noteRemove : !task.spec.configName.empty())))
    reporter_.note(task.spec, "removed");
  task.running.reset();
  task.holder.reset();
  task.init.reset();
  task.jailRemoved = true;
  return StepOutcome::Done;
}

bool StepExecutor::commandEnded(JailTask& task, int waitStatus) {
  const RunningCommand command = *task.command;
  task.command.reset();
  if (WIFEXITED(waitStatus) && WEXITSTATUS(waitStatus) == 0) return true;
  if (WIFSIGNALED(waitStatus))
    reporter_.warn(task.spec, command.text + ": exited on signal " + std::to_string(WTERMSIG(waitStatus)));
  else
    reporter_.warn(task.spec, command.text + ": failed");
  return false;
}

void StepExecutor::commandTimedOut(JailTask& task) {
  reporter_.warn(task.spec, task.command->text + ": timed out");
  task.command.reset();
}

ModifyOutcome StepExecutor::modify(JailTask& task) {
  JailRecord record = *task.running;
  std::vector<RecordedParam> changed;
  for (const RecordedParam& given : task.spec.kernelParams) {
    if (record.values(given.name) == given.values) continue;
    const KernelParam* param = findKernelParam(given.name);
    if (param && param->createOnly) {
      if (task.restartOnChange) return ModifyOutcome::NeedsRestart;
      reporter_.warn(task.spec, given.name + " cannot be changed after creation");
      return ModifyOutcome::Failed;
    }
    changed.push_back(given);
  }
  std::string error;
  const JailInit* init = changed.empty() ? nullptr : initOf(task, error);
  if (!changed.empty() && !init) {
    reporter_.warn(task.spec, "jail_set: " + error);
    return ModifyOutcome::Failed;
  }
  for (const RecordedParam& p : changed) {
    if (p.name == "host.hostname") error = runInsideJail(*init, [&] { return setHostname(p.values.front()); });
    if (p.name == "host.domainname")
      error = runInsideJail(*init, [&] { return setDomainname(p.values.front()); });
    if (p.name == "persist") error = signalPersist(*init, p.values.front() == "true");
    if (p.name == "ip4.addr" || p.name == "ip6.addr") error = updateJailNetwork(*init, record, p);
    if (!error.empty()) {
      reporter_.warn(task.spec, error);
      return ModifyOutcome::Failed;
    }
    record.set(p.name, p.values);
  }
  if (reporter_.verbose() > 0)
    reporter_.note(task.spec, "jail_set(JAIL_UPDATE) jid=" + std::to_string(record.jid) +
                                  (changed.empty() ? "" : " " + describeKernelParams(changed)));
  registry_.write(record);
  task.running = record;
  if (reporter_.verbose() >= 0 && (!task.spec.configName.empty() || reporter_.verbose() > 0))
    reporter_.note(task.spec, "updated");
  return ModifyOutcome::Updated;
}

}  // namespace rcjail::compat
