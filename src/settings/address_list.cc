// Address extraction with the exact rules of rc.d/jail's
// jail_handle_ips_option and jail_extract_address.
#include "address_list.h"
#include "text_fields.h"

#include <algorithm>

namespace rcjail {

namespace {

// One list element, with the default interface of the call.
void extractAddress(std::string_view element, std::string_view defaultInterface,
                    AddressList& out) {
  std::string_view iface, rest = element;
  if (auto bar = element.find('|'); bar != std::string_view::npos) {
    iface = element.substr(0, bar);
    rest = element.substr(element.rfind('|') + 1);
  }
  if (iface.empty()) iface = defaultInterface;
  std::string_view addr = rest.substr(0, rest.find_first_of("/ "));
  std::string mask(rest.substr(addr.size()));

  bool inet = std::count(addr.begin(), addr.end(), '.') >= 3;
  bool inet6 = !inet && addr.find(':') != std::string_view::npos;
  if (!inet && !inet6) out.warnings.emplace_back("jail_extract_address: type not identified");
  if (inet) {
    if (mask.size() > 1 && mask[0] == '/' && std::count(mask.begin(), mask.end(), '.') >= 3)
      mask = " netmask " + mask.substr(1);
    if (mask.empty()) mask = "/32";
  } else if (inet6 && mask.empty()) {
    mask = "/128";
  }
  if (addr.empty() || (!inet && !inet6)) return;
  std::string value;
  if (!iface.empty()) value.append(iface).append("|");
  value.append(addr).append(mask);
  out.addresses.push_back({inet6, std::move(value)});
}

}  // namespace

bool AddressList::hasInet6() const {
  return std::any_of(addresses.begin(), addresses.end(),
                     [](const JailAddress& a) { return a.inet6; });
}

void addAddressOption(std::string_view value, std::string_view interface, Quirks quirks,
                      AddressList& out) {
  std::string list(value), defaultInterface(interface);
  if (quirks == Quirks::Stock) {
    // jail_handle_ips_option $_ip $_interface: $1 and $2 of the split words.
    std::vector<std::string> words = splitFields(value);
    for (const std::string& w : splitFields(interface)) words.push_back(w);
    list = words.size() > 0 ? words[0] : "";
    defaultInterface = words.size() > 1 ? words[1] : "";
  }
  std::string_view rest = list;
  while (!rest.empty()) {
    std::string_view element = rest;
    if (auto comma = rest.find(','); comma != std::string_view::npos) {
      element = rest.substr(0, comma);
      rest = rest.substr(comma + 1);
    } else {
      rest = {};
    }
    if (quirks == Quirks::Fixed) {
      if (!element.empty()) extractAddress(element, defaultInterface, out);
      continue;
    }
    // jail_extract_address $_i $_defif, unquoted: an empty element vanishes
    // and the interface takes its place.
    std::vector<std::string> args = splitFields(element);
    for (const std::string& w : splitFields(defaultInterface)) args.push_back(w);
    if (args.empty()) {
      out.warnings.emplace_back("jail_extract_address: called without input");
      continue;
    }
    extractAddress(args[0], args.size() > 1 ? args[1] : "", out);
  }
}

}  // namespace rcjail
