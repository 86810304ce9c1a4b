// The create and remove step lists.
#include "jail_steps.h"

#include <algorithm>

namespace rcjail::compat {
namespace {

Step hookStep(Hook hook, const std::string& command) {
  Step step{hookRunsInJail(hook) ? StepKind::JailCommand : StepKind::HostCommand, hookParamName(hook),
            command, {}, {}, {}, {}, {}};
  return step;
}

void addHook(std::vector<Step>& steps, const JailSpec& spec, Hook hook) {
  const std::vector<std::string>& commands = spec.hook(hook);
  if (hook == Hook::Command && spec.commandIsArgv) {
    // A command-line jail's `command` is one argv, run without a shell.
    if (commands.empty()) return;
    Step step = hookStep(hook, "");
    step.argv = commands;
    steps.push_back(std::move(step));
    return;
  }
  for (const std::string& command : commands)
    if (!command.empty()) steps.push_back(hookStep(hook, command));
}

Step simpleStep(StepKind kind, std::string param = {}) {
  return Step{kind, std::move(param), {}, {}, {}, {}, {}, {}};
}

Step failStep(std::string param, std::string message) {
  Step step = simpleStep(StepKind::Fail, std::move(param));
  step.message = std::move(message);
  return step;
}

void addMountLine(std::vector<Step>& steps, const std::string& param, const std::string& line) {
  FstabLine parsed = parseFstabLine(line);
  if (!parsed.error.empty()) {
    steps.push_back(failStep(param, param + ": " + line + ": " + parsed.error));
    return;
  }
  if (!parsed.entry) return;  // a blank line
  Step step = simpleStep(StepKind::Mount, param);
  step.mount = *parsed.entry;
  steps.push_back(std::move(step));
}

void addSpecialMount(std::vector<Step>& steps, const JailSpec& spec, const std::string& param,
                     const std::string& below, const std::string& type, const std::string& options) {
  if (spec.path.empty()) {
    steps.push_back(failStep(param, param + ": no jail root path defined"));
    return;
  }
  Step step = simpleStep(StepKind::Mount, param);
  step.mount = MountEntry{".", spec.path + below, type, options};
  steps.push_back(std::move(step));
}

void addAddresses(std::vector<Step>& steps, const std::vector<InterfaceAddress>& aliases, bool add) {
  for (const InterfaceAddress& alias : aliases) {
    Step step = simpleStep(add ? StepKind::AddAddress : StepKind::RemoveAddress,
                           alias.inet6 ? "ip6.addr" : "ip4.addr");
    step.argv = addressCommand(alias, add);
    step.address = alias;
    steps.push_back(std::move(step));
  }
}

}  // namespace

std::vector<std::string> addressCommand(const InterfaceAddress& address, bool add) {
  std::vector<std::string> argv{"ip", address.inet6 ? "-6" : "-4", "addr", add ? "add" : "del",
                                address.address + "/" + std::to_string(address.prefixLength), "dev",
                                address.interface};
  if (add && !address.broadcast.empty()) {
    argv.emplace_back("broadcast");
    argv.push_back(address.broadcast);
  }
  return argv;
}

std::vector<Step> createSteps(const JailSpec& spec, const FileReader& readFile) {
  std::vector<Step> steps;
  addHook(steps, spec, Hook::Prepare);
  addAddresses(steps, spec.ip4Aliases, true);
  addAddresses(steps, spec.ip6Aliases, true);
  // The namespaces come first so that every mount below lands in the jail's
  // own mount namespace and vanishes with it.
  steps.push_back(simpleStep(StepKind::SpawnHolder));
  for (const std::string& line : spec.mountLines) addMountLine(steps, "mount", line);
  for (const std::string& file : spec.fstabFiles) {
    std::string error;
    std::optional<std::string> text = readFile(file, error);
    if (!text) {
      steps.push_back(failStep("mount.fstab", "mount.fstab: " + file + ": " + error));
      continue;
    }
    for (const std::string& line : fstabFileLines(*text)) addMountLine(steps, "mount.fstab", line);
  }
  if (spec.mountDevfs) addSpecialMount(steps, spec, "mount.devfs", "/dev", "devfs", "ruleset=" + spec.devfsRuleset);
  if (spec.mountFdescfs) addSpecialMount(steps, spec, "mount.fdescfs", "/dev/fd", "fdescfs", "");
  if (spec.mountProcfs) addSpecialMount(steps, spec, "mount.procfs", "/proc", "procfs", "");
  addHook(steps, spec, Hook::Prestart);
  steps.push_back(simpleStep(StepKind::Create));
  addHook(steps, spec, Hook::Created);
  for (const std::string& interface : spec.vnetInterfaces) {
    Step step = simpleStep(StepKind::MoveInterface, "vnet.interface");
    step.interface = interface;
    steps.push_back(std::move(step));
  }
  addHook(steps, spec, Hook::Start);
  addHook(steps, spec, Hook::Command);
  addHook(steps, spec, Hook::Poststart);
  steps.push_back(simpleStep(StepKind::ClearPersist));
  return steps;
}

std::vector<Step> removeSteps(const JailSpec& spec, const std::vector<std::string>& moved) {
  std::vector<Step> steps;
  addHook(steps, spec, Hook::Prestop);
  addHook(steps, spec, Hook::Stop);
  std::vector<std::string> interfaces = spec.vnetInterfaces;
  for (const std::string& interface : moved)
    if (std::find(interfaces.begin(), interfaces.end(), interface) == interfaces.end())
      interfaces.push_back(interface);
  for (const std::string& interface : interfaces) {
    Step step = simpleStep(StepKind::ReturnInterface, "vnet.interface");
    step.interface = interface;
    steps.push_back(std::move(step));
  }
  steps.push_back(simpleStep(StepKind::Terminate, "stop.timeout"));
  steps.push_back(simpleStep(StepKind::Remove));
  addHook(steps, spec, Hook::Poststop);
  // Mounts need no undoing: they lived in the jail's mount namespace.
  std::vector<InterfaceAddress> ip6(spec.ip6Aliases.rbegin(), spec.ip6Aliases.rend());
  std::vector<InterfaceAddress> ip4(spec.ip4Aliases.rbegin(), spec.ip4Aliases.rend());
  addAddresses(steps, ip6, false);
  addAddresses(steps, ip4, false);
  addHook(steps, spec, Hook::Release);
  return steps;
}

std::optional<Step> undoStep(const Step& done) {
  switch (done.kind) {
    case StepKind::AddAddress: {
      Step undo = done;
      undo.kind = StepKind::RemoveAddress;
      undo.argv[3] = "del";
      undo.argv.resize(7);  // ifconfig -alias takes no extra words either
      return undo;
    }
    case StepKind::MoveInterface: {
      Step undo = done;
      undo.kind = StepKind::ReturnInterface;
      return undo;
    }
    case StepKind::SpawnHolder:
      return simpleStep(StepKind::KillHolder);
    case StepKind::Create:
      return simpleStep(StepKind::Remove);
    default:
      return std::nullopt;
  }
}

}  // namespace rcjail::compat
