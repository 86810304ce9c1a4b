// One running jail as the registry under /var/run/jail/ stores it: its jid,
// the jail's init process (the namespace holder) with what identifies it
// beyond its pid (its start time and the PID namespace it is init of), the
// PID namespace the pid was taken in, the parent jail, and every kernel
// parameter, so that jls shows them and jexec and jail -r find the jail.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcjail::compat {

struct RecordedParam {
  std::string name;
  std::vector<std::string> values;  // canonical: "true"/"false", addresses, ...
};

// A namespace as the kernel names it: the nsfs device and inode.
struct NamespaceId {
  unsigned long long device = 0;
  unsigned long long inode = 0;
  bool known() const { return inode != 0; }
  bool operator==(const NamespaceId&) const = default;
};

struct JailRecord {
  int jid = 0;
  pid_t initPid = 0;                   // the holder, PID 1 of the jail's PID namespace
  unsigned long long initStartTime = 0;  // its start time, so a reused pid is not taken for it
  NamespaceId jailNamespace;           // the PID namespace whose PID 1 the init is
  NamespaceId ownerNamespace;          // the PID namespace initPid is a number of (jail(8)'s)
  int parentJid = 0;                   // the jail jail(8) ran in, 0 for none
  std::vector<RecordedParam> params;   // everything but jid, in table order
  // The interfaces vnet.interface moved into the jail, handed back when it
  // is removed also where no configuration names them (jail -r NAME).
  std::vector<std::string> vnetInterfaces;

  // Not stored: how the reader sees the jail. The names of its ancestors
  // below the reader's level ("basejail."), and its parent's jid there.
  std::string namePrefix;
  int seenParentJid = 0;

  // Values of a parameter; "jid" and "parent" come from the fields, "name"
  // is the name as the reader sees it. Empty when absent.
  std::vector<std::string> values(std::string_view name) const;
  // The first value, "" when absent or empty.
  std::string value(std::string_view name) const;
  bool has(std::string_view name) const;
  std::string name() const { return value("name"); }
  // The name its creator gave it (the jid for an unnamed jail).
  std::string ownName() const;
  std::string path() const { return value("path"); }
  bool persist() const { return value("persist") == "true"; }
  // Replaces or appends a parameter.
  void set(std::string_view name, std::vector<std::string> values);
};

// Line format: "jid N", "init PID START", "pidns DEV INO", "owner DEV INO",
// "parent JID", "param NAME[ VALUE]...", "vnetif IF..." (only when there
// are any; older records have none) with tabs
// between fields and \\, \t, \n escaped inside them. A parameter with no
// value has no tab after its name; one empty value leaves a trailing tab.
std::string formatJailRecord(const JailRecord& record);
std::optional<JailRecord> parseJailRecord(std::string_view text);

}  // namespace rcjail::compat
