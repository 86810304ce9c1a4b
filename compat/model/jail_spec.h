// One jail's parameters, checked and sorted into what jail(8) acts on: the
// commands of each phase, the mounts, the interface addresses, the user and
// timeout settings, and the kernel parameters the registry records.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "jail_conf.h"
#include "jail_record.h"

namespace rcjail::compat {

// The exec.* lists (and command) in FreeBSD's order of appearance.
enum class Hook { Prepare, Prestart, Created, Start, Command, Poststart, Prestop, Stop, Poststop, Release };
inline constexpr size_t kHookCount = 10;
const char* hookParamName(Hook hook);
// exec.start, command and exec.stop run inside the jail; the rest on the host.
bool hookRunsInJail(Hook hook);

// An ip4.addr / ip6.addr entry that jail(8) adds to an interface
// ("IF|ADDR/MASK extra words", or a bare ADDR with `interface` set).
struct InterfaceAddress {
  bool inet6 = false;
  std::string interface;
  std::string address;  // canonical text
  int prefixLength = 32;
  std::string broadcast;  // from "broadcast X", else empty
};

struct JailSpec {
  std::string configName;  // the jail.conf block name; messages carry it. "" on the command line
  std::string name;        // the name parameter; "" leaves it to the jid
  std::optional<int> jid;  // a requested jid
  std::string path;
  bool vnet = false;
  std::vector<std::string> vnetInterfaces;
  std::vector<InterfaceAddress> ip4Aliases;
  std::vector<InterfaceAddress> ip6Aliases;
  std::vector<std::string> mountLines;  // `mount` values
  std::vector<std::string> fstabFiles;  // mount.fstab values
  bool mountDevfs = false;
  bool mountFdescfs = false;
  bool mountProcfs = false;
  std::string devfsRuleset = "4";  // what jail(8) passes to devfs when unset
  std::array<std::vector<std::string>, kHookCount> hooks;
  bool commandIsArgv = false;  // command-line style: `command` values are one argv
  bool execClean = false;
  std::string jailUser;     // "" runs in-jail commands as the invoking user
  bool systemJailUser = false;
  std::string systemUser;   // for host commands
  int execTimeout = 0;      // seconds; 0: none
  std::string consoleLog;
  std::optional<int> stopTimeout;  // unset: 10 s
  std::optional<int> fib;          // exec.fib: Linux has no FIBs, so it is only noted
  bool persist = false;
  bool allowDying = false;
  std::vector<std::string> depend;
  std::vector<std::string> zfsDatasets;
  std::vector<RecordedParam> kernelParams;  // as given, canonical values
  std::vector<JailConfParam> listed;        // every parameter as given (-J, -e)
  std::vector<std::string> loadErrors;      // the parser's: printed for every jail when the file loads
  std::vector<std::string> errors;          // the jail fails with these when it is processed

  const std::vector<std::string>& hook(Hook h) const { return hooks[static_cast<size_t>(h)]; }
  // The prefix of every message about the jail: "NAME: " or "".
  std::string messagePrefix() const { return configName.empty() ? "" : configName + ": "; }
  // The name to look a running jail up by: name, else jid, else the block name.
  std::string lookupName() const;
};

// `fromConfigFile`: the jail comes from jail.conf (its `command` values are
// command strings, its path must be absolute).
JailSpec buildJailSpec(const JailConfJail& jail, bool fromConfigFile);

// Facts of the host that fill in defaults at creation.
struct HostFacts {
  std::string hostname;
  std::string domainname;
  std::string osrelease;
};

// The registry record of a new jail: every kernel parameter in table order,
// given values first, defaults for the rest; and its vnet.interface list.
JailRecord recordForNewJail(const JailSpec& spec, int jid, const HostFacts& host);

// "p1=v1 p2 nop3 ..." for the -v jail_set(JAIL_CREATE) line.
std::string describeKernelParams(const std::vector<RecordedParam>& params);

// One -J / -e line: "jid=N" (when jid > 0) then each listed parameter,
// `name` or `name=v1,v2`, joined by `separator`.
std::string describeForJidFile(const JailSpec& spec, int jid, const std::string& separator);
// The legacy form's -J line: jid, path, hostname, addresses, command.
std::string describeLegacyForJidFile(const JailSpec& spec, int jid, const std::string& separator);

}  // namespace rcjail::compat
