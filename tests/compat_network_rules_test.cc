// A jail's network rules: from its parameters (FreeBSD's defaults
// included), in the form its socket programs read; and finding the cgroup2
// hierarchy and a jail's cgroup from /proc texts.
#include <arpa/inet.h>

#include <boost/test/unit_test.hpp>

#include "fs_root.h"
#include "jail_cgroup.h"
#include "jail_network_rules.h"
#include "jail_spec.h"
#include "network_confinement.h"
#include "network_rules.h"

using namespace rcjail;
using namespace rcjail::compat;

namespace {

NetworkRules rulesOf(const std::string& body) {
  JailConf parsed = parseJailConfText(FsRoot("/"), "j { path = /; " + body + " }", "test.conf");
  const JailConfJail* jail = parsed.find("j");
  BOOST_REQUIRE(jail);
  return networkRulesOf(recordForNewJail(buildJailSpec(*jail, true), 1, HostFacts{}));
}

const FamilyRules kInherit{true, {}};
const FamilyRules kNone{false, {}};

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_network_rules)

BOOST_AUTO_TEST_CASE(addresses_confine_their_family_only_to_them) {
  const NetworkRules rules = rulesOf("ip4.addr = \"lo|127.0.1.10/32\", 192.0.2.7; ip6 = inherit;");
  BOOST_TEST((rules.ip4 == FamilyRules{false, {"127.0.1.10", "192.0.2.7"}}));
  BOOST_TEST((rules.ip6 == kInherit));
  BOOST_TEST(rules.confined());
}

BOOST_AUTO_TEST_CASE(freebsd_default_without_addresses_is_no_family) {
  const NetworkRules rules = rulesOf("");
  BOOST_TEST((rules.ip4 == kNone));
  BOOST_TEST((rules.ip6 == kNone));
  BOOST_TEST(defaultFamilyMode(false, false) == "disable");
  BOOST_TEST(defaultFamilyMode(false, true) == "new");
}

BOOST_AUTO_TEST_CASE(inherit_disable_and_vnet) {
  BOOST_TEST(!rulesOf("ip4 = inherit; ip6 = inherit;").confined());
  BOOST_TEST((rulesOf("ip4 = disable; ip6.addr = 2001:db8::1;").ip4 == kNone));
  BOOST_TEST((rulesOf("ip4 = disable; ip6.addr = 2001:db8::1;").ip6 == FamilyRules{false, {"2001:db8::1"}}));
  // A vnet jail has a network stack of its own: nothing to confine.
  BOOST_TEST(!rulesOf("vnet; ip4.addr = 192.0.2.1;").confined());
  BOOST_TEST(defaultFamilyMode(true, false) == "inherit");
}

BOOST_AUTO_TEST_CASE(encoded_in_network_byte_order) {
  jail_network_rules out{};
  BOOST_TEST(encodeNetworkRules({{false, {"127.0.1.10"}}, {false, {"::1", "2001:db8::2"}}}, out).empty());
  BOOST_TEST(out.ip4_mode == JAIL_NETWORK_NEW);
  BOOST_TEST(out.ip4_count == 1U);
  BOOST_TEST(out.ip4[0] == htonl(0x7f00010a));
  BOOST_TEST(out.ip6_count == 2U);
  BOOST_TEST(out.ip6[0][3] == htonl(1));
  BOOST_TEST(out.ip6[1][0] == htonl(0x20010db8));
  BOOST_TEST(encodeNetworkRules({kInherit, kNone}, out).empty());
  BOOST_TEST(out.ip4_mode == JAIL_NETWORK_INHERIT);
  BOOST_TEST(out.ip6_mode == JAIL_NETWORK_NEW);
  BOOST_TEST(out.ip6_count == 0U);
}

BOOST_AUTO_TEST_CASE(too_many_or_bad_addresses_are_errors) {
  FamilyRules many{false, {}};
  for (int i = 1; i <= 17; ++i) many.addresses.push_back("192.0.2." + std::to_string(i));
  jail_network_rules out{};
  BOOST_TEST(encodeNetworkRules({many, kInherit}, out) ==
             "ip4.addr: more than 16 addresses (the most a Linux jail is confined to)");
  BOOST_TEST(encodeNetworkRules({kInherit, {false, {"192.0.2.1"}}}, out) == "ip6.addr: not an address: 192.0.2.1");
}

BOOST_AUTO_TEST_CASE(cgroup2_mount_of_the_mixed_and_the_unified_layout) {
  const std::string mixed =
      "30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
      "31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
      "40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
  BOOST_TEST(cgroup2MountPoint(mixed).value_or("-") == "/sys/fs/cgroup/unified");
  const std::string unified = "29 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 "
                              "rw,nsdelegate,memory_recursiveprot\n";
  BOOST_TEST(cgroup2MountPoint(unified).value_or("-") == "/sys/fs/cgroup");
  // A mount of a part of the hierarchy (a container's) is not its root.
  BOOST_TEST(!cgroup2MountPoint("50 40 0:37 /lxc/a /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n"));
  BOOST_TEST(cgroup2MountPoint("50 40 0:37 / /mnt/my\\040cg rw - cgroup2 none rw\n").value_or("-") == "/mnt/my cg");
  BOOST_TEST(!cgroup2MountPoint(mixed.substr(0, mixed.rfind("40 30"))));
}

BOOST_AUTO_TEST_CASE(a_process_cgroup_and_jail_cgroup_names) {
  BOOST_TEST(unifiedCgroupPath("9:name=systemd:/\n4:memory:/x\n0::/rcjail/5-6-7\n").value_or("-") == "/rcjail/5-6-7");
  BOOST_TEST(!unifiedCgroupPath("4:memory:/x\n"));
  const JailCgroupName name{4026531836ULL, 4242, 987654};
  BOOST_TEST(jailCgroupPath(name) == "/rcjail/4026531836-4242-987654");
  BOOST_TEST((parseJailCgroupPath("/rcjail/4026531836-4242-987654") == name));
  for (const char* other : {"/", "/user.slice/x", "/rcjail/1-2", "/rcjail/1-02-3", "/rcjail/1-0-3", "/rcjail/a-2-3",
                            "/rcjail/1-2-3/sub"})
    BOOST_TEST(!parseJailCgroupPath(other), other);
}

BOOST_AUTO_TEST_SUITE_END()
