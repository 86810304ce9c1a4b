// Loading the jail's socket programs with libbpf and attaching them.
#include "network_confinement.h"

#include <arpa/inet.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include "jail_cgroup.h"
#include "jail_holder.h"
#include "jail_network_rules.h"
#include "jail_network.skel.h"
#include "user_database.h"

namespace rcjail::compat {
namespace {

std::string encodeFamily(const FamilyRules& rules, bool inet6, __u32& mode, __u32& count, void* addresses) {
  mode = rules.inherit ? JAIL_NETWORK_INHERIT : JAIL_NETWORK_NEW;
  count = 0;
  if (rules.inherit) return {};
  const char* param = inet6 ? "ip6.addr" : "ip4.addr";
  if (rules.addresses.size() > JAIL_NETWORK_MAX_ADDRESSES)
    return std::string(param) + ": more than " + std::to_string(JAIL_NETWORK_MAX_ADDRESSES) +
           " addresses (the most a Linux jail is confined to)";
  const size_t width = inet6 ? 16 : 4;
  for (const std::string& text : rules.addresses) {
    if (inet_pton(inet6 ? AF_INET6 : AF_INET, text.c_str(), static_cast<char*>(addresses) + count * width) != 1)
      return std::string(param) + ": not an address: " + text;
    ++count;
  }
  return {};
}

struct SkeletonDeleter {
  void operator()(jail_network_bpf* skeleton) const { jail_network_bpf__destroy(skeleton); }
};

std::string libbpfError(const std::string& what, int error) {
  return what + ": " + std::strerror(error < 0 ? -error : error);
}

// Loads the programs with the jail's rules and attaches each to the cgroup.
// The attachments hold the programs once the skeleton is gone.
std::string attachPrograms(const jail_network_rules& rules, int cgroup) {
  std::unique_ptr<jail_network_bpf, SkeletonDeleter> skeleton(jail_network_bpf__open());
  if (!skeleton) return libbpfError("bpf: open", errno);
  std::memcpy(const_cast<jail_network_rules*>(&skeleton->rodata->jail_network), &rules, sizeof rules);
  if (const int error = jail_network_bpf__load(skeleton.get()); error != 0)
    return libbpfError("bpf: load the socket programs", error);
  const std::array<std::pair<bpf_program*, bpf_attach_type>, 7> programs{{
      {skeleton->progs.jail_socket, BPF_CGROUP_INET_SOCK_CREATE},
      {skeleton->progs.jail_bind4, BPF_CGROUP_INET4_BIND},
      {skeleton->progs.jail_bind6, BPF_CGROUP_INET6_BIND},
      {skeleton->progs.jail_connect4, BPF_CGROUP_INET4_CONNECT},
      {skeleton->progs.jail_connect6, BPF_CGROUP_INET6_CONNECT},
      {skeleton->progs.jail_sendmsg4, BPF_CGROUP_UDP4_SENDMSG},
      {skeleton->progs.jail_sendmsg6, BPF_CGROUP_UDP6_SENDMSG},
  }};
  for (const auto& [program, type] : programs)
    if (bpf_prog_attach(bpf_program__fd(program), cgroup, type, 0) != 0)
      return libbpfError(std::string("bpf: attach ") + bpf_program__name(program), errno);
  return {};
}

}  // namespace

std::string encodeNetworkRules(const NetworkRules& rules, jail_network_rules& out) {
  out = jail_network_rules{};
  std::string error = encodeFamily(rules.ip4, false, out.ip4_mode, out.ip4_count, out.ip4);
  if (error.empty()) error = encodeFamily(rules.ip6, true, out.ip6_mode, out.ip6_count, out.ip6);
  return error;
}

std::string confineJailNetwork(const JailInit& init, const NetworkRules& rules) {
  jail_network_rules encoded{};
  if (std::string error = encodeNetworkRules(rules, encoded); !error.empty()) return error;
  const JailCgroupName name{callerPidNamespace().inode, init.pid(), init.startTime()};
  return withCgroupHierarchy([&](const std::string& mount) {
    std::string error;
    const std::string directory = makeJailCgroup(mount, name, error);
    if (directory.empty()) return error;
    const int cgroup = open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    error = cgroup < 0 ? "open " + directory + ": " + std::strerror(errno) : attachPrograms(encoded, cgroup);
    if (cgroup >= 0) close(cgroup);
    if (error.empty()) error = moveIntoCgroup(directory, init.pid());
    // Removing the cgroup detaches whatever was attached.
    if (!error.empty()) rmdir(directory.c_str());
    return error;
  });
}

std::string confineNewJail(const JailInit& init, const JailSpec& spec) {
  const NetworkRules rules = networkRulesOf(recordForNewJail(spec, 0, HostFacts{}));
  if (!rules.confined()) return {};
  std::optional<std::string> own = unifiedCgroupPath(readTextFile("/proc/self/cgroup"));
  if (own && parseJailCgroupPath(*own)) return {};
  const std::string error = confineJailNetwork(init, rules);
  return error.empty() ? error : "cannot confine the jail's network: " + error;
}

std::string updateJailNetwork(const JailInit& init, JailRecord record, const RecordedParam& changed) {
  const std::string path = confinementCgroupOf(init);
  if (path.empty()) return {};
  record.set(changed.name, changed.values);
  jail_network_rules encoded{};
  if (std::string error = encodeNetworkRules(networkRulesOf(record), encoded); !error.empty()) return error;
  return withCgroupHierarchy([&](const std::string& mount) {
    const std::string directory = mount + path;
    const int cgroup = open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (cgroup < 0) return "open " + directory + ": " + std::strerror(errno);
    // Attached without BPF_F_ALLOW_MULTI, a program replaces the one before it.
    std::string error = attachPrograms(encoded, cgroup);
    close(cgroup);
    return error;
  });
}

std::string confinementCgroupOf(const JailInit& init) { return jailCgroupOfProcess(init.pid(), init.descriptor()); }

std::string killConfinedJail(const JailInit& init) {
  const std::string cgroup = confinementCgroupOf(init);
  std::string error = killJail(init);
  if (error.empty()) removeJailCgroup(cgroup);
  return error;
}

std::string joinJailConfinement(pid_t initPid, int initPidfd) {
  const std::string path = jailCgroupOfProcess(initPid, initPidfd);
  if (path.empty()) return {};
  const pid_t self = getpid();
  return withCgroupHierarchy([&](const std::string& mount) { return moveIntoCgroup(mount + path, self); });
}

}  // namespace rcjail::compat
