// Sorting a jail's parameter list into a JailSpec, and the registry record
// and -J/-v texts made from it.
#include "jail_spec.h"

#include <arpa/inet.h>
#include <netdb.h>

#include <algorithm>
#include <bit>

#include "jail_kernel_params.h"
#include "network_rules.h"

namespace rcjail::compat {
namespace {

constexpr std::array<const char*, kHookCount> kHookNames{
    "exec.prepare",  "exec.prestart", "exec.created", "exec.start",    "command",
    "exec.poststart", "exec.prestop", "exec.stop",    "exec.poststop", "exec.release"};

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::vector<std::string> splitSpaces(std::string_view text) {
  std::vector<std::string> words;
  size_t at = text.find_first_not_of(' ');
  while (at != std::string_view::npos) {
    const size_t end = text.find(' ', at);
    words.emplace_back(text.substr(at, end == std::string_view::npos ? end : end - at));
    at = end == std::string_view::npos ? end : text.find_first_not_of(' ', end);
  }
  return words;
}

// "255.255.255.0" -> 24; nullopt for a non-contiguous or malformed mask.
std::optional<int> prefixOfNetmask(const std::string& mask) {
  in_addr address{};
  if (inet_pton(AF_INET, mask.c_str(), &address) != 1) return std::nullopt;
  const uint32_t bits = ntohl(address.s_addr);
  const int ones = std::popcount(bits);
  if (ones != 32 && (bits << ones) != 0) return std::nullopt;
  return ones;
}

std::optional<int> prefixOf(const std::string& text, bool inet6) {
  if (!inet6 && text.find('.') != std::string::npos) return prefixOfNetmask(text);
  std::optional<long> length = parseInteger(text);
  if (!length || *length < 0 || *length > (inet6 ? 128 : 32)) return std::nullopt;
  return static_cast<int>(*length);
}

struct ParsedAddress {
  std::string kernelAddress;  // what the kernel (and jls) gets
  std::optional<InterfaceAddress> alias;
  std::string error;
};

// "IF|ADDR/MASK extra words" as jail(8) splits it for ifconfig.
ParsedAddress parseAddressEntry(const std::string& entry, bool inet6, const std::string& interface) {
  const std::string param = inet6 ? "ip6.addr" : "ip4.addr";
  ParsedAddress out;
  std::string rest = entry;
  std::string ifname = interface;
  if (const size_t bar = rest.find('|'); bar != std::string::npos) {
    ifname = rest.substr(0, bar);
    rest = rest.substr(bar + 1);
  }
  std::vector<std::string> words = splitSpaces(rest);
  std::string address = words.empty() ? std::string() : words.front();
  InterfaceAddress alias;
  alias.inet6 = inet6;
  alias.interface = ifname;
  alias.prefixLength = inet6 ? 128 : 32;
  if (const size_t slash = address.find('/'); slash != std::string::npos) {
    std::optional<int> length = prefixOf(address.substr(slash + 1), inet6);
    if (!length) {
      out.error = param + ": " + entry + ": bad netmask";
      return out;
    }
    alias.prefixLength = *length;
    address = address.substr(0, slash);
  }
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& option = words[i];
    if (option == "alias") continue;
    if ((option == "netmask" || option == "prefixlen") && i + 1 < words.size()) {
      std::optional<int> length = prefixOf(words[++i], inet6 || option == "prefixlen");
      if (!length) {
        out.error = param + ": " + entry + ": bad netmask";
        return out;
      }
      alias.prefixLength = *length;
    } else if (option == "broadcast" && i + 1 < words.size()) {
      alias.broadcast = words[++i];
    } else {
      out.error = param + ": " + entry + ": ifconfig option \"" + option + "\" is not supported on Linux";
      return out;
    }
  }
  out.kernelAddress = address;
  if (!ifname.empty()) {
    alias.address = address;
    out.alias = alias;
  }
  return out;
}

void setRecorded(std::vector<RecordedParam>& params, const std::string& name, std::vector<std::string> values) {
  for (RecordedParam& param : params)
    if (param.name == name) {
      param.values = std::move(values);
      return;
    }
  params.push_back({name, std::move(values)});
}

// -h: the addresses host.hostname resolves to.
void addHostnameAddresses(const std::string& hostname, std::vector<std::string>& ip4,
                          std::vector<std::string>& ip6, std::vector<std::string>& errors) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int status = getaddrinfo(hostname.c_str(), nullptr, &hints, &found); status != 0) {
    errors.push_back("host.hostname " + hostname + ": " + gai_strerror(status));
    return;
  }
  for (addrinfo* at = found; at; at = at->ai_next) {
    char text[INET6_ADDRSTRLEN];
    if (at->ai_family == AF_INET) {
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(at->ai_addr)->sin_addr, text, sizeof text);
      ip4.emplace_back(text);
    } else if (at->ai_family == AF_INET6) {
      inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(at->ai_addr)->sin6_addr, text, sizeof text);
      ip6.emplace_back(text);
    }
  }
  freeaddrinfo(found);
}

// ip4.addr / ip6.addr: the kernel's list of addresses, and the interface
// aliases of the entries that name an interface.
void readAddresses(JailSpec& spec, bool inet6, const std::vector<std::string>& entries,
                   const std::string& interface) {
  if (entries.empty()) return;
  const KernelParam& param = *findKernelParam(inet6 ? "ip6.addr" : "ip4.addr");
  std::vector<std::string> addresses;
  for (const std::string& entry : entries) {
    if (entry.empty()) continue;
    ParsedAddress parsed = parseAddressEntry(entry, inet6, interface);
    if (parsed.error.empty() && parsed.kernelAddress.empty()) {
      // Blanks, or an interface with nothing after the bar: jail(8) hands
      // the kernel an empty address, which adds none, so the entry counts
      // as an empty one; but there is no address to put on the interface.
      if (parsed.alias) spec.errors.push_back(std::string(param.name) + ": " + entry + ": no address");
      continue;
    }
    NormalizedValue address = normalizeKernelValue(param, false, {parsed.kernelAddress});
    const std::string error = !parsed.error.empty() ? parsed.error : address.error;
    if (!error.empty()) {
      spec.errors.push_back(error);
      continue;
    }
    addresses.push_back(address.values.front());
    if (!parsed.alias) continue;
    parsed.alias->address = address.values.front();
    (inet6 ? spec.ip6Aliases : spec.ip4Aliases).push_back(*parsed.alias);
  }
  setRecorded(spec.kernelParams, std::string(param.name), std::move(addresses));
}

// jail(8)'s own parameters, read with its bool_param/int_param/string_param rules.
void readInternalParams(const JailConfJail& jail, JailSpec& spec) {
  for (std::string& error : checkJailConfInternalValues(jail)) spec.errors.push_back(std::move(error));
  spec.execClean = jail.flag("exec.clean").value_or(false);
  spec.systemJailUser = jail.flag("exec.system_jail_user").value_or(false);
  spec.mountDevfs = jail.flag("mount.devfs").value_or(false);
  spec.mountFdescfs = jail.flag("mount.fdescfs").value_or(false);
  spec.mountProcfs = jail.flag("mount.procfs").value_or(false);
  spec.allowDying = jail.flag("allow.dying").value_or(false);
  spec.execTimeout = static_cast<int>(jail.integer("exec.timeout").value_or(0));
  if (std::optional<long> timeout = jail.integer("stop.timeout")) spec.stopTimeout = static_cast<int>(*timeout);
  if (std::optional<long> fib = jail.integer("exec.fib")) spec.fib = static_cast<int>(*fib);
  spec.jailUser = jail.last("exec.jail_user");
  spec.systemUser = jail.last("exec.system_user");
  spec.consoleLog = jail.last("exec.consolelog");
  for (size_t h = 0; h < kHookCount; ++h) spec.hooks[h] = jail.values(kHookNames[h]);
  spec.vnetInterfaces = jail.values("vnet.interface");
  spec.zfsDatasets = jail.values("zfs.dataset");
  spec.mountLines = jail.values("mount");
  spec.fstabFiles = jail.values("mount.fstab");
  spec.depend = jail.values("depend");
}

// The addresses of ip4.addr and ip6.addr as listed, read after all the rest.
struct AddressWords {
  std::vector<std::string> ip4;
  std::vector<std::string> ip6;
};

// One parameter of the block: the jail's name or jid, or a kernel parameter
// checked and normalized into kernelParams (jail(8)'s own were read by
// readInternalParams, the addresses are only collected).
void readListedParam(const JailConfParam& p, JailSpec& spec, AddressWords& addresses) {
  const std::string last = p.values.empty() ? std::string() : p.values.back();
  if (p.name == "name") {
    spec.name = last;
    return;
  }
  if (p.name == "jid") {
    std::optional<long> jid = parseInteger(last);
    if (!jid || *jid < 0)
      spec.errors.push_back("jid: non-integer value " + quoted(last));
    else
      spec.jid = static_cast<int>(*jid);
    return;
  }
  const JailConfKnownParam* known = findJailConfKnownParam(p.name);
  if (known && known->type != JailConfParamType::Kernel) return;
  std::optional<ResolvedParam> resolved = resolveKernelParam(p.name);
  if (!resolved) {
    spec.errors.push_back("unknown parameter: " + p.name);
    return;
  }
  const KernelParam& kernel = *resolved->param;
  const std::string canonical(kernel.name);
  if (kernel.onLinux == OnLinux::ReadOnly) {
    spec.errors.push_back(canonical + ": parameter is read-only");
    return;
  }
  if (canonical == "ip4.addr" || canonical == "ip6.addr") {
    (canonical == "ip4.addr" ? addresses.ip4 : addresses.ip6) = p.values;
    return;
  }
  NormalizedValue value = normalizeKernelValue(kernel, resolved->negated, p.values);
  if (!value.error.empty()) {
    spec.errors.push_back(value.error);
    return;
  }
  if (canonical == "path") spec.path = value.values.front();
  if (canonical == "persist") spec.persist = value.values.front() == "true";
  if (canonical == "vnet") spec.vnet = value.values.front() == "new";
  if (canonical == "devfs_ruleset") spec.devfsRuleset = value.values.front();
  setRecorded(spec.kernelParams, canonical, std::move(value.values));
}

}  // namespace

const char* hookParamName(Hook hook) { return kHookNames[static_cast<size_t>(hook)]; }

bool hookRunsInJail(Hook hook) { return hook == Hook::Start || hook == Hook::Command || hook == Hook::Stop; }

std::string JailSpec::lookupName() const {
  if (!name.empty()) return name;
  if (jid) return std::to_string(*jid);
  return configName;
}

JailSpec buildJailSpec(const JailConfJail& jail, bool fromConfigFile) {
  JailSpec spec;
  spec.listed = jail.params;
  spec.loadErrors = jail.errors;
  spec.commandIsArgv = !fromConfigFile;
  if (fromConfigFile) {
    spec.configName = jail.name;
    // A block name that is a whole non-zero number is the jail's jid.
    if (std::optional<long> jid = parseInteger(jail.name); jid && *jid > 0)
      spec.jid = static_cast<int>(*jid);
    else
      spec.name = jail.name;
  }
  readInternalParams(jail, spec);
  const std::string interface = jail.last("interface");
  const bool ipHostname = jail.flag("ip_hostname").value_or(false);
  AddressWords addresses;
  for (const JailConfParam& p : jail.params) readListedParam(p, spec, addresses);

  if (ipHostname) {
    const std::string hostname = jail.last("host.hostname");
    if (!hostname.empty()) addHostnameAddresses(hostname, addresses.ip4, addresses.ip6, spec.errors);
  }
  readAddresses(spec, false, addresses.ip4, interface);
  readAddresses(spec, true, addresses.ip6, interface);
  return spec;
}

JailRecord recordForNewJail(const JailSpec& spec, int jid, const HostFacts& host) {
  JailRecord record;
  record.jid = jid;
  auto given = [&](std::string_view name) -> const RecordedParam* {
    for (const RecordedParam& p : spec.kernelParams)
      if (p.name == name) return &p;
    return nullptr;
  };
  for (const KernelParam& param : kernelParams()) {
    if (param.name == "jid") continue;
    if (const RecordedParam* p = given(param.name)) {
      record.params.push_back(*p);
      continue;
    }
    std::string value(param.defaultValue);
    if (value == "@jid") value = std::to_string(jid);
    if (value == "@hostname") value = host.hostname;
    if (value == "@domainname") value = host.domainname;
    if (value == "@osrelease") value = host.osrelease;
    if (param.name == "name" && !spec.name.empty()) value = spec.name;
    if (param.name == "path" && !spec.path.empty()) value = spec.path;
    if (param.name == "vnet" && spec.vnet) value = "new";
    if (param.name == "ip4" || param.name == "ip6")
      value = defaultFamilyMode(spec.vnet, given(std::string(param.name) + ".addr") != nullptr);
    if (param.type == ParamType::Ip4List || param.type == ParamType::Ip6List) {
      record.params.push_back({std::string(param.name), {}});
      continue;
    }
    record.params.push_back({std::string(param.name), {value}});
  }
  record.vnetInterfaces = spec.vnetInterfaces;
  return record;
}

std::string describeKernelParams(const std::vector<RecordedParam>& params) {
  std::string text;
  for (const RecordedParam& p : params) {
    if (!text.empty()) text += ' ';
    const KernelParam* kernel = findKernelParam(p.name);
    if (kernel && kernel->type == ParamType::Boolean && p.values.size() == 1) {
      if (p.values.front() == "true") {
        text += p.name;
      } else {
        const size_t dot = p.name.rfind('.');
        text += dot == std::string::npos ? "no" + p.name
                                         : p.name.substr(0, dot + 1) + "no" + p.name.substr(dot + 1);
      }
      continue;
    }
    text += p.name + "=";
    for (size_t i = 0; i < p.values.size(); ++i) text += (i ? "," : "") + quoteParamValue(p.values[i]);
  }
  return text;
}

std::string describeForJidFile(const JailSpec& spec, int jid, const std::string& separator) {
  std::string line = jid > 0 ? "jid=" + std::to_string(jid) : std::string();
  for (const JailConfParam& p : spec.listed) {
    if (p.name == "jid") continue;  // jail(8) never lists it among the parameters
    if (!line.empty()) line += separator;
    line += p.name;
    if (p.values.empty()) continue;
    line += '=';
    for (size_t i = 0; i < p.values.size(); ++i) line += (i ? "," : "") + quoteParamValue(p.values[i]);
  }
  return line;
}

std::string describeLegacyForJidFile(const JailSpec& spec, int jid, const std::string& separator) {
  auto joined = [&](const char* name, const char* between) {
    std::string text;
    for (const JailConfParam& p : spec.listed)
      if (p.name == name)
        for (const std::string& v : p.values) text += (text.empty() ? "" : between) + v;
    return text;
  };
  std::string addresses = joined("ip4.addr", ",");
  const std::string ip6 = joined("ip6.addr", ",");
  if (!ip6.empty()) addresses += (addresses.empty() ? "" : ",") + ip6;
  return std::to_string(jid) + separator + spec.path + separator + joined("host.hostname", "") +
         separator + addresses + separator + joined("command", " ");
}

}  // namespace rcjail::compat
