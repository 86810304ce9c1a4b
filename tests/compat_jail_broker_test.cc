// The answers of a jail's init to the jail's root: to a mount(2)
// (decideMount), which file system each type name means, the flags it keeps
// and adds (nosuid always, nodev but for devfs, noexec for proc and sysfs,
// sysfs read-only), and what it refuses or leaves to the kernel; to a
// quotactl(2) (quotaCommand), which commands it carries out and what it
// copies. The privileges are made by hand; the expected values are written
// out.
#include <boost/test/unit_test.hpp>

#include <sys/mount.h>
#include <sys/quota.h>

#include <cerrno>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "broker_mounts.h"
#include "jail_broker.h"
#include "jail_privileges.h"

using namespace rcjail::compat;

namespace {

// The old mount(2) magic number, which some callers still put in the upper
// 16 bits of the flags (bits 18 and 19 of it are MS_PRIVATE and MS_SLAVE).
constexpr unsigned long kMagic = 0xC0ED0000UL;
// MS_NOSYMFOLLOW (Linux 5.10), not in every C library's <sys/mount.h>.
constexpr unsigned long kNoSymFollow = 256;

JailPrivileges mounting(std::vector<std::string_view> types, bool lockedMounts = false) {
  JailPrivileges p;
  p.capabilities = 0x10485FB;
  p.brokeredMounts = std::move(types);
  p.lockedMounts = lockedMounts;
  return p;
}

const JailPrivileges& everyType() {
  static const JailPrivileges p = mounting({"tmpfs", "proc", "sysfs", "devfs"});
  return p;
}

MountDecision decide(std::string type, unsigned long flags, const JailPrivileges& p = everyType()) {
  return decideMount(MountRequest{type, "/mnt", type, flags, ""}, p);
}

std::string kindOf(const MountDecision& d) {
  switch (d.kind) {
    case MountDecision::Kind::Mount: return "mount";
    case MountDecision::Kind::Refuse: return "refuse";
    case MountDecision::Kind::Kernel: return "kernel";
  }
  return "?";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_broker)

BOOST_AUTO_TEST_CASE(each_type_name_means_one_linux_file_system) {
  const std::vector<std::pair<std::string, std::string>> names{
      {"tmpfs", "tmpfs"}, {"proc", "proc"},       {"procfs", "proc"}, {"linprocfs", "proc"},
      {"sysfs", "sysfs"}, {"linsysfs", "sysfs"}, {"devfs", "devfs"},
  };
  for (const auto& [name, type] : names) {
    const MountDecision d = decide(name, 0);
    BOOST_TEST(kindOf(d) == "mount", name);
    BOOST_TEST(d.type == type, name);
  }
}

BOOST_AUTO_TEST_CASE(every_mount_is_nosuid_and_each_type_gets_its_own_flags) {
  BOOST_TEST(decide("tmpfs", 0).flags == (MS_NOSUID | MS_NODEV));
  BOOST_TEST(decide("tmpfs", 0).flags == 0x6UL);
  BOOST_TEST(decide("tmpfs", MS_RDONLY | MS_NOEXEC).flags == (MS_RDONLY | MS_NOEXEC | MS_NOSUID | MS_NODEV));
  BOOST_TEST(decide("tmpfs", MS_RDONLY | MS_NOEXEC).flags == 0xFUL);
  // devfs holds device nodes: no nodev unless asked.
  BOOST_TEST(decide("devfs", 0).flags == MS_NOSUID);
  BOOST_TEST(decide("devfs", MS_NODEV).flags == (MS_NOSUID | MS_NODEV));
  BOOST_TEST(decide("devfs", MS_RDONLY | MS_NOEXEC).flags == (MS_RDONLY | MS_NOEXEC | MS_NOSUID));
  BOOST_TEST(decide("proc", 0).flags == (MS_NOSUID | MS_NODEV | MS_NOEXEC));
  BOOST_TEST(decide("linprocfs", MS_NOATIME).flags == (MS_NOATIME | MS_NOSUID | MS_NODEV | MS_NOEXEC));
  // sysfs is read-only, whatever is asked.
  BOOST_TEST(decide("sysfs", 0).flags == (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC));
  BOOST_TEST(decide("linsysfs", MS_RDONLY).flags == 0xFUL);
}

BOOST_AUTO_TEST_CASE(the_flags_of_a_new_mount_are_kept) {
  const unsigned long kept = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_SYNCHRONOUS | MS_DIRSYNC |
                             MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME | MS_LAZYTIME | MS_SILENT;
  BOOST_TEST(kept == 0x3208C9FUL);
  BOOST_TEST(decide("tmpfs", kept).flags == 0x3208C9FUL);
  BOOST_TEST(decide("devfs", kept).flags == 0x3208C9FUL);
  using Flags = std::initializer_list<unsigned long>;
  for (unsigned long flag : Flags{MS_SYNCHRONOUS, MS_DIRSYNC, MS_NOATIME, MS_NODIRATIME, MS_RELATIME, MS_STRICTATIME,
                                  MS_LAZYTIME, MS_SILENT})
    BOOST_TEST(decide("tmpfs", flag).flags == (flag | MS_NOSUID | MS_NODEV), flag);
}

BOOST_AUTO_TEST_CASE(flags_it_does_not_know_are_dropped) {
  using Flags = std::initializer_list<unsigned long>;
  for (unsigned long flag : Flags{MS_POSIXACL, MS_I_VERSION, MS_KERNMOUNT, MS_MANDLOCK, MS_REC, kNoSymFollow}) {
    const MountDecision d = decide("tmpfs", flag | MS_NOEXEC);
    BOOST_TEST(kindOf(d) == "mount", flag);
    BOOST_TEST(d.flags == (MS_NOEXEC | MS_NOSUID | MS_NODEV), flag);
  }
  BOOST_TEST(decide("tmpfs", MS_POSIXACL | MS_I_VERSION | MS_RDONLY).flags == 0x7UL);
}

BOOST_AUTO_TEST_CASE(the_old_magic_number_is_stripped) {
  MountDecision d = decide("tmpfs", kMagic | MS_RDONLY);
  BOOST_TEST(kindOf(d) == "mount");
  BOOST_TEST(d.flags == (MS_RDONLY | MS_NOSUID | MS_NODEV));
  d = decide("proc", kMagic);
  BOOST_TEST(kindOf(d) == "mount");
  BOOST_TEST(d.flags == (MS_NOSUID | MS_NODEV | MS_NOEXEC));
  // Not taken for MS_PRIVATE | MS_SLAVE where the kernel has the mounts.
  d = decide("tmpfs", kMagic, mounting({"tmpfs"}, true));
  BOOST_TEST(kindOf(d) == "mount");
  BOOST_TEST(d.flags == (MS_NOSUID | MS_NODEV));
  // The magic with a flag on an existing mount is still that flag.
  d = decide("tmpfs", kMagic | MS_BIND);
  BOOST_TEST(kindOf(d) == "refuse");
  BOOST_TEST(d.error == EPERM);
  BOOST_TEST(kindOf(decide("tmpfs", kMagic | MS_REMOUNT, mounting({"tmpfs"}, true))) == "kernel");
}

BOOST_AUTO_TEST_CASE(changing_an_existing_mount_is_refused_or_left_to_the_kernel) {
  using Flags = std::initializer_list<unsigned long>;
  for (unsigned long flag : Flags{MS_BIND, MS_BIND | MS_REC, MS_MOVE, MS_REMOUNT, MS_REMOUNT | MS_BIND | MS_RDONLY,
                                  MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE, MS_PRIVATE | MS_REC}) {
    // Whatever the type: a bind mount's is usually none.
    for (const char* type : {"tmpfs", "", "none", "ext4"}) {
      const MountDecision refused = decide(type, flag);
      BOOST_TEST(kindOf(refused) == "refuse", type << " " << flag);
      BOOST_TEST(refused.error == EPERM, type << " " << flag);
    }
    // allow.mount.nullfs: the jail's mount namespace is its own, its
    // inherited mounts locked, and the kernel decides.
    BOOST_TEST(kindOf(decide("", flag, mounting({"tmpfs"}, true))) == "kernel", flag);
    BOOST_TEST(kindOf(decide("tmpfs", flag, mounting({"tmpfs"}, true))) == "kernel", flag);
    BOOST_TEST(kindOf(decide("", flag, mounting({}, true))) == "kernel", flag);
  }
}

BOOST_AUTO_TEST_CASE(a_type_not_allowed_is_refused_with_eperm) {
  const JailPrivileges tmpfsOnly = mounting({"tmpfs"});
  for (const char* type : {"proc", "procfs", "linprocfs", "sysfs", "linsysfs", "devfs"}) {
    const MountDecision d = decide(type, 0, tmpfsOnly);
    BOOST_TEST(kindOf(d) == "refuse", type);
    BOOST_TEST(d.error == EPERM, type);
    // Also where the jail's root may bind mount.
    const MountDecision locked = decide(type, 0, mounting({"tmpfs"}, true));
    BOOST_TEST(kindOf(locked) == "refuse", type);
    BOOST_TEST(locked.error == EPERM, type);
  }
  BOOST_TEST(kindOf(decide("tmpfs", 0, tmpfsOnly)) == "mount");
  const MountDecision none = decide("tmpfs", 0, mounting({}));
  BOOST_TEST(kindOf(none) == "refuse");
  BOOST_TEST(none.error == EPERM);
  const MountDecision procOnly = decide("tmpfs", 0, mounting({"proc"}));
  BOOST_TEST(kindOf(procOnly) == "refuse");
  BOOST_TEST(procOnly.error == EPERM);
  BOOST_TEST(decide("procfs", 0, mounting({"proc"})).type == "proc");
}

BOOST_AUTO_TEST_CASE(an_unknown_type_is_eperm_or_enodev_where_the_jail_may_bind_mount) {
  for (const char* type : {"ext4", "nullfs", "fdescfs", "fusefs", "zfs", "Proc", "TMPFS", "tmpfs ", "overlay"}) {
    const MountDecision d = decide(type, 0);
    BOOST_TEST(kindOf(d) == "refuse", type);
    BOOST_TEST(d.error == EPERM, type);
    // As the kernel answers a file system type it does not know.
    const MountDecision locked = decide(type, 0, mounting({"tmpfs"}, true));
    BOOST_TEST(kindOf(locked) == "refuse", type);
    BOOST_TEST(locked.error == ENODEV, type);
  }
  // No type at all (a NULL pointer reads as ""): EPERM either way.
  for (bool lockedMounts : {false, true}) {
    const MountDecision d = decide("", 0, mounting({"tmpfs", "proc", "sysfs", "devfs"}, lockedMounts));
    BOOST_TEST(kindOf(d) == "refuse", lockedMounts);
    BOOST_TEST(d.error == EPERM, lockedMounts);
  }
}

BOOST_AUTO_TEST_CASE(the_source_target_and_data_do_not_change_the_answer) {
  const MountDecision d = decideMount(MountRequest{"none", "/var/tmp", "tmpfs", MS_NOEXEC, "size=1m,mode=1777"},
                                      mounting({"tmpfs"}));
  BOOST_TEST(kindOf(d) == "mount");
  BOOST_TEST(d.type == "tmpfs");
  BOOST_TEST(d.flags == (MS_NOEXEC | MS_NOSUID | MS_NODEV));
}

BOOST_AUTO_TEST_CASE(a_jails_own_privileges_decide_as_its_parameters_say) {
  JailRecord record;
  record.jid = 1;
  record.params = {{"allow.mount", {"true"}},       {"enforce_statfs", {"1"}},       {"allow.mount.nullfs", {"true"}},
                   {"allow.mount.tmpfs", {"true"}}, {"allow.mount.procfs", {"true"}}};
  const JailPrivileges p = jailPrivileges(record);
  const MountDecision tmpfs = decide("tmpfs", 0, p);
  BOOST_TEST(kindOf(tmpfs) == "mount");
  BOOST_TEST(tmpfs.flags == (MS_NOSUID | MS_NODEV));
  // procfs is not mounted where mounts can be moved; nullfs is a bind mount.
  const MountDecision proc = decide("procfs", 0, p);
  BOOST_TEST(kindOf(proc) == "refuse");
  BOOST_TEST(proc.error == EPERM);
  BOOST_TEST(kindOf(decide("nullfs", MS_BIND, p)) == "kernel");
  BOOST_TEST(decide("nullfs", 0, p).error == ENODEV);
}

BOOST_AUTO_TEST_CASE(a_remount_keeps_what_the_type_always_has) {
  // MS_REMOUNT 0x20, MS_BIND 0x1000, MS_RDONLY 0x1, MS_NOSUID 0x2,
  // MS_NODEV 0x4, MS_NOEXEC 0x8, MS_NOATIME 0x400.
  BOOST_TEST(remountFlags("tmpfs", 0x20 | 0x1) == 0x27UL);
  BOOST_TEST(remountFlags("tmpfs", 0x20) == 0x26UL);  // read-write again, still nosuid, nodev
  BOOST_TEST(remountFlags("tmpfs", 0x20 | 0x1000 | 0x400) == 0x1426UL);
  BOOST_TEST(remountFlags("devfs", 0x20) == 0x22UL);  // devices stay usable
  BOOST_TEST(remountFlags("proc", 0x20) == 0x2EUL);
  BOOST_TEST(remountFlags("sysfs", 0x20) == 0x2FUL);  // a sysfs stays read-only
  BOOST_TEST(remountFlags("tmpfs", 0xC0ED0000UL | 0x20 | 0x1) == 0x27UL);
  BOOST_TEST(remountFlags("tmpfs", 0x20 | 0x80000 /*MS_PRIVATE*/ | 0x2000 /*MS_MOVE*/) == 0x26UL);
}

BOOST_AUTO_TEST_CASE(the_init_sets_quotas_and_reads_other_users_for_the_jails_root) {
  // QCMD(Q_SETQUOTA, type) is 0x80000800 | type and QCMD(Q_SETINFO, type)
  // 0x80000600 | type: they copy in a 72- and a 24-byte structure;
  // Q_GETQUOTA (0x80000700) and Q_GETNEXTQUOTA (0x80000900) copy out a 72-byte
  // one each (if_nextdqblk ends in the id where if_dqblk is padded). The type (user, group, project) is the low byte.
  for (unsigned type : {0U, 1U, 2U}) {
    const QuotaCommand set = quotaCommand(0x80000800U | type);
    BOOST_TEST((set.brokered && set.in && set.size == 72U));
    const QuotaCommand setInfo = quotaCommand(0x80000600U | type);
    BOOST_TEST((setInfo.brokered && setInfo.in && setInfo.size == 24U));
    const QuotaCommand get = quotaCommand(0x80000700U | type);
    BOOST_TEST((get.brokered && !get.in && get.size == 72U));
    const QuotaCommand next = quotaCommand(0x80000900U | type);
    BOOST_TEST((next.brokered && !next.in && next.size == 72U));
  }
  // Q_SYNC, quotaon, quotaoff, Q_GETFMT, Q_GETINFO and XFS's Q_XGETQUOTA
  // and Q_XSETQLIM: the kernel's to judge.
  for (unsigned command : {0x80000100U, 0x80000200U, 0x80000300U, 0x80000400U, 0x80000500U, 0x580300U, 0x580400U, 0U})
    BOOST_TEST(!quotaCommand(command).brokered, command);
}

BOOST_AUTO_TEST_SUITE_END()
