// What runs under a jail's name and what /var/run says about it: the facts a
// run needs after an earlier run was killed part way (a jail up without its
// id file, an id file for a jail that is gone). A running jail is identified
// by jls (its name and its path), never guessed from /var/run.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fs_root.h"
#include "jail_settings.h"
#include "jail_system.h"
#include "variables.h"

namespace rcjail {

struct RunningJail {
  std::string jid;
  std::string path;
};

// `$jail_jls -j NAME jid path`: nullopt when no jail runs under NAME.
std::optional<RunningJail> findRunningJail(JailSystem& system, const Variables& vars, const std::string& name);

// name -> jid and path of every running jail (`$jail_jls jid name path`).
std::map<std::string, RunningJail> listRunningJails(JailSystem& system, const Variables& vars);

// The path jail(8) gives jail `name`, from the file it is handed: `text`
// when rcjail generates that file, else the file `configFile` itself.
// "" when it cannot be told.
std::string configuredPath(const FsRoot& root, const std::string& name, const std::string& configFile,
                           const std::string* text);
std::string configuredPath(const FsRoot& root, const JailSettings& settings);

// Whether two jail paths name the same directory as jls prints them
// (a trailing slash aside).
bool samePath(const std::string& a, const std::string& b);

// Removes what a run killed after a jail went leaves behind: the
// /var/run/jail_NAME.id files, and the /var/run/jail.NAME.conf files rc.d/jail
// generated (their first line says so), of jails not in `keep`. With
// `askJls`, `keep` names configured jails only and jls is asked which of the
// others run, only when there are any: an ordinary stop runs no more than
// stock's commands.
void removeStaleRunFiles(const FsRoot& root, JailSystem& system, const Variables& vars, std::vector<std::string> keep,
                         bool askJls);

// The jid in /var/run/jail_NAME.id (one line), or nullopt without the file.
std::optional<std::string> readJidFile(const FsRoot& root, const std::string& name);

// What a configured jail's state is, told truly for `status -a`: "" when
// jls and /var/run agree (running with its id file, or neither); otherwise
// what does not fit, such as a jail that runs without its id file after a
// run was killed. `running`: what jls says; `configured`: the path the
// configuration gives ("" when unknown).
std::string describeRunState(const std::optional<RunningJail>& running, const std::optional<std::string>& jidFile,
                             const std::string& configured, const std::string& name);

}  // namespace rcjail
