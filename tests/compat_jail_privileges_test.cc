// The translation of a jail's parameters into Linux privileges: what a jail
// made with FreeBSD's defaults keeps and is refused, and that each allow.*
// (and vnet, children.max, securelevel, allow.nosuser) changes exactly its
// own part, and what the jail's init keeps where it mounts file systems for
// the jail's root. The expected capability sets are written out by number.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <fstream>
#include <span>
#include <sstream>
#include <tuple>

#include "jail_kernel_params.h"
#include "jail_privileges.h"

using namespace rcjail::compat;
using rcjail::findKernelParam;
using rcjail::KernelParam;
using rcjail::kernelParams;

namespace {

// CHOWN 0, DAC_OVERRIDE 1, FOWNER 3, FSETID 4, KILL 5, SETGID 6, SETUID 7,
// SETPCAP 8, NET_BIND_SERVICE 10, IPC_OWNER 15, SYS_CHROOT 18, SYS_RESOURCE 24.
constexpr CapabilitySet kDefault = 0x10485FB;
constexpr CapabilitySet bit(int n) { return CapabilitySet{1} << n; }

JailRecord jailWith(std::vector<RecordedParam> params) {
  JailRecord record;
  record.jid = 1;
  record.params = std::move(params);
  return record;
}

// Refused outright; a call handed to the jail's init is not refused.
bool refuses(const std::vector<RefusedCall>& calls, std::string_view call) {
  return std::ranges::any_of(calls,
                             [&](const RefusedCall& c) { return c.name == call && c.argIndex < 0 && !c.brokered; });
}
bool refuses(const JailPrivileges& p, std::string_view call) { return refuses(p.refused, call); }

// Refused outright with `error`.
bool refusesWith(const JailPrivileges& p, std::string_view call, int error) {
  return std::ranges::any_of(p.refused, [&](const RefusedCall& c) {
    return c.name == call && c.argIndex < 0 && !c.brokered && c.errorNumber == error;
  });
}

bool refusesFlag(const std::vector<RefusedCall>& calls, std::string_view call, std::uint64_t flag) {
  return std::ranges::any_of(calls,
                             [&](const RefusedCall& c) { return c.name == call && c.argIndex == 0 && c.bits == flag; });
}
bool refusesFlag(const JailPrivileges& p, std::string_view call, std::uint64_t flag) {
  return refusesFlag(p.refused, call, flag);
}

// Handed to the jail's init whatever its arguments (seccomp user notification).
bool hands(const JailPrivileges& p, std::string_view call) {
  return std::ranges::find(p.refused, RefusedCall{call, 0, -1, 0, true}) != p.refused.end();
}

// How many entries of `calls` name `call`.
long entriesFor(const std::vector<RefusedCall>& calls, std::string_view call) {
  return std::ranges::count(calls, call, &RefusedCall::name);
}

std::vector<std::string_view> sorted(std::vector<std::string_view> types) {
  std::ranges::sort(types);
  return types;
}

// allow.mount with enforce_statfs 1, and `extra`.
JailRecord mountingJail(std::vector<RecordedParam> extra) {
  std::vector<RecordedParam> params{{"allow.mount", {"true"}}, {"enforce_statfs", {"1"}}};
  for (RecordedParam& param : extra) params.push_back(std::move(param));
  return jailWith(std::move(params));
}

constexpr std::uint64_t kNewNs = 0x20000, kNewUser = 0x10000000;
constexpr std::array<const char*, 3> kMountCalls{"mount", "umount", "umount2"};
constexpr std::array<const char*, 8> kOtherMountCalls{"pivot_root", "move_mount", "open_tree", "fsopen",
                                                      "fsconfig",   "fsmount",    "fspick",    "mount_setattr"};

const JailPrivileges& defaults() {
  static const JailPrivileges p = jailPrivileges(jailWith({}));
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_privileges)

BOOST_AUTO_TEST_CASE(a_default_jail_keeps_what_jailed_root_may_do) {
  BOOST_TEST(defaults().capabilities == kDefault);
  BOOST_TEST(defaults().hideKernelLog);
  for (const char* call : {"open_by_handle_at", "init_module", "finit_module", "delete_module", "kexec_load",
                           "bpf", "keyctl", "add_key", "swapon", "acct", "settimeofday", "clock_settime",
                           "adjtimex", "quotactl", "mount", "umount2", "pivot_root", "fsopen", "setns", "syslog",
                           "msgget", "semget", "shmget", "ipc", "reboot"})
    BOOST_TEST(refuses(defaults(), call), call);
  for (std::uint64_t flag : {0x10000000ULL /*NEWUSER*/, 0x20000ULL /*NEWNS*/, 0x20000000ULL /*NEWPID*/}) {
    BOOST_TEST(refusesFlag(defaults(), "clone", flag));
    BOOST_TEST(refusesFlag(defaults(), "unshare", flag));
  }
  const auto clone3 = std::ranges::find(defaults().refused, std::string_view("clone3"), &RefusedCall::name);
  BOOST_TEST_REQUIRE((clone3 != defaults().refused.end()));
  BOOST_TEST(clone3->errorNumber == ENOSYS);  // so that the C library falls back to clone
}

BOOST_AUTO_TEST_CASE(a_record_with_the_defaults_written_out_is_the_same) {
  std::vector<RecordedParam> params;
  for (const KernelParam& param : kernelParams())
    params.push_back({std::string(param.name), {std::string(param.defaultValue)}});
  BOOST_TEST((jailPrivileges(jailWith(params)) == defaults()));
}

BOOST_AUTO_TEST_CASE(each_allowance_adds_its_capability_only) {
  const std::vector<std::pair<std::vector<RecordedParam>, CapabilitySet>> cases{
      {{{"allow.raw_sockets", {"true"}}}, bit(13)},
      {{{"allow.chflags", {"true"}}}, bit(9)},
      {{{"allow.mlock", {"true"}}}, bit(14)},
      {{{"allow.read_msgbuf", {"true"}}}, bit(34)},
      {{{"vnet", {"new"}}}, bit(12) | bit(13)},
      {{{"children.max", {"2"}}}, bit(31)},  // CAP_SETFCAP, never CAP_SYS_ADMIN (21)
      {{{"allow.settime", {"true"}}}, bit(25)},
      {{{"allow.adjtime", {"true"}}}, bit(25)},
  };
  for (const auto& [params, added] : cases)
    BOOST_TEST(jailPrivileges(jailWith(params)).capabilities == (kDefault | added), params.front().name);
  BOOST_TEST(jailPrivileges(jailWith({{"allow.reserved_ports", {"false"}}})).capabilities == (kDefault & ~bit(10)));
}

BOOST_AUTO_TEST_CASE(allowances_that_linux_cannot_grant_change_nothing) {
  for (const char* name : {"allow.mount", "allow.mount.tmpfs", "allow.socket_af"})
    BOOST_TEST((jailPrivileges(jailWith({{name, {"true"}}, {"enforce_statfs", {"1"}}})) == defaults()), name);
}

BOOST_AUTO_TEST_CASE(each_allowance_lets_its_calls_through) {
  const JailPrivileges settime = jailPrivileges(jailWith({{"allow.settime", {"true"}}}));
  BOOST_TEST(!refuses(settime, "settimeofday"));
  BOOST_TEST(!refuses(settime, "clock_settime"));
  BOOST_TEST(refuses(settime, "adjtimex"));
  const JailPrivileges adjtime = jailPrivileges(jailWith({{"allow.adjtime", {"true"}}}));
  BOOST_TEST(!refuses(adjtime, "adjtimex"));
  BOOST_TEST(refuses(adjtime, "clock_settime"));
  BOOST_TEST(!refuses(jailPrivileges(jailWith({{"allow.quotas", {"true"}}})), "quotactl"));
  const JailPrivileges msgbuf = jailPrivileges(jailWith({{"allow.read_msgbuf", {"true"}}}));
  BOOST_TEST(!refuses(msgbuf, "syslog"));
  BOOST_TEST(!msgbuf.hideKernelLog);
  BOOST_TEST(msgbuf.refused.size() == defaults().refused.size() - 1);
}

BOOST_AUTO_TEST_CASE(allow_set_hostname_is_on_by_default_and_lets_root_name_the_jail) {
  BOOST_TEST(defaults().setHostname);
  BOOST_TEST(!refuses(defaults(), "sethostname"));
  BOOST_TEST(!refuses(defaults(), "setdomainname"));
  for (const std::vector<RecordedParam>& params :
       {std::vector<RecordedParam>{{"allow.set_hostname", {"false"}}}, {{"allow.suser", {"false"}}}}) {
    const JailPrivileges off = jailPrivileges(jailWith(params));
    BOOST_TEST(!off.setHostname, params.front().name);
    BOOST_TEST(refuses(off, "sethostname"), params.front().name);
    BOOST_TEST(refuses(off, "setdomainname"), params.front().name);
  }
  // No capability comes with it: the user namespace that owns the jail's
  // UTS namespace is what grants it.
  BOOST_TEST(jailPrivileges(jailWith({{"allow.set_hostname", {"false"}}})).capabilities == kDefault);
}

BOOST_AUTO_TEST_CASE(allow_mount_nullfs_needs_allow_mount_and_a_low_enforce_statfs) {
  const JailPrivileges nullfs = jailPrivileges(
      jailWith({{"allow.mount", {"true"}}, {"allow.mount.nullfs", {"true"}}, {"enforce_statfs", {"1"}}}));
  BOOST_TEST(nullfs.lockedMounts);
  for (const char* call : {"mount", "umount", "umount2"}) BOOST_TEST(!refuses(nullfs, call), call);
  for (const char* call : {"pivot_root", "move_mount", "open_tree", "fsopen", "mount_setattr"})
    BOOST_TEST(refuses(nullfs, call), call);
  BOOST_TEST(nullfs.capabilities == kDefault);  // no CAP_SYS_ADMIN: the locked copy grants it
  // Nothing is mounted for it: its init is the same as its processes.
  BOOST_TEST(nullfs.brokeredMounts.empty());
  for (const char* call : kMountCalls) BOOST_TEST(!hands(nullfs, call), call);
  BOOST_TEST(nullfs.initCapabilities == kDefault);
  BOOST_TEST((nullfs.initRefused == nullfs.refused));
  for (const std::vector<RecordedParam>& params : {
           std::vector<RecordedParam>{{"allow.mount.nullfs", {"true"}}, {"enforce_statfs", {"1"}}},
           {{"allow.mount", {"true"}}, {"allow.mount.nullfs", {"true"}}},
           {{"allow.mount", {"true"}}, {"allow.mount.nullfs", {"true"}}, {"enforce_statfs", {"2"}}},
       }) {
    const JailPrivileges p = jailPrivileges(jailWith(params));
    BOOST_TEST((p == defaults()), params.back().name);
    BOOST_TEST(!p.lockedMounts);
  }
  // A jail that may make jails mounts in its children's namespaces only;
  // with allow.mount.nullfs, in its own too.
  BOOST_TEST(!jailPrivileges(jailWith({{"children.max", {"1"}}})).lockedMounts);
  BOOST_TEST(jailPrivileges(mountingJail({{"allow.mount.nullfs", {"true"}}, {"children.max", {"1"}}})).lockedMounts);
}

BOOST_AUTO_TEST_CASE(allow_mount_tmpfs_hands_mount_to_the_jails_init) {
  const JailPrivileges tmpfs = jailPrivileges(mountingJail({{"allow.mount.tmpfs", {"true"}}}));
  BOOST_TEST((tmpfs.brokeredMounts == std::vector<std::string_view>{"tmpfs"}));
  BOOST_TEST(!tmpfs.lockedMounts);
  for (const char* call : kMountCalls) {
    BOOST_TEST(hands(tmpfs, call), call);
    BOOST_TEST(!refuses(tmpfs, call), call);
    BOOST_TEST(entriesFor(tmpfs.refused, call) == 1, call);  // the default EPERM entry is gone
  }
  // The new mount API is not there (mount(8) falls back to mount(2));
  // pivot_root is refused as before.
  for (const char* call : {"fsopen", "open_tree", "move_mount", "fsmount", "mount_setattr", "fsconfig", "fspick"}) {
    BOOST_TEST(refusesWith(tmpfs, call, ENOSYS), call);
    BOOST_TEST(entriesFor(tmpfs.refused, call) == 1, call);
  }
  BOOST_TEST(refusesWith(tmpfs, "pivot_root", EPERM));
  BOOST_TEST(entriesFor(tmpfs.refused, "pivot_root") == 1);
  // The jail's own processes gain no capability.
  BOOST_TEST(tmpfs.capabilities == kDefault);
  BOOST_TEST(tmpfs.capabilities == 0x10485FBU);
  // Everything else a default jail refuses stays refused, as it was.
  BOOST_TEST(tmpfs.refused.size() == defaults().refused.size());
  for (const RefusedCall& call : defaults().refused) {
    if (std::ranges::find(kMountCalls, call.name) != kMountCalls.end() ||
        std::ranges::find(kOtherMountCalls, call.name) != kOtherMountCalls.end())
      continue;
    BOOST_TEST((std::ranges::find(tmpfs.refused, call) != tmpfs.refused.end()), call.name);
  }
  BOOST_TEST(refusesFlag(tmpfs, "unshare", kNewNs));
  BOOST_TEST(refusesFlag(tmpfs, "unshare", kNewUser));
  BOOST_TEST(refuses(tmpfs, "setns"));
  // The init: CAP_SYS_ADMIN (21), no mount call refused, and a mount
  // namespace of its own to build in.
  BOOST_TEST(tmpfs.initCapabilities == (kDefault | bit(21)));
  BOOST_TEST(tmpfs.initCapabilities == 0x12485FBU);
  for (const auto& calls : {std::span<const char* const>(kMountCalls), std::span<const char* const>(kOtherMountCalls)})
    for (const char* call : calls) {
      BOOST_TEST(!refuses(tmpfs.initRefused, call), call);
      BOOST_TEST(entriesFor(tmpfs.initRefused, call) == 0, call);
    }
  BOOST_TEST(!refusesFlag(tmpfs.initRefused, "unshare", kNewNs));
  BOOST_TEST(refusesFlag(tmpfs.initRefused, "clone", kNewNs));
  BOOST_TEST(refusesFlag(tmpfs.initRefused, "unshare", kNewUser));
  BOOST_TEST(refusesFlag(tmpfs.initRefused, "clone", kNewUser));
  BOOST_TEST(refuses(tmpfs.initRefused, "setns"));
  BOOST_TEST(refuses(tmpfs.initRefused, "open_by_handle_at"));
  BOOST_TEST(std::ranges::none_of(tmpfs.initRefused, &RefusedCall::brokered));
  // The default list less the 3 + 8 mount calls and unshare(CLONE_NEWNS).
  BOOST_TEST(tmpfs.initRefused.size() == defaults().refused.size() - 12);
  // What else the parameters say is as in a default jail.
  BOOST_TEST(tmpfs.hideKernelLog);
  BOOST_TEST(tmpfs.setHostname);
  // allow.mount.tmpfs=false is no allowance.
  BOOST_TEST((jailPrivileges(mountingJail({{"allow.mount.tmpfs", {"false"}}})) == defaults()));
}

BOOST_AUTO_TEST_CASE(each_allow_mount_type_names_the_file_system_the_init_mounts) {
  const std::vector<std::tuple<const char*, std::string_view, CapabilitySet>> cases{
      {"allow.mount.procfs", "proc", kDefault | bit(21)},
      {"allow.mount.linprocfs", "proc", kDefault | bit(21)},
      {"allow.mount.linsysfs", "sysfs", kDefault | bit(21)},
      // devfs's nodes are made with mknod: CAP_MKNOD (27), for the init only.
      {"allow.mount.devfs", "devfs", kDefault | bit(21) | bit(27)},
  };
  for (const auto& [parameter, type, init] : cases) {
    const JailPrivileges p = jailPrivileges(mountingJail({{parameter, {"true"}}}));
    BOOST_TEST((p.brokeredMounts == std::vector<std::string_view>{type}), parameter);
    BOOST_TEST(p.capabilities == kDefault, parameter);
    BOOST_TEST(p.initCapabilities == init, parameter);
    BOOST_TEST(!p.lockedMounts, parameter);
    for (const char* call : kMountCalls) BOOST_TEST(hands(p, call), parameter << " " << call);
    BOOST_TEST(refusesWith(p, "fsopen", ENOSYS), parameter);
    BOOST_TEST(!refusesFlag(p.initRefused, "unshare", kNewNs), parameter);
    // Without allow.mount, or at enforce_statfs 2, nothing.
    BOOST_TEST((jailPrivileges(jailWith({{parameter, {"true"}}, {"enforce_statfs", {"1"}}})) == defaults()), parameter);
    BOOST_TEST((jailPrivileges(jailWith({{"allow.mount", {"true"}}, {parameter, {"true"}}})) == defaults()),
               parameter);
  }
  BOOST_TEST(jailPrivileges(mountingJail({{"allow.mount.devfs", {"true"}}})).initCapabilities == 0x92485FBU);
  // Two names of one file system give it once.
  const JailPrivileges both =
      jailPrivileges(mountingJail({{"allow.mount.procfs", {"true"}}, {"allow.mount.linprocfs", {"true"}}}));
  BOOST_TEST((both.brokeredMounts == std::vector<std::string_view>{"proc"}));
  const JailPrivileges all = jailPrivileges(mountingJail({{"allow.mount.tmpfs", {"true"}},
                                                          {"allow.mount.procfs", {"true"}},
                                                          {"allow.mount.linsysfs", {"true"}},
                                                          {"allow.mount.devfs", {"true"}}}));
  BOOST_TEST((sorted(all.brokeredMounts) == std::vector<std::string_view>{"devfs", "proc", "sysfs", "tmpfs"}));
  BOOST_TEST(all.initCapabilities == (kDefault | bit(21) | bit(27)));
  BOOST_TEST(all.capabilities == kDefault);
  for (const char* call : kMountCalls) BOOST_TEST(entriesFor(all.refused, call) == 1, call);
  // Every row that names a file system applies only with allow.mount, and
  // names one the init knows.
  for (const PrivilegeRule& rule : jailPrivilegeRules())
    if (!rule.brokeredMount.empty()) {
      BOOST_TEST(rule.withMount, rule.parameter);
      constexpr std::array<std::string_view, 4> kTypes{"tmpfs", "proc", "sysfs", "devfs"};
      BOOST_TEST((std::ranges::find(kTypes, rule.brokeredMount) != kTypes.end()), rule.parameter);
    }
}

BOOST_AUTO_TEST_CASE(nothing_is_mounted_for_a_jail_without_the_means_or_the_need) {
  const std::vector<RecordedParam> tmpfs{{"allow.mount.tmpfs", {"true"}}};
  // Without allow.mount; at enforce_statfs 2, given or by default.
  for (const std::vector<RecordedParam>& params : {
           std::vector<RecordedParam>{{"allow.mount.tmpfs", {"true"}}, {"enforce_statfs", {"1"}}},
           {{"allow.mount", {"false"}}, {"allow.mount.tmpfs", {"true"}}, {"enforce_statfs", {"0"}}},
           {{"allow.mount", {"true"}}, {"allow.mount.tmpfs", {"true"}}, {"enforce_statfs", {"2"}}},
           {{"allow.mount", {"true"}}, {"allow.mount.tmpfs", {"true"}}},
       }) {
    const JailPrivileges p = jailPrivileges(jailWith(params));
    BOOST_TEST(p.brokeredMounts.empty());
    BOOST_TEST((p == defaults()));
    BOOST_TEST(refuses(p, "mount"));
    BOOST_TEST(!hands(p, "mount"));
  }
  // allow.suser=false (allow.nosuser): the jail's root is nobody special.
  const JailPrivileges user = jailPrivileges(
      mountingJail({{"allow.mount.tmpfs", {"true"}}, {"allow.mount.devfs", {"true"}}, {"allow.suser", {"false"}}}));
  BOOST_TEST(user.brokeredMounts.empty());
  BOOST_TEST(user.capabilities == 0U);
  BOOST_TEST(user.initCapabilities == 0U);
  BOOST_TEST((user.initRefused == user.refused));
  for (const char* call : kMountCalls) {
    BOOST_TEST(refuses(user, call), call);
    BOOST_TEST(!hands(user, call), call);
  }
  BOOST_TEST(refusesWith(user, "fsopen", EPERM));
  BOOST_TEST((user == jailPrivileges(jailWith({{"allow.suser", {"false"}}}))));
  // children.max: the child jails' inits need a listener of their own, and a
  // process gets one at most; the jail's mount calls go to the kernel. The
  // init keeps CAP_SYS_ADMIN (21) for its children's procfs only.
  const JailPrivileges parent =
      jailPrivileges(mountingJail({{"allow.mount.tmpfs", {"true"}}, {"children.max", {"1"}}}));
  BOOST_TEST(parent.brokeredMounts.empty());
  BOOST_TEST(parent.childProcfs);
  BOOST_TEST(parent.capabilities == (kDefault | bit(31)));
  BOOST_TEST(parent.initCapabilities == (kDefault | bit(31) | bit(21)));
  BOOST_TEST((parent.initRefused == parent.refused));
  BOOST_TEST(!withoutBroker(parent).childProcfs);
  BOOST_TEST(withoutBroker(parent).initCapabilities == (kDefault | bit(31)));
  BOOST_TEST(!jailPrivileges(jailWith({{"children.max", {"1"}}, {"allow.suser", {"false"}}})).childProcfs);
  BOOST_TEST(!parent.lockedMounts);
  for (const char* call : kMountCalls) {
    BOOST_TEST(!refuses(parent, call), call);
    BOOST_TEST(!hands(parent, call), call);
  }
  BOOST_TEST(!refuses(parent, "fsopen"));
  BOOST_TEST((parent == jailPrivileges(jailWith({{"children.max", {"1"}}}))));
}

BOOST_AUTO_TEST_CASE(with_allow_mount_nullfs_only_tmpfs_is_mounted_for_the_jail) {
  const JailPrivileges p = jailPrivileges(mountingJail({{"allow.mount.nullfs", {"true"}},
                                                        {"allow.mount.tmpfs", {"true"}},
                                                        {"allow.mount.procfs", {"true"}},
                                                        {"allow.mount.linsysfs", {"true"}}}));
  BOOST_TEST(p.lockedMounts);
  // A procfs or sysfs whose masks the jail's root could move away is not
  // mounted for it.
  BOOST_TEST((p.brokeredMounts == std::vector<std::string_view>{"tmpfs"}));
  BOOST_TEST(p.capabilities == kDefault);
  BOOST_TEST(p.initCapabilities == (kDefault | bit(21)));
  for (const char* call : kMountCalls) {
    BOOST_TEST(hands(p, call), call);
    BOOST_TEST(entriesFor(p.refused, call) == 1, call);
  }
  BOOST_TEST(refusesWith(p, "open_tree", ENOSYS));
  BOOST_TEST(refusesWith(p, "pivot_root", EPERM));
  // procfs and linsysfs alone with nullfs: nothing to mount, nullfs as it is.
  const JailPrivileges nothing = jailPrivileges(mountingJail(
      {{"allow.mount.nullfs", {"true"}}, {"allow.mount.procfs", {"true"}}, {"allow.mount.linsysfs", {"true"}}}));
  BOOST_TEST(nothing.brokeredMounts.empty());
  BOOST_TEST(nothing.lockedMounts);
  BOOST_TEST((nothing == jailPrivileges(mountingJail({{"allow.mount.nullfs", {"true"}}}))));
  for (const char* call : kMountCalls) BOOST_TEST(!hands(nothing, call), call);
}

BOOST_AUTO_TEST_CASE(allow_mount_types_linux_cannot_mount_grant_nothing) {
  for (const char* name : {"allow.mount.fdescfs", "allow.mount.fusefs", "allow.mount.zfs"}) {
    const JailPrivileges p = jailPrivileges(mountingJail({{name, {"true"}}}));
    BOOST_TEST(p.brokeredMounts.empty(), name);
    BOOST_TEST((p == defaults()), name);
  }
}

BOOST_AUTO_TEST_CASE(a_default_jails_init_is_restricted_as_the_jail) {
  BOOST_TEST(defaults().brokeredMounts.empty());
  BOOST_TEST(!defaults().lockedMounts);
  BOOST_TEST(defaults().initCapabilities == kDefault);
  BOOST_TEST(defaults().initCapabilities == defaults().capabilities);
  BOOST_TEST((defaults().initRefused == defaults().refused));
  BOOST_TEST(std::ranges::none_of(defaults().refused, &RefusedCall::brokered));
  BOOST_TEST(refusesFlag(defaults().initRefused, "unshare", kNewNs));
  BOOST_TEST(refuses(defaults().initRefused, "mount"));
}

BOOST_AUTO_TEST_CASE(allow_quotas_hands_quotactl_to_the_jails_init) {
  const JailPrivileges quotas = jailPrivileges(jailWith({{"allow.quotas", {"true"}}}));
  BOOST_TEST(quotas.brokeredQuotas);
  BOOST_TEST(quotas.brokeredMounts.empty());
  BOOST_TEST(quotas.hasBroker());
  BOOST_TEST(hands(quotas, "quotactl"));
  BOOST_TEST(hands(quotas, "quotactl_fd"));
  BOOST_TEST(!refuses(quotas, "quotactl"));
  BOOST_TEST(quotas.capabilities == kDefault);
  BOOST_TEST(quotas.initCapabilities == (kDefault | bit(21)));  // CAP_SYS_ADMIN
  // Only the quota calls change: the mount calls stay refused, for the init too.
  BOOST_TEST(quotas.refused.size() == defaults().refused.size());
  BOOST_TEST(quotas.initRefused.size() == defaults().refused.size() - 2);
  BOOST_TEST(refuses(quotas.initRefused, "mount"));
  BOOST_TEST(refusesFlag(quotas.initRefused, "unshare", kNewNs));
  BOOST_TEST(!defaults().brokeredQuotas);
  BOOST_TEST(!defaults().hasBroker());
  // A jail that makes jails has no listener; an ordinary root no right.
  for (const std::vector<RecordedParam>& params : {
           std::vector<RecordedParam>{{"allow.quotas", {"true"}}, {"children.max", {"1"}}},
           {{"allow.quotas", {"true"}}, {"allow.suser", {"false"}}},
       }) {
    const JailPrivileges p = jailPrivileges(jailWith(params));
    BOOST_TEST(!p.brokeredQuotas, params.back().name);
    BOOST_TEST(p.hasBroker() == p.childProcfs, params.back().name);
    BOOST_TEST(!hands(p, "quotactl"), params.back().name);
  }
}

// The same capabilities and the same calls refused, in any order.
bool sameRestrictions(const JailPrivileges& a, const JailPrivileges& b) {
  auto key = [](const RefusedCall& c) { return std::tuple(c.name, c.errorNumber, c.argIndex, c.bits, c.brokered); };
  auto sortedCalls = [&](std::vector<RefusedCall> calls) {
    std::ranges::sort(calls, {}, key);
    return calls;
  };
  return a.capabilities == b.capabilities && a.lockedMounts == b.lockedMounts && a.hasBroker() == b.hasBroker() &&
         sortedCalls(a.refused) == sortedCalls(b.refused) && a.initCapabilities == b.initCapabilities &&
         sortedCalls(a.initRefused) == sortedCalls(b.initRefused);
}

BOOST_AUTO_TEST_CASE(without_the_init_the_calls_go_back_to_the_kernel) {
  // jail -m turned the allowances on after the jail's init started.
  const JailPrivileges tmpfs = withoutBroker(jailPrivileges(mountingJail({{"allow.mount.tmpfs", {"true"}}})));
  BOOST_TEST(!tmpfs.hasBroker());
  BOOST_TEST(sameRestrictions(tmpfs, defaults()));
  const JailPrivileges quotas = withoutBroker(jailPrivileges(jailWith({{"allow.quotas", {"true"}}})));
  BOOST_TEST(!hands(quotas, "quotactl"));
  BOOST_TEST(!refuses(quotas, "quotactl"));
  BOOST_TEST(quotas.initCapabilities == kDefault);
  // Where the jail owns its mount namespace, mount(2) stays the kernel's.
  const JailPrivileges nullfs =
      withoutBroker(jailPrivileges(mountingJail({{"allow.mount.nullfs", {"true"}}, {"allow.mount.tmpfs", {"true"}}})));
  BOOST_TEST(sameRestrictions(nullfs, jailPrivileges(mountingJail({{"allow.mount.nullfs", {"true"}}}))));
  BOOST_TEST((withoutBroker(defaults()) == defaults()));
  BOOST_TEST(!sameRestrictions(jailPrivileges(mountingJail({{"allow.mount.tmpfs", {"true"}}})), defaults()));
}

BOOST_AUTO_TEST_CASE(system_v_ipc_by_kind) {
  const JailPrivileges msg = jailPrivileges(jailWith({{"sysvmsg", {"new"}}}));
  BOOST_TEST(!refuses(msg, "msgget"));
  BOOST_TEST(refuses(msg, "semget"));
  BOOST_TEST(refuses(msg, "ipc"));  // the 32-bit multiplexer goes only when all three are allowed
  const JailPrivileges inherit = jailPrivileges(jailWith({{"sysvshm", {"inherit"}}}));
  BOOST_TEST(!refuses(inherit, "shmat"));
  const JailPrivileges all = jailPrivileges(jailWith({{"allow.sysvipc", {"true"}}}));
  for (const char* call : {"msgget", "semop", "shmget", "ipc"}) BOOST_TEST(!refuses(all, call), call);
  BOOST_TEST(refuses(jailPrivileges(jailWith({{"sysvmsg", {"disable"}}})), "msgget"));
}

BOOST_AUTO_TEST_CASE(a_jail_that_makes_jails_gets_their_namespaces) {
  const JailPrivileges parent = jailPrivileges(jailWith({{"children.max", {"1"}}}));
  BOOST_TEST(!refuses(parent, "mount"));
  BOOST_TEST(!refuses(parent, "setns"));
  BOOST_TEST(!refusesFlag(parent, "unshare", 0x20000ULL));
  // A child's allow.set_hostname and allow.mount.nullfs are user namespaces.
  BOOST_TEST(!refusesFlag(parent, "unshare", 0x10000000ULL));
  BOOST_TEST(!refusesFlag(parent, "clone", 0x10000000ULL));
  // It makes them in a user namespace of its own, never with CAP_SYS_ADMIN
  // on the host; mapping the host's root there takes CAP_SETFCAP.
  BOOST_TEST(!hasCapability(parent.capabilities, 21));
  BOOST_TEST(hasCapability(parent.capabilities, 31));
  BOOST_TEST(!parent.lockedMounts);
  // Cgroup and time namespaces are no part of a jail.
  BOOST_TEST(refusesFlag(parent, "unshare", 0x02000000ULL));
  BOOST_TEST(refusesFlag(parent, "unshare", 0x80ULL));
  BOOST_TEST(refuses(parent, "open_by_handle_at"));
  BOOST_TEST((jailPrivileges(jailWith({{"children.max", {"0"}}})) == defaults()));
}

BOOST_AUTO_TEST_CASE(restrictions_come_after_allowances) {
  const JailPrivileges level1 = jailPrivileges(jailWith({{"allow.chflags", {"true"}}, {"securelevel", {"1"}}}));
  BOOST_TEST(level1.capabilities == kDefault);
  const JailPrivileges level2 = jailPrivileges(jailWith({{"allow.settime", {"true"}}, {"securelevel", {"2"}}}));
  BOOST_TEST(level2.capabilities == kDefault);
  BOOST_TEST(refuses(level2, "clock_settime"));
  const JailPrivileges user = jailPrivileges(jailWith({{"allow.suser", {"false"}}, {"allow.raw_sockets", {"true"}}}));
  BOOST_TEST(user.capabilities == 0U);
  // What a default jail refuses, and the host name too.
  const JailPrivileges unnamed = jailPrivileges(jailWith({{"allow.set_hostname", {"false"}}}));
  BOOST_TEST(user.refused.size() == unnamed.refused.size());
  for (const RefusedCall& call : unnamed.refused)
    BOOST_TEST((std::ranges::find(user.refused, call) != user.refused.end()), call.name);
}

BOOST_AUTO_TEST_CASE(every_row_names_a_parameter_and_is_in_the_man_page) {
  // The words of the man page's list items (".It Va a , b").
  std::ifstream in(std::string(RCJAIL_TEST_DATA) + "/../../man/jail-compat.8");
  std::vector<std::string> items;
  for (std::string line; std::getline(in, line);)
    if (line.starts_with(".It Va ")) {
      std::istringstream words(line.substr(7));
      for (std::string word; words >> word;) items.push_back(word);
    }
  BOOST_TEST_REQUIRE(!items.empty());
  for (const PrivilegeRule& rule : jailPrivilegeRules()) {
    BOOST_TEST((rule.parameter.empty() || findKernelParam(rule.parameter) != nullptr), rule.parameter);
    BOOST_TEST(!rule.freebsd.empty());
    BOOST_TEST(!rule.mechanism.empty());
    if (!rule.parameter.empty())
      BOOST_TEST((std::ranges::find(items, std::string(rule.parameter)) != items.end()), rule.parameter);
  }
}

BOOST_AUTO_TEST_SUITE_END()
