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

// A probe that remembers which jails it was asked about.
struct CountingProbe {
  std::map<int, InitState> states;  // absent: Live
  std::vector<int> asked;
  InitProbe probe() {
    return [this](const JailRecord& r) {
      asked.push_back(r.jid);
      auto found = states.find(r.jid);
      return found == states.end() ? InitState::Live : found->second;
    };
  }
};

BOOST_AUTO_TEST_CASE(one_record_is_seen_through_its_ancestors_alone) {
  const std::vector<JailRecord> all = family();
  CountingProbe counting;
  std::optional<JailRecord> deeper = seenByCaller(all, all[2], kHost, counting.probe());
  BOOST_REQUIRE(deeper);
  BOOST_TEST(deeper->name() == "basejail.nestedjail.deeper");
  BOOST_TEST(deeper->value("parent") == "2");
  BOOST_TEST(counting.asked == (std::vector<int>{1, 2, 3}), boost::test_tools::per_element());

  CountingProbe top;
  std::optional<JailRecord> other = seenByCaller(all, all[3], kHost, top.probe());
  BOOST_REQUIRE(other);
  BOOST_TEST(other->name() == "other");
  BOOST_TEST(other->value("parent") == "0");
  BOOST_TEST(top.asked == std::vector<int>{4}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(one_record_is_hidden_when_an_ancestor_is_not_running) {
  const std::vector<JailRecord> all = family();
  CountingProbe gone;
  gone.states[1] = InitState::Gone;
  BOOST_TEST(!seenByCaller(all, all[2], kHost, gone.probe()));
  CountingProbe unknown;
  unknown.states[2] = InitState::Unknown;
  BOOST_TEST(!seenByCaller(all, all[2], kHost, unknown.probe()));
  BOOST_TEST(!seenByCaller(all, all[1], kHost, unknown.probe()));
  BOOST_TEST(seenByCaller(all, all[0], kHost, unknown.probe()).has_value());
}

BOOST_AUTO_TEST_CASE(one_record_is_seen_from_inside_a_jail_by_its_short_name) {
  const std::vector<JailRecord> all = family();
  CountingProbe counting;
  std::optional<JailRecord> deeper = seenByCaller(all, all[2], {4, 201}, counting.probe());
  BOOST_REQUIRE(deeper);
  BOOST_TEST(deeper->name() == "nestedjail.deeper");
  // The jail the caller is in and jails beside it are not its to see.
  BOOST_TEST(!seenByCaller(all, all[0], {4, 201}, counting.probe()));
  BOOST_TEST(!seenByCaller(all, all[3], {4, 201}, counting.probe()));
  BOOST_TEST(!seenByCaller(all, all[0], kOtherHost, counting.probe()));
}

BOOST_AUTO_TEST_CASE(records_that_claim_each_other_as_parents_are_not_seen) {
  std::vector<JailRecord> all{record(1, "a", 201, {4, 202}, 2), record(2, "b", 202, {4, 201}, 1)};
  CountingProbe counting;
  BOOST_TEST(!seenByCaller(all, all[0], kHost, counting.probe()));
  BOOST_TEST(!seenByCaller(all, all[1], kHost, counting.probe()));
  // A planted record that says it was made in the caller's own jail.
  const std::vector<JailRecord> planted{record(9, "planted", kHost.inode, kHost, 0)};
  BOOST_TEST(!seenByCaller(planted, planted[0], kHost, counting.probe()));
  BOOST_TEST(counting.asked.empty());
}

BOOST_AUTO_TEST_CASE(the_current_jail_is_found_by_probing_its_record_only) {
  const std::vector<JailRecord> all = family();
  CountingProbe counting;
  std::optional<JailRecord> current = currentJail(all, {4, 202}, counting.probe());
  BOOST_REQUIRE(current);
  BOOST_TEST(current->jid == 2);
  BOOST_TEST(counting.asked == std::vector<int>{2}, boost::test_tools::per_element());
  BOOST_TEST(!currentJail(all, kHost, counting.probe()));
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
