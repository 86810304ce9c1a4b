// compat's jail record format, read from text written before its field
// escapes moved to src/base: the same record comes back, and writing it again
// gives the same bytes.
#include <boost/test/unit_test.hpp>

#include "jail_record.h"

using namespace rcjail::compat;

namespace {

const std::string kOldRecord =
    "jid\t3\n"
    "init\t100\t555\n"
    "pidns\t4\t4026531836\n"
    "owner\t4\t4026531835\n"
    "parent\t0\n"
    "param\tname\tweb\n"
    "param\texec.start\t/bin/sh /etc/rc\tsecond\\tvalue\n"
    "param\thost.hostname\ta\\tb\\nc\\\\d\n"
    "param\tcarriage\tx\ry\n"
    "param\tpersist\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_record_format)

BOOST_AUTO_TEST_CASE(record_of_the_old_writer) {
  std::optional<JailRecord> r = parseJailRecord(kOldRecord);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->jid == 3);
  BOOST_TEST(r->initPid == 100);
  BOOST_TEST(r->initStartTime == 555ULL);
  BOOST_TEST(r->jailNamespace.inode == 4026531836ULL);
  BOOST_TEST(r->ownerNamespace.inode == 4026531835ULL);
  BOOST_TEST(r->name() == "web");
  BOOST_TEST(r->values("exec.start") == (std::vector<std::string>{"/bin/sh /etc/rc", "second\tvalue"}));
  BOOST_TEST(r->value("host.hostname") == "a\tb\nc\\d");
  BOOST_TEST(r->value("carriage") == "x\ry");  // a carriage return is stored as it is
  BOOST_TEST(r->has("persist"));
  BOOST_TEST(r->values("persist").empty());
  BOOST_TEST(formatJailRecord(*r) == kOldRecord);
}

BOOST_AUTO_TEST_CASE(escapes_the_format_never_writes_are_refused) {
  const std::string head = "jid\t3\ninit\t100\t555\n";
  BOOST_TEST(!parseJailRecord(head + "param\tname\tx\\ry\n"));
  BOOST_TEST(!parseJailRecord(head + "param\tname\tx\\\n"));
  BOOST_TEST(!parseJailRecord(head + "param\tna\\sme\tx\n"));
}

BOOST_AUTO_TEST_SUITE_END()
