// Which records a caller sees, which it may delete, and the names it sees
// them by: the host, a jail looking at its children, and records that are
// nobody's business of the caller.
#include <boost/test/unit_test.hpp>

#include <map>

#include "jail_visibility.h"

using namespace rcjail::compat;

namespace {

const NamespaceId kHost{4, 100};
const NamespaceId kOtherHost{4, 101};

JailRecord record(int jid, const std::string& name, unsigned long long ns, NamespaceId owner, int parent) {
  JailRecord r;
  r.jid = jid;
  r.initPid = 10 + jid;
  r.initStartTime = 5;
  r.jailNamespace = {4, ns};
  r.ownerNamespace = owner;
  r.parentJid = parent;
  if (!name.empty()) r.params = {{"name", {name}}};
  return r;
}

// basejail (jid 1, ns 201) made from the host; nestedjail (jid 2) made
// inside it; deeper (jid 3) inside nestedjail; other (jid 4) from the host.
std::vector<JailRecord> family() {
  return {record(1, "basejail", 201, kHost, 0), record(2, "nestedjail", 202, {4, 201}, 1),
          record(3, "deeper", 203, {4, 202}, 2), record(4, "other", 204, kHost, 0)};
}

struct FakeProbe {
  std::map<int, InitState> states;  // absent: Live
  InitProbe probe() const {
    return [this](const JailRecord& r) {
      auto found = states.find(r.jid);
      return found == states.end() ? InitState::Live : found->second;
    };
  }
};

std::vector<std::string> names(const std::vector<JailRecord>& records) {
  std::vector<std::string> out;
  for (const JailRecord& r : records) out.push_back(r.name());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_visibility)

BOOST_AUTO_TEST_CASE(the_host_sees_every_descendant_by_its_dotted_name) {
  FakeProbe fake;
  const RegistryView view = viewRegistry(family(), kHost, fake.probe());
  BOOST_TEST(names(view.visible) ==
                 (std::vector<std::string>{"basejail", "basejail.nestedjail", "basejail.nestedjail.deeper", "other"}),
             boost::test_tools::per_element());
  BOOST_TEST(!view.current);
  BOOST_TEST(view.gone.empty());
  BOOST_TEST(view.visible[1].value("parent") == "1");
  BOOST_TEST(view.visible[0].value("parent") == "0");
  // What is stored stays the jail's own name.
  BOOST_TEST(view.visible[1].params.front().values.front() == "nestedjail");
}

BOOST_AUTO_TEST_CASE(a_jail_sees_only_its_descendants_and_knows_it_is_in_itself) {
  FakeProbe fake;
  const RegistryView view = viewRegistry(family(), {4, 201}, fake.probe());
  BOOST_TEST(names(view.visible) == (std::vector<std::string>{"nestedjail", "nestedjail.deeper"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(view.current);
  BOOST_TEST(view.current->jid == 1);
  BOOST_TEST(view.visible[0].value("parent") == "0");
}

BOOST_AUTO_TEST_CASE(a_gone_jail_takes_its_descendants_records_along) {
  FakeProbe fake;
  fake.states[1] = InitState::Gone;
  const RegistryView view = viewRegistry(family(), kHost, fake.probe());
  BOOST_TEST(names(view.visible) == std::vector<std::string>{"other"}, boost::test_tools::per_element());
  BOOST_TEST(view.gone == (std::vector<int>{1, 2, 3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unknown_state_keeps_the_record_and_hides_its_subtree) {
  FakeProbe fake;
  fake.states[1] = InitState::Unknown;
  fake.states[2] = InitState::Gone;  // never asked: the caller cannot place it
  const RegistryView view = viewRegistry(family(), kHost, fake.probe());
  BOOST_TEST(names(view.visible) == std::vector<std::string>{"other"}, boost::test_tools::per_element());
  BOOST_TEST(view.gone.empty());
}

BOOST_AUTO_TEST_CASE(records_made_from_another_namespace_are_never_reported_gone) {
  FakeProbe fake;
  for (int jid = 1; jid <= 4; ++jid) fake.states[jid] = InitState::Gone;
  const RegistryView view = viewRegistry(family(), kOtherHost, fake.probe());
  BOOST_TEST(view.visible.empty());
  BOOST_TEST(view.gone.empty());
  // A caller whose namespace is unknown sees and deletes nothing.
  BOOST_TEST(viewRegistry(family(), NamespaceId{}, fake.probe()).gone.empty());
}

BOOST_AUTO_TEST_CASE(a_child_claiming_a_parent_it_was_not_made_in_is_not_a_child) {
  std::vector<JailRecord> all = family();
  all[1].ownerNamespace = {4, 999};  // says parent 1, but was made elsewhere
  FakeProbe fake;
  const RegistryView view = viewRegistry(all, kHost, fake.probe());
  BOOST_TEST(names(view.visible) == (std::vector<std::string>{"basejail", "other"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unnamed_parent_lends_its_jid_to_the_dotted_name) {
  std::vector<JailRecord> all = family();
  all[0].params.clear();
  FakeProbe fake;
  const RegistryView view = viewRegistry(all, kHost, fake.probe());
  BOOST_TEST(view.visible[1].name() == "1.nestedjail");
}

BOOST_AUTO_TEST_CASE(a_record_claiming_the_callers_own_namespace_is_not_a_child) {
  // Planted: "made from the host, and its init is the host's PID 1".
  const std::vector<JailRecord> all{record(9, "planted", kHost.inode, kHost, 0)};
  FakeProbe fake;
  const RegistryView view = viewRegistry(all, kHost, fake.probe());
  BOOST_TEST(view.visible.empty());
  BOOST_TEST(view.gone.empty());
  BOOST_TEST(!view.current);
}

BOOST_AUTO_TEST_CASE(descendants_come_deepest_first) {
  FakeProbe fake;
  const RegistryView view = viewRegistry(family(), kHost, fake.probe());
  std::vector<int> jids;
  for (const JailRecord& r : descendantsDeepestFirst(view, 1)) jids.push_back(r.jid);
  BOOST_TEST(jids == (std::vector<int>{3, 2}), boost::test_tools::per_element());
  BOOST_TEST(descendantsDeepestFirst(view, 4).empty());
}

BOOST_AUTO_TEST_CASE(children_max_as_freebsds_kernel_counts_it) {
  FakeProbe fake;
  // From the host there is no limit.
  BOOST_TEST(childLimitError(viewRegistry(family(), kHost, fake.probe())).empty());
  std::vector<JailRecord> all = family();
  // Inside basejail, with no children.max: not permitted at all.
  BOOST_TEST(childLimitError(viewRegistry(all, {4, 201}, fake.probe())) == "jail_set: Operation not permitted");
  // children.max=2 with nestedjail and deeper below it: the limit is reached.
  all[0].params.push_back({"children.max", {"2"}});
  BOOST_TEST(childLimitError(viewRegistry(all, {4, 201}, fake.probe())) == "prison limit exceeded");
  all[0].params.back().values = {"3"};
  BOOST_TEST(childLimitError(viewRegistry(all, {4, 201}, fake.probe())).empty());
  all[0].params.back().values = {"junk"};
  BOOST_TEST(!childLimitError(viewRegistry(all, {4, 201}, fake.probe())).empty());
}

BOOST_AUTO_TEST_SUITE_END()
