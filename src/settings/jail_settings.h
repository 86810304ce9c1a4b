// Which configuration a jail uses, decided as rc.d/jail's parse_options does:
// a jail.conf-style file (jail_<name>_conf, /etc/jail.<name>.conf,
// /etc/jail.conf.d/<name>.conf, $jail_conf) when rootdir or hostname is
// missing, else a generated /var/run/jail.<name>.conf.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fs_root.h"
#include "jail_conf.h"
#include "legacy_config_writer.h"
#include "quirks.h"
#include "variables.h"

namespace rcjail {

enum class ConfigSource { PerJailFile, JailConfDir, JailConf, Generated };

struct JailSettings {
  std::string name;          // jail(8) name (X)
  std::string varName;       // variable part (JV)
  std::string hostname;      // jail_<JV>_hostname as set (may be empty)
  std::string configFile;    // the -f argument of jail(8)
  ConfigSource source = ConfigSource::JailConf;
  std::string generatedText; // the file to write when source == Generated

  bool rcConfStyle() const { return source == ConfigSource::Generated; }
  // What the console shows for the jail: ${_hostname:-X}.
  const std::string& displayName() const { return hostname.empty() ? name : hostname; }
};

struct SettingsEnvironment {
  const FsRoot& root;
  Quirks quirks = Quirks::Fixed;
  std::string timestamp;              // for the generated header
  std::function<bool()> hasVimage;    // kern.features.vimage exists
  std::function<int()> dadCount;      // net.inet6.ip6.dad_count
  JailConfGrammarSource jailConfGrammar = {};  // of the host's jail(8); empty: the current one
};

struct SettingsResult {
  std::optional<JailSettings> settings;  // nullopt: the jail is skipped
  std::vector<Message> messages;         // warnings and debug lines, in stock order
  bool obsoleteWarning = false;          // this jail asks for the jail_* obsolescence warning
};

// `vars` is not const: parse_options assigns jail_confwarn=YES when it is empty.
SettingsResult resolveJailSettings(Variables& vars, const std::string& name,
                                   const SettingsEnvironment& env);

// The path of the generated file for jail X.
std::string generatedConfigPath(const std::string& name);

// Whether the jail.conf file includes /etc/jail.conf.d/ (then a per-jail
// file there is already read through it).
bool includesJailConfDir(const FsRoot& root, const std::string& jailConf);

}  // namespace rcjail
