// The translation table from jail parameters to Linux privileges.
#include "jail_privileges.h"

#include <linux/capability.h>
#include <sched.h>

#include <algorithm>
#include <array>
#include <cerrno>

#include "jail_kernel_params.h"

namespace rcjail::compat {
namespace {

constexpr CapabilitySet cap(int number) { return CapabilitySet{1} << number; }

// prison_priv_check() grants jailed root: credentials (PRIV_CRED_*), file
// access, ownership and set-id bits (PRIV_VFS_READ/WRITE/ADMIN/CHOWN/SETGID/
// RETAINSUGID), signals to other users (PRIV_SIGNAL_DIFFCRED), chroot
// (PRIV_VFS_CHROOT), System V IPC on any object (PRIV_IPC_*), resource
// limits (PRIV_PROC_LIMIT/SETRLIMIT). CAP_SETPCAP only lets a process give
// up more, within the bounding set.
constexpr CapabilitySet kJailedRoot = cap(CAP_CHOWN) | cap(CAP_DAC_OVERRIDE) | cap(CAP_FOWNER) |
                                      cap(CAP_FSETID) | cap(CAP_KILL) | cap(CAP_SETGID) | cap(CAP_SETUID) |
                                      cap(CAP_SETPCAP) | cap(CAP_IPC_OWNER) | cap(CAP_SYS_CHROOT) |
                                      cap(CAP_SYS_RESOURCE);

constexpr CapabilitySet kAll = ~CapabilitySet{0};

using enum CallGroup;
using enum Trigger;

// The table, one row per parameter (and per securelevel step): one piece,
// read as the man page's list.
const std::vector<PrivilegeRule>& rules() {
  static const std::vector<PrivilegeRule> table{
      {"", "jailed root: credentials, file access and ownership, signals, chroot, IPC, resource limits",
       "bounding set cut to CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_FOWNER, CAP_FSETID, CAP_KILL, CAP_SETGID, "
       "CAP_SETUID, CAP_SETPCAP, CAP_IPC_OWNER, CAP_SYS_CHROOT, CAP_SYS_RESOURCE; seccomp refuses modules, "
       "kexec, open_by_handle_at, bpf, keyrings, swap, acct, reboot, perf_event_open, new namespaces",
       kJailedRoot},
      {"allow.reserved_ports", "bind ports below 1024 (PRIV_NETINET_RESERVEDPORT)", "CAP_NET_BIND_SERVICE",
       cap(CAP_NET_BIND_SERVICE)},
      {"allow.raw_sockets", "raw sockets (PRIV_NETINET_RAW)", "CAP_NET_RAW", cap(CAP_NET_RAW)},
      {"vnet", "a network stack of its own, which jailed root configures (PRIV_NET_*)",
       "CAP_NET_ADMIN and CAP_NET_RAW, over the jail's network namespace", cap(CAP_NET_ADMIN) | cap(CAP_NET_RAW),
       {}, New},
      {"allow.chflags", "system file flags (PRIV_VFS_SYSFLAGS)", "CAP_LINUX_IMMUTABLE (immutable, append-only)",
       cap(CAP_LINUX_IMMUTABLE)},
      {"allow.mlock", "lock pages in memory (PRIV_VM_MLOCK)", "CAP_IPC_LOCK", cap(CAP_IPC_LOCK)},
      {"allow.settime", "set the clock (PRIV_SETTIMEOFDAY, PRIV_CLOCK_SETTIME)",
       "CAP_SYS_TIME; settimeofday, clock_settime no longer refused", cap(CAP_SYS_TIME), {SetTime}},
      {"allow.adjtime", "adjust the clock (PRIV_ADJTIME, PRIV_NTP_ADJTIME)",
       "CAP_SYS_TIME; adjtimex, clock_adjtime no longer refused", cap(CAP_SYS_TIME), {AdjustTime}},
      {"allow.quotas", "manage quotas (PRIV_VFS_GETQUOTA, PRIV_VFS_SETQUOTA)",
       "quotactl and quotactl_fd handed to the jail's init, which sets quotas and limits and reads other "
       "users' for the jail's root, on any file system the jail reaches, named by a path inside the jail",
       0, {Quotas}},
      {"allow.read_msgbuf", "read the kernel message buffer (PRIV_MSGBUF)",
       "CAP_SYSLOG, syslog(2) no longer refused, /proc/kmsg not hidden", cap(CAP_SYSLOG), {KernelLog}},
      {"allow.sysvipc", "System V IPC of the host (all three sysv* as inherit)",
       "msg*, sem*, shm* no longer refused, in the jail's own IPC namespace", 0, {SysvMsg, SysvSem, SysvShm}},
      {"sysvmsg", "System V message queues: new or inherit", "msg* no longer refused (own IPC namespace)", 0,
       {SysvMsg}},
      {"sysvsem", "System V semaphores: new or inherit", "sem* no longer refused (own IPC namespace)", 0, {SysvSem}},
      {"sysvshm", "System V shared memory: new or inherit", "shm* no longer refused (own IPC namespace)", 0,
       {SysvShm}},
      {"children.max", "make child jails (PRIV_JAIL_*)",
       "user namespaces, setns, the jail's namespaces, mount and pivot_root let through, never CAP_SYS_ADMIN: "
       "jail(8) inside the jail makes each child jail in a user namespace of its own, every id mapped to "
       "itself, where it is capable over the child's namespaces only; the copy of the jail's mounts that "
       "the child starts from locks every one of them, and the kernel mounts no procfs or sysfs there "
       "under the jail's masked /proc and read-only /sys, so the jail's init mounts the child's procfs with "
       "its masks locked (child_procfs.h); CAP_SETFCAP, without which no user namespace may "
       "map the host's root (a file capability is no more than the set-user-ID file jailed root may make)",
       cap(CAP_SETFCAP), {Mount, MountOther, Namespaces, UserNamespaces}, AtLeast, false, 1},
      {"allow.mount", "mount file systems of the allow.mount.* types while enforce_statfs < 2",
       "alone grants nothing, as on FreeBSD: each file system type needs its allow.mount.* too"},
      {"allow.mount.nullfs", "mount and unmount nullfs (with allow.mount, enforce_statfs < 2)",
       "mount, umount, umount2 no longer refused; the jail's mount namespace is copied into one that belongs "
       "to a user namespace of its own, in which the host's uid 0, its owner, is capable without "
       "CAP_SYS_ADMIN, and the copy locks every mount the jail was given: its root may bind mount (nullfs) "
       "and unmount what it mounted, never uncover, move or unlock /proc, /sys and /dev",
       0, {Mount}, On, false, 1, true},
      {"allow.mount.tmpfs", "mount and unmount tmpfs (with allow.mount, enforce_statfs < 2)",
       "mount(2) of tmpfs is handed to the jail's init (seccomp user notification), which mounts it for the "
       "jail's root, nosuid and nodev, on the directory named inside the caller's root",
       0, {}, On, false, 1, true, "tmpfs"},
      {"allow.mount.procfs", "mount and unmount procfs (with allow.mount, enforce_statfs < 2)",
       "the jail's init mounts a procfs of the jail's PID namespace for the jail's root, with the masks of the "
       "jail's /proc in place before it appears",
       0, {}, On, false, 1, true, "proc"},
      {"allow.mount.linprocfs", "mount and unmount linprocfs (with allow.mount, enforce_statfs < 2)",
       "as allow.mount.procfs: Linux's procfs is what linprocfs imitates", 0, {}, On, false, 1, true, "proc"},
      {"allow.mount.linsysfs", "mount and unmount linsysfs (with allow.mount, enforce_statfs < 2)",
       "the jail's init mounts a sysfs for the jail's root, read-only", 0, {}, On, false, 1, true, "sysfs"},
      {"allow.mount.devfs", "mount and unmount devfs (with allow.mount, enforce_statfs < 2)",
       "the jail's init mounts the /dev of mount.devfs (devfs_ruleset 4's nodes) for the jail's root",
       0, {}, On, false, 1, true, "devfs"},
      {"allow.mount.fdescfs", "mount and unmount fdescfs (with allow.mount, enforce_statfs < 2)",
       "not granted: Linux has no file system of the caller's own descriptors (mount.fdescfs makes /dev/fd a "
       "link to /proc/self/fd)"},
      {"allow.mount.fusefs", "mount and unmount fusefs (with allow.mount, enforce_statfs < 2)",
       "not granted: a FUSE mount needs /dev/fuse, which devfs_ruleset 4 does not give"},
      {"allow.mount.zfs", "mount and unmount ZFS datasets delegated to the jail (with allow.mount, enforce_statfs < 2)",
       "not granted: Linux has no jailed ZFS datasets"},
      {"allow.set_hostname", "the jail's host name may be changed with hostname(1) or sethostname(3) (jail(8)), by root",
       "sethostname, setdomainname no longer refused; the jail's UTS namespace belongs to a user namespace "
       "of its own, in which the host's uid 0, its owner, is capable without CAP_SYS_ADMIN: the jail's root "
       "may set the names, its other users may not",
       0, {Hostname}},
      {"securelevel", "1 and above: system flags cannot be removed", "CAP_LINUX_IMMUTABLE taken away",
       cap(CAP_LINUX_IMMUTABLE), {}, AtLeast, true, 1},
      {"securelevel", "2 and above: the clock may not be stepped", "settime and adjtime refused again",
       cap(CAP_SYS_TIME), {SetTime, AdjustTime}, AtLeast, true, 2},
      {"allow.suser", "off: jailed root is an ordinary user",
       "the bounding set is emptied; sethostname, setdomainname refused again", kAll, {Hostname}, Off, true},
  };
  return table;
}

std::vector<RefusedCall> plain(std::initializer_list<std::string_view> names, int error = EPERM) {
  std::vector<RefusedCall> calls;
  for (std::string_view name : names) calls.push_back({name, error});
  return calls;
}

// clone and unshare with any of `flags`: one rule per flag, each matching when
// its bit is set. clone's low byte is the exit signal, so CLONE_NEWTIME
// (0x80) is a namespace flag for unshare only.
std::vector<RefusedCall> namespaceFlags(std::initializer_list<std::uint64_t> flags, bool unshareOnly = false) {
  std::vector<RefusedCall> calls;
  for (std::uint64_t flag : flags) {
    calls.push_back({"unshare", EPERM, 0, flag});
    if (!unshareOnly) calls.push_back({"clone", EPERM, 0, flag});
  }
  return calls;
}

// A parameter's value, or its default from the kernel parameter table.
std::string valueOf(const JailRecord& record, std::string_view name) {
  if (record.has(name)) return record.value(name);
  const KernelParam* param = findKernelParam(name);
  return param ? std::string(param->defaultValue) : std::string();
}

bool ruleApplies(const PrivilegeRule& rule, const JailRecord& record) {
  if (rule.parameter.empty()) return true;
  if (rule.withMount) {
    const std::optional<long> statfs = parseInteger(valueOf(record, "enforce_statfs"));
    if (valueOf(record, "allow.mount") != "true" || !statfs || *statfs >= 2) return false;
  }
  const std::string value = valueOf(record, rule.parameter);
  switch (rule.trigger) {
    case On:
      return value == "true" || value == "new" || value == "inherit";
    case Off:
      return value == "false";
    case New:
      return value == "new";
    case AtLeast: {
      const std::optional<long> number = parseInteger(value);
      return number && *number >= rule.threshold;
    }
  }
  return false;
}

}  // namespace

std::vector<RefusedCall> callsOf(CallGroup group) {
  switch (group) {
    case Modules: return plain({"init_module", "finit_module", "delete_module"});
    case Kexec: return plain({"kexec_load", "kexec_file_load"});
    case FileHandles: return plain({"open_by_handle_at"});
    case Bpf: return plain({"bpf"});
    case Keyrings: return plain({"add_key", "request_key", "keyctl"});
    case Swap: return plain({"swapon", "swapoff"});
    case Accounting: return plain({"acct"});
    case Reboot: return plain({"reboot"});
    case Perf: return plain({"perf_event_open"});
    case SetTime: return plain({"settimeofday", "clock_settime", "clock_settime64", "stime"});
    case AdjustTime: return plain({"adjtimex", "clock_adjtime", "clock_adjtime64"});
    case Quotas: return plain({"quotactl", "quotactl_fd"});
    case Mount: return plain({"mount", "umount", "umount2"});
    case MountOther:
      return plain({"pivot_root", "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount", "fspick",
                    "mount_setattr"});
    case Namespaces: {
      std::vector<RefusedCall> calls = plain({"setns"});
      for (const RefusedCall& call :
           namespaceFlags({CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWPID, CLONE_NEWNET}))
        calls.push_back(call);
      return calls;
    }
    case UserNamespaces: return namespaceFlags({CLONE_NEWUSER});
    case OtherNamespaces: {
      // clone3 passes its flags in memory a filter cannot read: ENOSYS makes
      // the C library fall back to clone, whose flags it can.
      std::vector<RefusedCall> calls = plain({"clone3"}, ENOSYS);
      for (const RefusedCall& call : namespaceFlags({CLONE_NEWCGROUP})) calls.push_back(call);
      for (const RefusedCall& call : namespaceFlags({CLONE_NEWTIME}, true)) calls.push_back(call);
      return calls;
    }
    case KernelLog: return plain({"syslog"});
    case Hostname: return plain({"sethostname", "setdomainname"});
    case SysvMsg: return plain({"msgget", "msgsnd", "msgrcv", "msgctl"});
    case SysvSem: return plain({"semget", "semop", "semtimedop", "semtimedop_time64", "semctl"});
    case SysvShm: return plain({"shmget", "shmat", "shmdt", "shmctl"});
  }
  return {};
}

namespace {

// What the jail's init does for the jail's root (jail_broker.h): the file
// systems it mounts, and whether it manages quotas; an ordinary root
// (allow.nosuser) gets neither. Nor does a jail that makes child jails
// (children.max): a listener in its filter, which jail(8) inside it and
// the child jails inherit, would take the mounts that jail(8) makes for a
// child in the child's user namespace away from the kernel. The mount
// calls are then no longer refused.
void chooseBrokered(JailPrivileges& out, std::vector<CallGroup>& refused, bool ordinaryRoot, bool makesJails) {
  if (makesJails || ordinaryRoot) out.brokeredMounts.clear();
  // Where the jail's root may move and unmount what it did not mount
  // (allow.mount.nullfs), the masks of a procfs or sysfs the init mounted
  // would not be locked: those types are not mounted for it.
  if (out.lockedMounts)
    std::erase_if(out.brokeredMounts, [](std::string_view type) { return type == "proc" || type == "sysfs"; });
  if (!out.brokeredMounts.empty()) std::erase_if(refused, [](CallGroup g) { return g == Mount || g == MountOther; });
  out.brokeredQuotas = std::ranges::find(refused, Quotas) == refused.end() && !ordinaryRoot && !makesJails;
  out.childProcfs = makesJails && !ordinaryRoot;
}

// The calls handed to the init, and what the init keeps for them:
// CAP_SYS_ADMIN, CAP_MKNOD for devfs's nodes, and a mount namespace of its
// own to build each mount in.
void handToBroker(JailPrivileges& out) {
  out.initCapabilities = out.capabilities;
  out.initRefused = out.refused;
  if (out.hasBroker()) out.initCapabilities |= cap(CAP_SYS_ADMIN);
  if (out.brokeredQuotas)
    for (const RefusedCall& call : callsOf(Quotas)) out.refused.push_back({call.name, 0, -1, 0, true});
  if (out.brokeredMounts.empty()) return;
  if (std::ranges::find(out.brokeredMounts, "devfs") != out.brokeredMounts.end())
    out.initCapabilities |= cap(CAP_MKNOD);
  std::erase(out.initRefused, RefusedCall{"unshare", EPERM, 0, CLONE_NEWNS});
  for (const RefusedCall& call : callsOf(Mount)) out.refused.push_back({call.name, 0, -1, 0, true});
  // ENOSYS sends mount(8) back to mount(2), which the init answers.
  for (const RefusedCall& call : callsOf(MountOther))
    out.refused.push_back({call.name, call.name == "pivot_root" ? EPERM : ENOSYS});
}

}  // namespace

std::span<const PrivilegeRule> jailPrivilegeRules() { return rules(); }

JailPrivileges jailPrivileges(const JailRecord& record) {
  std::vector<CallGroup> refused{Modules,    Kexec,      FileHandles, Bpf,            Keyrings,        Swap,
                                 Accounting, Reboot,     Perf,        SetTime,        AdjustTime,      Quotas,
                                 Mount,      MountOther, Namespaces,  UserNamespaces, OtherNamespaces, KernelLog,
                                 Hostname,   SysvMsg,    SysvSem,     SysvShm};
  JailPrivileges out;
  bool ordinaryRoot = false;
  bool makesJails = false;  // children.max: user namespaces let through
  bool ownMounts = false;   // allow.mount.nullfs: mount(2) let through, for the jail's own mounts
  for (bool restrictions : {false, true})
    for (const PrivilegeRule& rule : rules()) {
      if (rule.restricts != restrictions || !ruleApplies(rule, record)) continue;
      if (rule.restricts) {
        out.capabilities &= ~rule.capabilities;
        for (CallGroup group : rule.groups)
          if (std::find(refused.begin(), refused.end(), group) == refused.end()) refused.push_back(group);
        if (rule.capabilities == kAll) ordinaryRoot = true;  // allow.nosuser
      } else {
        out.capabilities |= rule.capabilities;
        makesJails = makesJails || std::ranges::find(rule.groups, UserNamespaces) != rule.groups.end();
        ownMounts = ownMounts || (rule.withMount && std::ranges::find(rule.groups, Mount) != rule.groups.end());
        std::erase_if(refused, [&](CallGroup g) { return std::ranges::find(rule.groups, g) != rule.groups.end(); });
        if (!rule.brokeredMount.empty() && std::ranges::find(out.brokeredMounts, rule.brokeredMount) ==
                                               out.brokeredMounts.end())
          out.brokeredMounts.push_back(rule.brokeredMount);
      }
    }
  out.hideKernelLog = std::find(refused.begin(), refused.end(), KernelLog) != refused.end();
  out.setHostname = std::find(refused.begin(), refused.end(), Hostname) == refused.end();
  // children.max lets mount(2) through for the child jails' user
  // namespaces; in the jail's own mount namespace the kernel still refuses it.
  out.lockedMounts = ownMounts && std::find(refused.begin(), refused.end(), Mount) == refused.end();
  chooseBrokered(out, refused, ordinaryRoot, makesJails);
  // The System V calls of 32-bit x86 all go through one multiplexer.
  if (std::ranges::any_of(std::array{SysvMsg, SysvSem, SysvShm},
                          [&](CallGroup g) { return std::ranges::find(refused, g) != refused.end(); }))
    out.refused.push_back({"ipc", EPERM});
  for (CallGroup group : refused)
    for (const RefusedCall& call : callsOf(group)) out.refused.push_back(call);
  handToBroker(out);
  return out;
}

JailPrivileges withoutBroker(JailPrivileges p) {
  if (!p.hasBroker()) return p;
  const std::vector<RefusedCall> mounts = callsOf(Mount), others = callsOf(MountOther);
  std::vector<RefusedCall> refused;
  for (const RefusedCall& call : p.refused) {
    const bool mountCall = std::ranges::find(mounts, call.name, &RefusedCall::name) != mounts.end();
    if (call.brokered && mountCall && !p.lockedMounts)
      refused.push_back({call.name, EPERM});
    else if (std::ranges::find(others, call.name, &RefusedCall::name) != others.end())
      refused.push_back({call.name, EPERM});
    else if (!call.brokered)
      refused.push_back(call);
  }
  p.refused = std::move(refused);
  p.brokeredMounts.clear();
  p.brokeredQuotas = false;
  p.childProcfs = false;
  p.initCapabilities = p.capabilities;
  p.initRefused = p.refused;
  return p;
}

std::span<const std::string_view> procReadOnlyPaths() {
  // Kernel settings and triggers: /proc/sys holds core_pattern, whose
  // "|program" the host kernel runs as root.
  static constexpr std::array<std::string_view, 5> kPaths{"/sys", "/sysrq-trigger", "/irq", "/bus", "/fs"};
  return kPaths;
}

std::span<const std::string_view> procHiddenPaths() {
  // Kernel memory and internals that tell a jail about the host.
  static constexpr std::array<std::string_view, 8> kPaths{"/kcore",         "/keys",       "/timer_list",
                                                          "/sched_debug",   "/latency_stats", "/acpi",
                                                          "/scsi",          "/asound"};
  return kPaths;
}

}  // namespace rcjail::compat
