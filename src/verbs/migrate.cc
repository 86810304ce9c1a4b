// migrate: chooses the jails, writes each verified plan (migration_plan) and
// prints the sysrc(8) commands.
#include "migrate.h"

#include <algorithm>
#include <filesystem>

#include "atomic_file.h"
#include "host_features.h"
#include "jail_inventory.h"
#include "jail_names.h"
#include "migration_plan.h"

namespace rcjail {

namespace {

struct MigrateOptions {
  bool dryRun = false;
  bool force = false;
  std::vector<std::string> names;  // none: every rc.conf-style jail
};

// The named jails, or every rc.conf-style one; a name that is no jail is
// reported and makes `status` 1.
std::vector<const ConfiguredJail*> chosenJails(const VerbContext& ctx, const std::vector<ConfiguredJail>& jails,
                                               const std::vector<std::string>& names, int& status) {
  std::vector<const ConfiguredJail*> chosen;
  for (const ConfiguredJail& j : jails) {
    bool legacy = j.settings && j.settings->rcConfStyle();
    bool named = std::find(names.begin(), names.end(), j.name) != names.end();
    if (names.empty() ? legacy : named) chosen.push_back(&j);
  }
  for (const std::string& n : names)
    if (std::none_of(chosen.begin(), chosen.end(), [&](const ConfiguredJail* j) { return j->name == n; })) {
      ctx.console.printError("rcjail migrate: " + n + ": no such jail\n");
      status = 1;
    }
  return chosen;
}

// Prints (--dry-run) or writes the file of one sound migration; false when
// it was not written.
bool writeMigration(const VerbContext& ctx, const Migration& m, const MigrateOptions& options) {
  if (options.dryRun) {
    ctx.console.print("# " + m.path + "\n" + m.text);
    return true;
  }
  std::string host = ctx.root.map(m.path);
  if (!options.force && std::filesystem::exists(host)) {
    ctx.console.printError("rcjail migrate: " + m.path + " exists; use --force to replace it\n");
    return false;
  }
  std::error_code ec;
  std::filesystem::create_directories(ctx.root.map("/etc/jail.conf.d"), ec);
  std::string error = writeFileAtomically(host, m.text, 0644);
  if (!error.empty()) {
    ctx.console.printError("rcjail migrate: " + m.path + ": " + error + "\n");
    return false;
  }
  ctx.console.print("Wrote " + m.path + "\n");
  return true;
}

}  // namespace

int runMigrate(const VerbContext& ctx, const std::vector<std::string>& args) {
  MigrateOptions options;
  for (const std::string& a : args) {
    if (a == "--dry-run" || a == "-n")
      options.dryRun = true;
    else if (a == "--force" || a == "-f")
      options.force = true;
    else if (!a.empty() && a[0] == '-') {
      ctx.console.printError("usage: rcjail migrate [--dry-run] [--force] [NAME...]\n");
      return 1;
    } else
      options.names.push_back(jailName(a));
  }
  const HostFeatures host = hostFeatures(ctx.system);
  std::vector<ConfiguredJail> jails = configuredJails(ctx.vars, {ctx.root, host.hasVimage, host.dadCount, host.jailConfGrammar});
  int status = 0;
  std::vector<const ConfiguredJail*> chosen = chosenJails(ctx, jails, options.names, status);
  if (chosen.empty() && options.names.empty()) ctx.console.print("No rc.conf-style jails to migrate.\n");
  std::vector<std::string> commands;
  for (const ConfiguredJail* j : chosen) {
    Migration m = planMigration(ctx.vars, *j);
    if (!m.error.empty()) {
      ctx.console.printError("rcjail migrate: " + m.error + "\n");
      status = 1;
      continue;
    }
    if (!writeMigration(ctx, m, options)) {
      status = 1;
      continue;
    }
    commands.insert(commands.end(), m.sysrcCommands.begin(), m.sysrcCommands.end());
  }
  if (!commands.empty()) {
    ctx.console.print(std::string(options.dryRun ? "# After writing the files, remove" : "# Now remove") +
                      " the old variables:\n");
    for (const std::string& c : commands) ctx.console.print(c + "\n");
  }
  ctx.console.flush();
  return status;
}

}  // namespace rcjail
