// The steps of creating and removing one jail, in FreeBSD's order
// (jail.c startcommands[] / stopcommands[]), flattened to one list per
// operation, and what undoes each step when a creation fails.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fstab_entry.h"
#include "jail_spec.h"

namespace rcjail::compat {

enum class StepKind {
  HostCommand,      // an exec.* command on the host
  JailCommand,      // exec.start, command, exec.stop inside the jail
  AddAddress,       // an ip4.addr/ip6.addr entry with an interface, added (as `ip addr add`)
  RemoveAddress,    // and removed (as `ip addr del`)
  SpawnHolder,      // the namespaces and the init that keeps them
  Mount,            // one mount inside the jail's mount namespace
  Create,           // enter the root, register, print the jid and "created"
  MoveInterface,    // vnet.interface, moved into the jail (as `ip link set IF netns PID`)
  ReturnInterface,  // hand a vnet.interface back before the namespace goes
  ClearPersist,     // the end of creation: drop the temporary persist
  Terminate,        // SIGTERM to the jail's processes, wait up to stop.timeout
  Remove,           // SIGKILL what is left, unregister, print "removed"
  KillHolder,       // undo of SpawnHolder: the namespaces go with the init
  Fail,             // a step that fails at once with `message` (bad fstab line, ...)
};

struct Step {
  StepKind kind;
  std::string param;              // the parameter it comes from, for messages
  std::string command;            // HostCommand/JailCommand: the command string
  std::vector<std::string> argv;  // the argv when there is no string (command-line `command`, ip)
  InterfaceAddress address;       // Add/RemoveAddress; argv is the ip(8) command that does the same
  MountEntry mount;               // Mount
  std::string interface;          // Move/ReturnInterface
  std::string message;            // Fail
};

// Reads a mount.fstab file; nullopt with `error` set (strerror) when it cannot.
using FileReader = std::function<std::optional<std::string>(const std::string& path, std::string& error)>;

std::vector<Step> createSteps(const JailSpec& spec, const FileReader& readFile);
// `moved`: the interfaces the jail's record says it was given. They are
// handed back after those the configuration names, as FreeBSD's kernel
// returns every interface when it destroys the jail's vnet.
std::vector<Step> removeSteps(const JailSpec& spec, const std::vector<std::string>& moved);

// The step that undoes `done` when a later step of the creation fails;
// nullopt for steps that need no undoing or that jail(8) skips then.
std::optional<Step> undoStep(const Step& done);

// ip(8) argv for adding or removing one interface address.
std::vector<std::string> addressCommand(const InterfaceAddress& address, bool add);

}  // namespace rcjail::compat
