// The translation of a jail's parameters into Linux privileges: what a jail
// made with FreeBSD's defaults keeps and is refused, and that each allow.*
// (and vnet, children.max, securelevel, allow.nosuser) changes exactly its
// own part. The expected capability sets are written out by number.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

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

bool refuses(const JailPrivileges& p, std::string_view call) {
  return std::ranges::any_of(p.refused, [&](const RefusedCall& c) { return c.name == call && c.argIndex < 0; });
}

bool refusesFlag(const JailPrivileges& p, std::string_view call, std::uint64_t flag) {
  return std::ranges::any_of(p.refused,
                             [&](const RefusedCall& c) { return c.name == call && c.argIndex == 0 && c.bits == flag; });
}

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
      {{{"children.max", {"2"}}}, bit(21)},
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
  for (const std::vector<RecordedParam>& params : {
           std::vector<RecordedParam>{{"allow.mount.nullfs", {"true"}}, {"enforce_statfs", {"1"}}},
           {{"allow.mount", {"true"}}, {"allow.mount.nullfs", {"true"}}},
           {{"allow.mount", {"true"}}, {"allow.mount.nullfs", {"true"}}, {"enforce_statfs", {"2"}}},
           {{"allow.mount", {"true"}}, {"allow.mount.tmpfs", {"true"}}, {"enforce_statfs", {"0"}}},
       }) {
    const JailPrivileges p = jailPrivileges(jailWith(params));
    BOOST_TEST((p == defaults()), params.back().name);
    BOOST_TEST(!p.lockedMounts);
  }
  // A jail that may make jails keeps CAP_SYS_ADMIN and mounts with it.
  BOOST_TEST(!jailPrivileges(jailWith({{"children.max", {"1"}}})).lockedMounts);
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
