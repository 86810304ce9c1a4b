// Loading the jail's socket programs with libbpf and attaching them.
#include "network_confinement.h"

#include <arpa/inet.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>
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

// A descriptor closed with its owner.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  ~Descriptor() { reset(); }
  Descriptor(Descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Descriptor& operator=(Descriptor&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

std::string libbpfError(const std::string& what, int error) {
  return what + ": " + std::strerror(error < 0 ? -error : error);
}

constexpr std::array<bpf_attach_type, 7> kHooks{
    BPF_CGROUP_INET_SOCK_CREATE, BPF_CGROUP_INET4_BIND,   BPF_CGROUP_INET6_BIND,  BPF_CGROUP_INET4_CONNECT,
    BPF_CGROUP_INET6_CONNECT,    BPF_CGROUP_UDP4_SENDMSG, BPF_CGROUP_UDP6_SENDMSG};

// The rules map of ours that the program attached to `cgroup` for `hook`
// reads, with its id; an empty descriptor when another program or none is
// attached there.
Descriptor attachedRulesMap(int cgroup, bpf_attach_type hook, __u32& mapId) {
  __u32 programIds[2] = {};
  __u32 count = 2;
  if (bpf_prog_query(cgroup, hook, 0, nullptr, programIds, &count) != 0 || count != 1) return Descriptor();
  const Descriptor program(bpf_prog_get_fd_by_id(programIds[0]));
  if (program.get() < 0) return Descriptor();
  std::array<__u32, 4> mapIds{};
  bpf_prog_info info{};
  info.nr_map_ids = mapIds.size();
  info.map_ids = reinterpret_cast<__u64>(mapIds.data());
  __u32 length = sizeof info;
  if (bpf_obj_get_info_by_fd(program.get(), &info, &length) != 0) return Descriptor();
  for (__u32 i = 0; i < std::min<__u32>(info.nr_map_ids, mapIds.size()); ++i) {
    Descriptor map(bpf_map_get_fd_by_id(mapIds[i]));
    bpf_map_info mapInfo{};
    length = sizeof mapInfo;
    if (map.get() < 0 || bpf_obj_get_info_by_fd(map.get(), &mapInfo, &length) != 0) continue;
    if (std::string_view(mapInfo.name) == "jail_rules" && mapInfo.type == BPF_MAP_TYPE_HASH &&
        mapInfo.key_size == sizeof(__u64) && mapInfo.value_size == sizeof(jail_network_rules)) {
      mapId = mapInfo.id;
      return map;
    }
  }
  return Descriptor();
}

// Loads the programs, with `rules` as their map when it is open, and
// attaches each to the jails' parent cgroup in place of what was there.
// The attachments keep programs and map once the skeleton is gone.
Descriptor attachPrograms(int parent, Descriptor rules, std::string& error) {
  std::unique_ptr<jail_network_bpf, SkeletonDeleter> skeleton(jail_network_bpf__open());
  if (!skeleton) {
    error = libbpfError("bpf: open", errno);
    return Descriptor();
  }
  if (rules.get() >= 0) {
    if (const int failed = bpf_map__reuse_fd(skeleton->maps.jail_rules, rules.get()); failed != 0) {
      error = libbpfError("bpf: reuse the rules map", failed);
      return Descriptor();
    }
  }
  if (const int failed = jail_network_bpf__load(skeleton.get()); failed != 0) {
    error = libbpfError("bpf: load the socket programs", failed);
    return Descriptor();
  }
  const std::array<bpf_program*, kHooks.size()> programs{
      skeleton->progs.jail_socket,   skeleton->progs.jail_bind4,    skeleton->progs.jail_bind6,
      skeleton->progs.jail_connect4, skeleton->progs.jail_connect6, skeleton->progs.jail_sendmsg4,
      skeleton->progs.jail_sendmsg6};
  for (size_t i = 0; i < kHooks.size(); ++i)
    if (bpf_prog_attach(bpf_program__fd(programs[i]), parent, kHooks[i], 0) != 0) {
      error = libbpfError(std::string("bpf: attach ") + bpf_program__name(programs[i]), errno);
      return Descriptor();
    }
  return Descriptor(fcntl(bpf_map__fd(skeleton->maps.jail_rules), F_DUPFD_CLOEXEC, 0));
}

// The map of every confined jail's rules. The programs are loaded and
// attached to the jails' parent cgroup by the first jail that finds them
// missing (or only partly there, after an interrupted attach), keeping the
// rules of the jails that have them; later jails only add their entry.
// The caller holds the parent's lock. Nothing is attached when `attach` is
// false: an empty descriptor then means no jail is confined.
Descriptor rulesMap(int parent, bool attach, std::string& error) {
  Descriptor found;
  __u32 foundId = 0;
  bool complete = true;
  for (bpf_attach_type hook : kHooks) {
    __u32 id = 0;
    Descriptor map = attachedRulesMap(parent, hook, id);
    if (map.get() < 0 || (foundId != 0 && id != foundId)) complete = false;
    if (map.get() >= 0 && found.get() < 0) {
      found = std::move(map);
      foundId = id;
    }
  }
  if (complete || !attach) return found;
  return attachPrograms(parent, std::move(found), error);
}

// The jails' parent cgroup, made if need be, open and locked against other
// jail(8)s changing its programs, its jails' rules or its cgroups; an empty
// descriptor with `error` set.
Descriptor lockedJailsParent(const std::string& mount, std::string& error) {
  const std::string parent = jailCgroupParent(mount);
  if (mkdir(parent.c_str(), 0755) != 0 && errno != EEXIST) {
    error = "mkdir " + parent + ": " + std::strerror(errno);
    return Descriptor();
  }
  Descriptor fd(open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || flock(fd.get(), LOCK_EX) != 0) {
    error = "open " + parent + ": " + std::strerror(errno);
    return Descriptor();
  }
  return fd;
}

// Sets or (with `rules` null) removes the entry of the cgroup `id`.
std::string storeRules(const std::string& mount, __u64 id, const jail_network_rules* rules) {
  std::string error;
  const Descriptor parent = lockedJailsParent(mount, error);
  if (parent.get() < 0) return error;
  const Descriptor map = rulesMap(parent.get(), rules != nullptr, error);
  if (map.get() < 0) return error;
  const int failed = rules ? bpf_map_update_elem(map.get(), &id, rules, BPF_ANY) : bpf_map_delete_elem(map.get(), &id);
  if (failed != 0 && !(rules == nullptr && errno == ENOENT)) return libbpfError("bpf: the jail's rules", errno);
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
    // Under the lock from the cgroup's making until the init is in it, so
    // that no other jail(8) takes the empty cgroup for a stale one.
    std::string error;
    const Descriptor parent = lockedJailsParent(mount, error);
    if (parent.get() < 0) return error;
    const Descriptor map = rulesMap(parent.get(), true, error);
    if (map.get() < 0) return error;
    const std::string directory =
        makeJailCgroup(mount, name, [&](__u64 gone) { bpf_map_delete_elem(map.get(), &gone); }, error);
    if (directory.empty()) return error;
    const __u64 id = cgroupId(directory);
    if (id == 0)
      error = "stat " + directory + ": " + std::strerror(errno);
    else if (bpf_map_update_elem(map.get(), &id, &encoded, BPF_ANY) != 0)
      error = libbpfError("bpf: the jail's rules", errno);
    else
      error = moveIntoCgroup(directory, init.pid());
    if (!error.empty()) {
      rmdir(directory.c_str());
      if (id != 0) bpf_map_delete_elem(map.get(), &id);
    }
    return error;
  });
}

std::string confineNewJail(const JailInit& init, const JailRecord& newJail) {
  const NetworkRules rules = networkRulesOf(newJail);
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
    const __u64 id = cgroupId(mount + path);
    if (id == 0) return "stat " + mount + path + ": " + std::strerror(errno);
    return storeRules(mount, id, &encoded);
  });
}

std::string confinementCgroupOf(const JailInit& init) { return jailCgroupOfProcess(init.pid(), init.descriptor()); }

std::string killConfinedJail(const JailInit& init) {
  const std::string cgroup = confinementCgroupOf(init);
  std::string error = killJail(init);
  if (error.empty() && !cgroup.empty())
    withCgroupHierarchy([&](const std::string& mount) {
      if (const __u64 id = removeJailCgroup(mount, cgroup)) storeRules(mount, id, nullptr);
      return std::string();
    });
  return error;
}

std::string joinJailConfinement(pid_t initPid, int initPidfd) {
  const std::string path = jailCgroupOfProcess(initPid, initPidfd);
  if (path.empty()) return {};
  // A jail inside a confined jail shares its parent's cgroup: a jexec from
  // the parent is in it already (and sees the hierarchy read-only).
  if (unifiedCgroupPath(readTextFile("/proc/self/cgroup")) == path) return {};
  const pid_t self = getpid();
  return withCgroupHierarchy([&](const std::string& mount) { return moveIntoCgroup(mount + path, self); });
}

}  // namespace rcjail::compat
