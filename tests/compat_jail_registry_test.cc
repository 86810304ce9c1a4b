// The registry's file format and directory: records, stale entries, jids.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "jail_registry.h"
#include "test_support.h"

using namespace rcjail::compat;
using rcjail::testing::TempDir;

namespace {

const NamespaceId kHost{4, 100};

// A record made from the host namespace; its init runs unless its start
// time is 0 (the fake probe's rule below).
JailRecord liveRecord(int jid, const std::string& name) {
  JailRecord record;
  record.jid = jid;
  record.initPid = 1000 + jid;
  record.initStartTime = 77;
  record.jailNamespace = {4, static_cast<unsigned long long>(200 + jid)};
  record.ownerNamespace = kHost;
  record.params = {{"name", {name}}, {"path", {"/jails/" + name}}};
  return record;
}

InitState fakeProbe(const JailRecord& record) {
  return record.initStartTime == 0 ? InitState::Gone : InitState::Live;
}

JailRegistry hostRegistry(const std::string& directory) { return JailRegistry(directory, kHost, fakeProbe); }

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_registry)

BOOST_AUTO_TEST_CASE(format_round_trip) {
  JailRecord record;
  record.jid = 12;
  record.initPid = 345;
  record.initStartTime = 6789;
  record.params = {{"name", {"www"}},
                   {"host.hostname", {"tab\there, new\nline \\ back"}},
                   {"ip4.addr", {"192.0.2.1", "192.0.2.2"}},
                   {"ip6.addr", {}},
                   {"meta", {""}}};
  record.jailNamespace = {4, 4026532001};
  record.ownerNamespace = {4, 4026531836};
  record.parentJid = 3;
  const std::string text = formatJailRecord(record);
  BOOST_TEST(text ==
             "jid\t12\ninit\t345\t6789\npidns\t4\t4026532001\nowner\t4\t4026531836\nparent\t3\n"
             "param\tname\twww\n"
             "param\thost.hostname\ttab\\there, new\\nline \\\\ back\n"
             "param\tip4.addr\t192.0.2.1\t192.0.2.2\nparam\tip6.addr\nparam\tmeta\t\n");
  std::optional<JailRecord> back = parseJailRecord(text);
  BOOST_REQUIRE(back);
  BOOST_TEST(back->jid == 12);
  BOOST_TEST(back->initPid == 345);
  BOOST_TEST(back->initStartTime == 6789u);
  BOOST_TEST((back->jailNamespace == NamespaceId{4, 4026532001}));
  BOOST_TEST((back->ownerNamespace == NamespaceId{4, 4026531836}));
  BOOST_TEST(back->parentJid == 3);
  BOOST_TEST(back->value("host.hostname") == "tab\there, new\nline \\ back");
  BOOST_TEST(back->values("ip4.addr") == (std::vector<std::string>{"192.0.2.1", "192.0.2.2"}));
  BOOST_TEST(back->values("ip6.addr").empty());
  BOOST_TEST(back->values("meta") == std::vector<std::string>{""});
  BOOST_TEST(back->value("jid") == "12");
}

BOOST_AUTO_TEST_CASE(vnet_interfaces_round_trip) {
  JailRecord record = liveRecord(5, "v");
  record.vnetInterfaces = {"veth0a", "odd\tname"};
  const std::string text = formatJailRecord(record);
  BOOST_TEST(text.ends_with("param\tpath\t/jails/v\nvnetif\tveth0a\todd\\tname\n"));
  std::optional<JailRecord> back = parseJailRecord(text);
  BOOST_REQUIRE(back);
  BOOST_TEST(back->vnetInterfaces == (std::vector<std::string>{"veth0a", "odd\tname"}));
  BOOST_TEST(back->name() == "v");
  // A jail without any writes no line, and a record of an older version,
  // which has none, reads with none.
  BOOST_TEST(formatJailRecord(liveRecord(5, "v")).find("vnetif") == std::string::npos);
  std::optional<JailRecord> old = parseJailRecord("jid\t5\ninit\t1\t2\nparam\tname\tv\n");
  BOOST_REQUIRE(old);
  BOOST_TEST(old->vnetInterfaces.empty());
  BOOST_TEST(!parseJailRecord("jid\t5\ninit\t1\t2\nvnetif\n"));
  BOOST_TEST(!parseJailRecord("jid\t5\ninit\t1\t2\nvnetif\tbad\\q\n"));
}

BOOST_AUTO_TEST_CASE(malformed_records_are_rejected) {
  BOOST_TEST(!parseJailRecord("init\t1\t2\n"));
  BOOST_TEST(!parseJailRecord("jid\t1\n"));
  BOOST_TEST(!parseJailRecord("jid\tx\ninit\t1\t2\n"));
  BOOST_TEST(!parseJailRecord("jid\t1\ninit\t1\t2\nparam\tbad\\q\n"));
  BOOST_TEST(!parseJailRecord("jid\t1\ninit\t1\t2\nwhat\n"));
  BOOST_TEST(!parseJailRecord("jid\t1\ninit\t1\t2\npidns\t4\t-5\n"));
  BOOST_TEST(!parseJailRecord("jid\t1\ninit\t1\t2\nparent\tx\n"));
  // Older records have no namespaces: they parse, with none known.
  BOOST_TEST(!parseJailRecord("jid\t1\ninit\t1\t2\n")->jailNamespace.known());
}

BOOST_AUTO_TEST_CASE(set_replaces_or_appends) {
  JailRecord record = liveRecord(1, "a");
  record.set("name", {"b"});
  record.set("persist", {"true"});
  BOOST_TEST(record.name() == "b");
  BOOST_TEST(record.persist());
}

BOOST_AUTO_TEST_CASE(write_find_list_remove) {
  TempDir dir;
  const JailRegistry registry = hostRegistry(dir.path() + "/state");
  BOOST_TEST(registry.list().empty());
  registry.write(liveRecord(2, "b"));
  registry.write(liveRecord(1, "a"));
  BOOST_TEST(dir.exists("state/1.jail"));
  std::vector<JailRecord> all = registry.list();
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].jid == 1);
  BOOST_TEST(all[1].jid == 2);
  BOOST_TEST(registry.find("b")->jid == 2);
  BOOST_TEST(registry.find("1")->name() == "a");
  BOOST_TEST(!registry.find("3"));
  BOOST_TEST(!registry.find("0"));
  BOOST_TEST(!registry.find("c"));
  registry.remove(2);
  BOOST_TEST(!registry.find("b"));
  registry.remove(2);  // already gone: fine
}

BOOST_AUTO_TEST_CASE(a_jail_whose_init_is_gone_does_not_run) {
  TempDir dir;
  const JailRegistry registry = hostRegistry(dir.path());
  JailRecord stale = liveRecord(5, "old");
  stale.initStartTime = 0;  // gone, as the probe says
  registry.write(stale);
  BOOST_TEST(registry.list().empty());
  BOOST_TEST(!registry.find("old"));
  BOOST_TEST(dir.exists("5.jail"));
  {
    JailRegistry::Lock lock = registry.lock();
    registry.removeStale(lock);
  }
  BOOST_TEST(!dir.exists("5.jail"));
}

BOOST_AUTO_TEST_CASE(records_of_other_namespaces_are_neither_seen_nor_deleted) {
  TempDir dir;
  const JailRegistry registry = hostRegistry(dir.path());
  JailRecord foreign = liveRecord(6, "theirs");
  foreign.ownerNamespace = {4, 999};  // made by a jail(8) of a namespace the host cannot place
  foreign.initStartTime = 0;          // even one that looks gone from here
  registry.write(foreign);
  BOOST_TEST(registry.list().empty());
  BOOST_TEST(!registry.find("6"));
  BOOST_TEST(registry.jidTaken(6));
  {
    JailRegistry::Lock lock = registry.lock();
    registry.removeStale(lock);
    BOOST_TEST(registry.allocateJid(lock) == 1);
    BOOST_TEST(registry.allocateJid(lock) == 2);
  }
  BOOST_TEST(dir.exists("6.jail"));
}

BOOST_AUTO_TEST_CASE(a_nested_jail_is_found_by_its_dotted_name_and_jid) {
  TempDir dir;
  const JailRegistry registry = hostRegistry(dir.path());
  registry.write(liveRecord(1, "base"));
  JailRecord inner = liveRecord(2, "inner");
  inner.ownerNamespace = liveRecord(1, "base").jailNamespace;  // made inside base
  inner.parentJid = 1;
  registry.write(inner);
  BOOST_REQUIRE(registry.find("base.inner"));
  BOOST_TEST(registry.find("base.inner")->jid == 2);
  BOOST_TEST(!registry.find("inner"));
  BOOST_TEST(!registry.find("xbase.inner"));
  BOOST_TEST(registry.find("2")->name() == "base.inner");
  BOOST_TEST(!registry.current());
}

BOOST_AUTO_TEST_CASE(remove_stale_returns_what_it_judged_by) {
  TempDir dir;
  const JailRegistry registry = hostRegistry(dir.path());
  registry.write(liveRecord(1, "up"));
  JailRecord stale = liveRecord(2, "down");
  stale.initStartTime = 0;
  registry.write(stale);
  JailRegistry::Lock lock = registry.lock();
  const RegistryView view = registry.removeStale(lock);
  BOOST_TEST(view.gone == std::vector<int>{2}, boost::test_tools::per_element());
  BOOST_REQUIRE(view.visible.size() == 1u);
  BOOST_TEST(view.visible[0].name() == "up");
  BOOST_TEST(!dir.exists("2.jail"));
}

BOOST_AUTO_TEST_CASE(a_record_file_that_cannot_be_read_still_holds_its_jid) {
  TempDir dir;
  const JailRegistry registry = hostRegistry(dir.path());
  dir.write("1.jail", "garbage\n");
  JailRegistry::Lock lock = registry.lock();
  BOOST_TEST(registry.allocateJid(lock) == 2);
}

BOOST_AUTO_TEST_CASE(jids_go_up_from_the_last_one_and_skip_used_ones) {
  TempDir dir;
  const JailRegistry registry = hostRegistry(dir.path());
  JailRegistry::Lock lock = registry.lock();
  BOOST_TEST(registry.allocateJid(lock) == 1);
  registry.write(liveRecord(2, "two"));
  BOOST_TEST(registry.allocateJid(lock) == 3);  // 2 is in use
  // Like the kernel's lastprid, a freed jid is not handed out again at once.
  BOOST_TEST(registry.allocateJid(lock) == 4);
  dir.write("lastjid", "999998\n");
  BOOST_TEST(registry.allocateJid(lock) == 1);  // wraps below JAIL_MAX
}

BOOST_AUTO_TEST_SUITE_END()
