// jls(8) for Linux: lists the jails of the registry.
#include <cstdlib>
#include <iostream>

#include "jail_identity.h"
#include "jail_privileges.h"
#include "jail_registry.h"
#include "jls_format.h"
#include "state_directory.h"

using namespace rcjail::compat;

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string stateError;
  const std::string stateDirectory = takeStateDirectory(args, stateError);
  if (!stateError.empty()) {
    std::cerr << "jls: " << stateError << '\n';
    return 1;
  }
  auto parsed = parseJlsCommandLine(args);
  if (std::holds_alternative<JlsUsageError>(parsed)) {
    std::cerr << "jls: usage: jls [-dhNnqv] [-j jail] [param ...]\n";
    return 1;
  }
  const JlsOptions& options = std::get<JlsOptions>(parsed);
  std::optional<JailRegistry> opened = openSystemRegistry(stateDirectory, stateError);
  if (!opened) {
    std::cerr << "jls: " << stateError << '\n';
    return 1;
  }
  const JailRegistry& registry = *opened;
  std::vector<JailRecord> jails;
  if (!options.jail.empty()) {
    std::optional<JailRecord> jail = registry.find(options.jail);
    if (!jail) {
      if (options.existsOnly) return 1;
      const bool byJid = options.jail.find_first_not_of("0123456789") == std::string::npos &&
                         std::strtol(options.jail.c_str(), nullptr, 10) != 0;
      std::cerr << "jls: jail " << (byJid ? options.jail : "\"" + options.jail + "\"") << " not found\n";
      return 1;
    }
    jails.push_back(*jail);
  } else {
    jails = registry.list();
  }
  // A jail whose root may set its names shows the ones it has now, as
  // FreeBSD's jls does; they are asked only when the output shows them
  // (rcjail's many `jls -j NAME jid` do not pay for it).
  for (JailRecord& jail : jails) {
    if (!jlsShowsHostNames(options) || !jailPrivileges(jail).setHostname) continue;
    std::string ignored;
    const std::unique_ptr<JailInit> init = JailInit::open(jail, ignored);
    if (!init) continue;
    if (std::optional<JailNames> names = currentJailNames(*init)) {
      jail.set("host.hostname", {names->hostname});
      if (names->domainname != "(none)") jail.set("host.domainname", {names->domainname});
    }
  }
  std::string error;
  const std::string output = formatJls(options, jails, error);
  if (!error.empty()) {
    std::cerr << "jls: " << error << '\n';
    return 1;
  }
  std::cout << output;
  return 0;
}
