// The record's parameters to the rules of its socket hooks.
#include "network_rules.h"

namespace rcjail::compat {
namespace {

FamilyRules familyRules(const JailRecord& record, const char* mode, const char* list) {
  FamilyRules rules;
  if (record.value("vnet") == "new" || record.value(mode) == "inherit") return rules;
  rules.inherit = false;
  // "disable" keeps no address; "new" the listed ones, maybe none.
  if (record.value(mode) == "new") rules.addresses = record.values(list);
  return rules;
}

}  // namespace

std::string defaultFamilyMode(bool vnet, bool addressesGiven) {
  if (addressesGiven) return "new";
  return vnet ? "inherit" : "disable";
}

NetworkRules networkRulesOf(const JailRecord& record) {
  return {familyRules(record, "ip4", "ip4.addr"), familyRules(record, "ip6", "ip6.addr")};
}

}  // namespace rcjail::compat
