// Address lists of jail_<name>_ip and _ip_multi<N>, in both modes.
#include <boost/test/unit_test.hpp>

#include "address_list.h"
#include "text_fields.h"

using namespace rcjail;

namespace {

std::vector<std::string> values(std::string_view value, std::string_view iface, Quirks q,
                                std::vector<std::string>* warnings = nullptr) {
  AddressList list;
  addAddressOption(value, iface, q, list);
  std::vector<std::string> out;
  for (auto& a : list.addresses) out.push_back((a.inet6 ? "6:" : "4:") + a.value);
  if (warnings) *warnings = list.warnings;
  return out;
}

using V = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(address_list)

BOOST_AUTO_TEST_CASE(plain_prefix_and_dotted_netmask) {
  for (Quirks q : {Quirks::Stock, Quirks::Fixed}) {
    BOOST_TEST(values("192.0.2.12", "", q) == V{"4:192.0.2.12/32"});
    BOOST_TEST(values("192.0.2.10/24", "", q) == V{"4:192.0.2.10/24"});
    BOOST_TEST(values("192.0.2.11/255.255.255.0", "", q) == V{"4:192.0.2.11 netmask 255.255.255.0"});
    BOOST_TEST(values("2001:db8::6", "", q) == V{"6:2001:db8::6/128"});
    BOOST_TEST(values("2001:db8::50/64", "em0", q) == V{"6:em0|2001:db8::50/64"});
  }
}

BOOST_AUTO_TEST_CASE(interface_prefix_and_default) {
  for (Quirks q : {Quirks::Stock, Quirks::Fixed}) {
    BOOST_TEST(values("em1|192.0.2.20", "em0", q) == V{"4:em1|192.0.2.20/32"});
    BOOST_TEST(values("192.0.2.22,vlan5|192.0.2.23/255.255.255.240", "lo1", q) ==
               (V{"4:lo1|192.0.2.22/32", "4:vlan5|192.0.2.23 netmask 255.255.255.240"}));
    // text before the first bar is the interface, after the last the address
    BOOST_TEST(values("a|b|192.0.2.1", "", q) == V{"4:a|192.0.2.1/32"});
    // an empty prefix falls back to the default interface
    BOOST_TEST(values("|192.0.2.1", "em0", q) == V{"4:em0|192.0.2.1/32"});
  }
}

BOOST_AUTO_TEST_CASE(netmask_with_space_breaks_in_stock_only) {
  BOOST_TEST(values("192.0.2.13 netmask 255.255.255.0", "", Quirks::Stock) == V{"4:netmask|192.0.2.13/32"});
  BOOST_TEST(values("192.0.2.13 netmask 255.255.255.0", "em0", Quirks::Stock) == V{"4:netmask|192.0.2.13/32"});
  BOOST_TEST(values("192.0.2.13 netmask 255.255.255.0", "em0", Quirks::Fixed) ==
             V{"4:em0|192.0.2.13 netmask 255.255.255.0"});
}

BOOST_AUTO_TEST_CASE(empty_elements) {
  std::vector<std::string> warnings;
  // Stock: the empty word vanishes and the interface slides into the address slot.
  BOOST_TEST(values(",192.0.2.1,,192.0.2.2,", "em0", Quirks::Stock, &warnings) ==
             (V{"4:em0|192.0.2.1/32", "4:em0|192.0.2.2/32"}));
  BOOST_TEST(warnings == (V{"jail_extract_address: type not identified",
                            "jail_extract_address: type not identified"}));
  BOOST_TEST(values(",192.0.2.1", "", Quirks::Stock, &warnings) == V{"4:192.0.2.1/32"});
  BOOST_TEST(warnings == V{"jail_extract_address: called without input"});
  // Fixed (D): skipped silently.
  BOOST_TEST(values(",192.0.2.1,,192.0.2.2,", "em0", Quirks::Fixed, &warnings) ==
             (V{"4:em0|192.0.2.1/32", "4:em0|192.0.2.2/32"}));
  BOOST_TEST(warnings.empty());
}

BOOST_AUTO_TEST_CASE(unidentified_type_is_warned_and_dropped) {
  std::vector<std::string> warnings;
  for (Quirks q : {Quirks::Stock, Quirks::Fixed}) {
    BOOST_TEST(values("not-an-address,192.0.2.190", "", q, &warnings) == V{"4:192.0.2.190/32"});
    BOOST_TEST(warnings == V{"jail_extract_address: type not identified"});
  }
  // Fixed keeps a blank after a comma in the element: it has no address then.
  BOOST_TEST(values("192.0.2.1, 192.0.2.2", "", Quirks::Fixed, &warnings) == V{"4:192.0.2.1/32"});
  BOOST_TEST(warnings == V{"jail_extract_address: type not identified"});
  // Stock took the second word for the interface.
  BOOST_TEST(values("192.0.2.1, 192.0.2.2", "", Quirks::Stock) == V{"4:192.0.2.2|192.0.2.1/32"});
}

BOOST_AUTO_TEST_CASE(field_splitting) {
  BOOST_TEST(splitFields("  a \t b\nc  ") == (V{"a", "b", "c"}));
  BOOST_TEST(splitFields("").empty());
  BOOST_TEST(splitFields(" \t\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()
