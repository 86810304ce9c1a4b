// check's rules about this host: addresses that parse and are not shared,
// interfaces that exist, rootdirs that look like a jail root, fstabs and
// devfs rulesets that mount.devfs can use. They look at the block jail(8)
// would read, and point at the rc.conf variable for rc.conf-style jails.
#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "address_list.h"
#include "check_rules.h"
#include "jail_names.h"

namespace rcjail {

namespace {

bool isNumber(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Where a parameter of the jail comes from: the jail.conf statement, or the
// rc.conf variable (per-jail, then global) of an rc.conf-style jail.
Location whereOf(const ConfiguredJail& j, const Variables& vars, const std::string& param,
                 std::initializer_list<const char*> suffixes) {
  if (j.settings && j.settings->rcConfStyle()) {
    for (const char* s : suffixes) {
      if (const Variable* v = vars.find(jailVariable(j.settings->varName, s)); v && !v->value.empty()) return v->where;
      if (const Variable* v = vars.find(std::string("jail_") + s); v && !v->value.empty()) return v->where;
    }
    return j.where;
  }
  if (j.block)
    if (const JailConfParam* p = j.block->find(param)) return p->where;
  return j.where;
}

struct ParsedAddress {
  std::string interface, address, prefix;
};

ParsedAddress splitAddress(const std::string& value) {
  ParsedAddress a;
  std::string rest = value;
  if (auto bar = rest.find('|'); bar != std::string::npos) {
    a.interface = rest.substr(0, bar);
    rest = rest.substr(bar + 1);
  }
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    a.prefix = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  if (auto space = rest.find(' '); space != std::string::npos) rest = rest.substr(0, space);
  a.address = rest;
  return a;
}

std::string addressProblem(const ParsedAddress& a, bool inet6) {
  unsigned char buf[16];
  if (inet_pton(inet6 ? AF_INET6 : AF_INET, a.address.c_str(), buf) != 1)
    return std::string("address \"") + a.address + "\" is not a valid IPv" + (inet6 ? "6" : "4") + " address";
  if (!a.prefix.empty()) {
    unsigned char mask[4];
    if (!inet6 && inet_pton(AF_INET, a.prefix.c_str(), mask) == 1) return "";
    if (!isNumber(a.prefix) || std::stoi(a.prefix.substr(0, 4)) > (inet6 ? 128 : 32))
      return "address \"" + a.address + "/" + a.prefix + "\" has an invalid prefix length";
  }
  return "";
}

void checkAddresses(const CheckInputs& in, std::vector<Finding>& out) {
  // Every address of every configured jail, for the duplicate test.
  std::map<std::string, std::vector<std::string>> users;
  for (const ConfiguredJail& j : in.all) {
    if (!j.block) continue;
    for (const char* param : {"ip4.addr", "ip6.addr"})
      for (const std::string& v : j.block->values(param)) {
        std::string addr = splitAddress(v).address;
        auto& list = users[addr];
        if (std::find(list.begin(), list.end(), j.name) == list.end()) list.push_back(j.name);
      }
  }
  for (const ConfiguredJail& j : in.jails) {
    if (!j.block) continue;
    for (const char* param : {"ip4.addr", "ip6.addr"}) {
      Location where = whereOf(j, in.vars, param, {"ip"});
      for (const std::string& v : j.block->values(param)) {
        ParsedAddress a = splitAddress(v);
        if (std::string problem = addressProblem(a, std::string(param) == "ip6.addr"); !problem.empty())
          out.push_back({Severity::Error, where, j.name, problem, ""});
        // A missing `interface` is reported once below, not again for each address it prefixes.
        if (!a.interface.empty() && a.interface != j.block->last("interface") && in.env.interfaceExists &&
            !in.env.interfaceExists(a.interface))
          out.push_back({Severity::Error, whereOf(j, in.vars, param, {"interface", "ip"}), j.name,
                         "interface " + a.interface + " (for " + a.address + ") does not exist on this host", ""});
        for (const std::string& other : users[a.address])
          if (other != j.name)
            out.push_back({Severity::Warning, where, j.name, "address " + a.address + " is also used by jail " + other, ""});
      }
    }
    std::string interface = j.block->last("interface");
    if (!interface.empty() && in.env.interfaceExists && !in.env.interfaceExists(interface))
      out.push_back({Severity::Error, whereOf(j, in.vars, "interface", {"interface"}), j.name,
                     "interface " + interface + " does not exist on this host", ""});
  }
}

// A jail that could not be configured (a misspelt rootdir, say) has no
// block, but its rc.conf addresses can still be wrong: report them too, so
// that one run shows every problem of the jail.
void checkUnconfiguredAddresses(const CheckInputs& in, std::vector<Finding>& out) {
  for (const ConfiguredJail& j : in.jails) {
    if (j.block) continue;
    const std::string var = variableName(j.name);
    std::vector<const Variable*> sources;
    if (const Variable* v = in.vars.find(jailVariable(var, "ip"))) sources.push_back(v);
    for (const std::string& name : in.vars.namesWithPrefix(jailVariable(var, "ip_multi")))
      sources.push_back(in.vars.find(name));
    for (const Variable* v : sources) {
      AddressList list;
      addAddressOption(v->value, "", Quirks::Fixed, list);
      for (const JailAddress& a : list.addresses)
        if (std::string problem = addressProblem(splitAddress(a.value), a.inet6); !problem.empty())
          out.push_back({Severity::Error, v->where, j.name, problem, ""});
    }
  }
}

void checkRootdir(const ConfiguredJail& j, const CheckInputs& in, std::vector<Finding>& out) {
  std::string path = j.block->last("path");
  if (path.empty()) return;
  Location where = whereOf(j, in.vars, "path", {"rootdir"});
  if (!in.env.root.directory(path)) {
    out.push_back({Severity::Error, where, j.name, "path " + path + " does not exist", ""});
    return;
  }
  std::vector<std::string> missing;
  for (const char* f : {"/bin/sh", "/etc/rc"})
    if (!in.env.root.regularFile(path + f)) missing.push_back(f);
  if (!missing.empty())
    out.push_back({Severity::Warning, where, j.name,
                   "path " + path + " does not look like a jail root (no " + missing.front() +
                       (missing.size() > 1 ? ", no " + missing.back() : std::string()) + ")",
                   ""});
}

void checkFstab(const ConfiguredJail& j, const CheckInputs& in, std::vector<Finding>& out) {
  if (j.settings && j.settings->rcConfStyle()) {
    // Stock drops a mount.fstab it cannot read without a word.
    const Variable* own = in.vars.find(jailVariable(j.settings->varName, "fstab"));
    const Variable* global = in.vars.find("jail_fstab");
    const Variable* v = own && !own->value.empty() ? own : global && !global->value.empty() ? global : nullptr;
    if (v && !in.env.root.readable(v->value))
      out.push_back({Severity::Warning, v->where, j.name, "fstab " + v->value + " does not exist; the jail starts without its mounts", ""});
    return;
  }
  for (const std::string& f : j.block->values("mount.fstab"))
    if (!in.env.root.readable(f))
      out.push_back({Severity::Error, whereOf(j, in.vars, "mount.fstab", {}), j.name, "mount.fstab " + f + " does not exist", ""});
}

void checkDevfsRuleset(const ConfiguredJail& j, const CheckInputs& in, std::vector<Finding>& out) {
  if (j.settings && j.settings->rcConfStyle()) {
    const Variable* own = in.vars.find(jailVariable(j.settings->varName, "devfs_ruleset"));
    const Variable* global = in.vars.find("jail_devfs_ruleset");
    const Variable* v = own && !own->value.empty() ? own : global && !global->value.empty() ? global : nullptr;
    if (v && !isNumber(v->value) && v->value != "devfsrules_jail")
      out.push_back({Severity::Warning, v->where, j.name, "devfs_ruleset \"" + v->value + "\" is not a number; stock ignores it", ""});
    return;
  }
  std::string value = j.block->last("devfs_ruleset");
  if (j.block->find("devfs_ruleset") && !isNumber(value))
    out.push_back({Severity::Error, whereOf(j, in.vars, "devfs_ruleset", {}), j.name, "devfs_ruleset \"" + value + "\" is not a number", ""});
}

}  // namespace

void checkHost(const CheckInputs& in, std::vector<Finding>& out) {
  checkAddresses(in, out);
  checkUnconfiguredAddresses(in, out);
  for (const ConfiguredJail& j : in.jails) {
    if (!j.block) continue;
    checkRootdir(j, in, out);
    checkFstab(j, in, out);
    checkDevfsRuleset(j, in, out);
  }
}

}  // namespace rcjail
