// What root inside a jail may do, from the jail's parameters: FreeBSD's
// prison_priv_check() model and jail(8)'s allow.* list translated into Linux
// capabilities kept, system calls refused and kernel files hidden. One table
// (jailPrivilegeRules) says for each parameter its FreeBSD meaning and its
// Linux mechanism; jailPrivileges() turns a jail's parameters into the set
// that compat/linux's jail_restrictions applies to every process entering
// the jail. Pure data: nothing here touches the system.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jail_record.h"

namespace rcjail::compat {

// A system call refused with `errorNumber`: always, or (argIndex >= 0) when
// argument argIndex has every bit of `bits` set (a namespace flag of
// clone/unshare). With `brokered`, the call is not refused but handed to the
// jail's init, which answers it (seccomp user notification).
struct RefusedCall {
  std::string_view name;
  int errorNumber;
  int argIndex = -1;
  std::uint64_t bits = 0;
  bool brokered = false;
  bool operator==(const RefusedCall&) const = default;
};

// The named groups of system calls that the table refuses or lets through.
enum class CallGroup {
  Modules,       // init_module, finit_module, delete_module
  Kexec,         // kexec_load, kexec_file_load
  FileHandles,   // open_by_handle_at: reaches any file of a file system by its inode
  Bpf,           // bpf
  Keyrings,      // add_key, request_key, keyctl: the kernel keyrings are not per jail
  Swap,          // swapon, swapoff
  Accounting,    // acct
  Reboot,        // reboot
  Perf,          // perf_event_open
  SetTime,       // settimeofday, clock_settime, stime
  AdjustTime,    // adjtimex, clock_adjtime
  Quotas,        // quotactl, quotactl_fd
  Mount,         // mount, umount, umount2
  MountOther,    // pivot_root and the new mount API
  Namespaces,    // setns, and clone/unshare with a namespace flag a jail is made of
  UserNamespaces,  // clone/unshare with CLONE_NEWUSER
  OtherNamespaces,  // cgroup and time namespaces (and clone3): refused to every jail
  KernelLog,     // syslog(2)
  Hostname,      // sethostname, setdomainname
  SysvMsg,       // msgget, msgsnd, msgrcv, msgctl
  SysvSem,       // semget, semop, semtimedop, semctl
  SysvShm,       // shmget, shmat, shmdt, shmctl
};

// The calls of a group.
std::vector<RefusedCall> callsOf(CallGroup group);

// A set of Linux capabilities: bit n is capability n (linux/capability.h).
using CapabilitySet = std::uint64_t;

// When a row applies: the parameter is on (a boolean that is true, a
// jailsys that is "new" or "inherit"), off, a jailsys that is "new" (vnet:
// "inherit" is the host's network), or an integer at least `threshold`.
enum class Trigger { On, Off, New, AtLeast };

// One row of the translation table. `parameter` is "" for what every jail
// gets. An allowance row adds `capabilities` and lets `groups` through; a
// restriction row (securelevel, allow.nosuser) takes `capabilities` away and
// refuses `groups`, after every allowance. A row with neither is only
// explained: Linux cannot grant it without giving away far more.
struct PrivilegeRule {
  std::string_view parameter;
  std::string_view freebsd;  // what it means on FreeBSD (prison_priv_check, jail(8))
  std::string_view mechanism;  // how Linux does it, or why it does not
  CapabilitySet capabilities = 0;
  std::vector<CallGroup> groups = {};
  Trigger trigger = Trigger::On;
  bool restricts = false;
  long threshold = 1;
  // An allow.mount.* row: it applies only together with allow.mount and
  // while enforce_statfs is below 2, as on FreeBSD.
  bool withMount = false;
  // The file system the jail's init mounts for the jail's root (jail_broker.h).
  std::string_view brokeredMount = {};
};

std::span<const PrivilegeRule> jailPrivilegeRules();

// The outcome for one jail.
struct JailPrivileges {
  CapabilitySet capabilities = 0;  // the bounding set every process in the jail is cut to
  std::vector<RefusedCall> refused;
  bool hideKernelLog = true;  // /proc/kmsg masked (allow.read_msgbuf off)
  // The jail's root may set its host and domain names (allow.set_hostname):
  // its UTS namespace then belongs to a user namespace of its own.
  bool setHostname = false;
  // The jail's root may mount and unmount (allow.mount.nullfs) without
  // CAP_SYS_ADMIN: its mount namespace then belongs to a user namespace of
  // its own, and every mount it was given is locked in place.
  bool lockedMounts = false;
  // The file systems (tmpfs, proc, sysfs, devfs) that the jail's init mounts
  // for the jail's root, which asks with mount(2): a new file system needs
  // CAP_SYS_ADMIN on the host, which no process of the jail has.
  std::vector<std::string_view> brokeredMounts;
  // Quotas are changed (and other users' read) by the jail's init for the
  // jail's root (allow.quotas), which asks with quotactl(2).
  bool brokeredQuotas = false;
  // The jail's init mounts the procfs of a child jail (children.max), which
  // its holder asks for over the init's channel (child_procfs.h): in the
  // child's user namespace the kernel mounts none under the jail's masks.
  bool childProcfs = false;
  // What the jail's init keeps and is refused itself: the jail's set, and
  // where it mounts for the jail, CAP_SYS_ADMIN and the mount calls.
  CapabilitySet initCapabilities = 0;
  std::vector<RefusedCall> initRefused;
  bool operator==(const JailPrivileges&) const = default;
  // Whether the jail's init answers calls for the jail's root (jail_broker.h).
  bool hasBroker() const { return !brokeredMounts.empty() || brokeredQuotas || childProcfs; }
};

// From a jail's recorded parameters; a parameter the record lacks (an older
// record) takes its default from the kernel parameter table.
JailPrivileges jailPrivileges(const JailRecord& record);

// The same privileges where the jail's init answers nothing (a jail started
// before jail -m turned an allowance on): the calls it would have answered
// go to the kernel as without the allowance, the mount calls refused unless
// the jail owns its mount namespace (lockedMounts).
JailPrivileges withoutBroker(JailPrivileges privileges);

// Whether capability `number` is in `set`.
constexpr bool hasCapability(CapabilitySet set, int number) { return (set >> number) & 1U; }

// The files under a jail's /proc that are made read-only, and those hidden
// (a /dev/null over them); /proc/kmsg is hidden unless allow.read_msgbuf.
std::span<const std::string_view> procReadOnlyPaths();
std::span<const std::string_view> procHiddenPaths();

}  // namespace rcjail::compat
