// jail(8) for Linux: parses the command line, reads the configuration and
// hands the selected jails to the runner. Exit status 0 or 1, as FreeBSD's.
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "fs_root.h"
#include "jail_command_line.h"
#include "jail_conf.h"
#include "jail_registry.h"
#include "jail_reporter.h"
#include "jail_runner.h"
#include "jail_targets.h"
#include "state_directory.h"

using namespace rcjail;
using namespace rcjail::compat;

namespace {

HostFacts hostFacts() {
  HostFacts facts;
  utsname names{};
  if (uname(&names) == 0) {
    facts.hostname = names.nodename;
    // Linux shows an unset domain name as "(none)"; FreeBSD as "".
    facts.domainname = std::string(names.domainname) == "(none)" ? "" : names.domainname;
    facts.osrelease = names.release;
  }
  return facts;
}

bool fileExists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

// The configuration, or exit status 1 after printing why it cannot be read.
std::optional<JailConf> loadConfig(const std::string& file, int& status) {
  try {
    if (file == "-") {
      const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
      return parseJailConfText(FsRoot("/"), text, "STDIN");
    }
    if (!fileExists(file)) {
      std::cerr << "jail: " << file << ": " << std::strerror(errno) << '\n';
      status = 1;
      return std::nullopt;
    }
    return parseJailConfFile(FsRoot("/"), file);
  } catch (const JailConfError& error) {
    for (const std::string& message : error.messages()) std::cerr << "jail: " << message << '\n';
  } catch (const std::exception& error) {
    std::cerr << "jail: " << error.what() << '\n';
  }
  status = 1;
  return std::nullopt;
}

// jail(8) warns about every jail's variable errors as it loads the file,
// then lists the jails anyway and exits 0.
int exhibit(const JailConf& conf, const std::string& separator) {
  for (const JailConfJail& jail : conf.jails)
    for (const std::string& error : jail.errors) std::cerr << "jail: " << jail.name << ": " << error << '\n';
  for (const JailConfJail& jail : conf.jails)
    std::cout << describeForJidFile(buildJailSpec(jail, true), 0, separator) << '\n';
  return 0;
}

// Whether this run reads the configuration file: remove reads it only when
// there is one to read.
bool wantsConfig(const JailOptions& options) {
  return options.style == JailStyle::Config || options.style == JailStyle::Exhibit ||
         (options.style == JailStyle::Remove && !options.withoutConfig &&
          (options.configFile == "-" || fileExists(options.configFile)));
}

ExecutorSettings executorSettings(const JailOptions& options, bool withConfig, std::ofstream& jidFile) {
  ExecutorSettings settings;
  settings.printJid = options.printJid;
  settings.jidFile = jidFile.is_open() ? &jidFile : nullptr;
  settings.separator = options.separator;
  settings.legacyStyle = options.style == JailStyle::Legacy;
  settings.noteRemove = withConfig || options.targets.size() > 1 ||
                        (!options.targets.empty() && isJailConfWildcard(options.targets.front()));
  settings.host = hostFacts();
  return settings;
}

// Selects the jails and runs their steps; the exit status.
int runJails(const JailOptions& options, const JailConf* conf, const std::string& stateDirectory,
             JailReporter& reporter) {
  std::string stateError;
  std::optional<JailRegistry> opened = openSystemRegistry(stateDirectory, stateError);
  if (!opened) {
    std::cerr << "jail: " << stateError << '\n';
    return 1;
  }
  const JailRegistry& registry = *opened;
  JailSelection selection = selectJails(options, conf, registry, reporter);
  if (selection.fatal) return 1;
  const bool dying = std::any_of(selection.tasks.begin(), selection.tasks.end(),
                                 [&](const JailTask& task) { return options.allowDying || task.spec.allowDying; });
  if (dying) reporter.warn("the 'allow.dying' parameter and '-d' flag are deprecated and have no effect.");

  std::ofstream jidFile;
  if (!options.jidFile.empty()) {
    jidFile.open(options.jidFile, std::ios::trunc);
    if (!jidFile) {
      std::cerr << "jail: open " << options.jidFile << ": " << std::strerror(errno) << '\n';
      return 1;
    }
  }
  StepExecutor executor(registry, reporter, executorSettings(options, conf != nullptr, jidFile));
  JailRunner runner(executor, options.parallelLimit);
  const bool ok = runner.run(selection.tasks, selection.edges);
  return ok && !selection.failed ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string stateError;
  const std::string stateDirectory = takeStateDirectory(args, stateError);
  if (!stateError.empty()) {
    std::cerr << "jail: " << stateError << '\n';
    return 1;
  }
  auto parsed = parseJailCommandLine(args);
  if (auto* usage = std::get_if<JailUsageError>(&parsed)) {
    if (!usage->message.empty()) std::cerr << "jail: " << usage->message << '\n';
    std::cerr << jailUsageText();
    return 1;
  }
  const JailOptions& options = std::get<JailOptions>(parsed);
  JailReporter reporter(std::cout, std::cerr, options.verbose);

  std::optional<JailConf> conf;
  if (wantsConfig(options)) {
    int status = 0;
    conf = loadConfig(options.configFile, status);
    if (!conf) return status;
  }
  if (options.style == JailStyle::Exhibit) return exhibit(*conf, options.separator);
  try {
    return runJails(options, conf ? &*conf : nullptr, stateDirectory, reporter);
  } catch (const std::exception& error) {
    std::cerr << "jail: " << error.what() << '\n';
    return 1;
  }
}
