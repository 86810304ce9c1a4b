// Capabilities through prctl(2)/capset(2), the filter through libseccomp,
// the file system through bind mounts and remounts.
#include "jail_restrictions.h"

#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "descriptor_passing.h"
#include "linux_mounts.h"

namespace rcjail::compat {
namespace {

std::string failure(const std::string& what, int error) { return what + ": " + std::strerror(error); }

// `dropHeld`: the permitted and effective sets go down to `keep` as well, for
// a process that stays in the jail without executing anything (its init).
std::string cutCapabilities(CapabilitySet keep, bool dropHeld) {
  // PR_CAPBSET_READ fails with EINVAL past the kernel's last capability.
  for (int number = 0; prctl(PR_CAPBSET_READ, number, 0, 0, 0) >= 0; ++number)
    if (!hasCapability(keep, number) && prctl(PR_CAPBSET_DROP, number, 0, 0, 0) != 0)
      return failure("prctl(PR_CAPBSET_DROP, " + std::to_string(number) + ")", errno);
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
    return failure("prctl(PR_CAP_AMBIENT_CLEAR_ALL)", errno);
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  std::array<__user_cap_data_struct, _LINUX_CAPABILITY_U32S_3> data{};
  if (syscall(SYS_capget, &header, data.data()) != 0) return failure("capget", errno);
  for (size_t i = 0; i < data.size(); ++i) {
    data[i].inheritable = 0;
    if (dropHeld) {
      data[i].permitted &= static_cast<std::uint32_t>(keep >> (32 * i));
      data[i].effective &= static_cast<std::uint32_t>(keep >> (32 * i));
    }
  }
  if (syscall(SYS_capset, &header, data.data()) != 0) return failure("capset", errno);
  return {};
}

struct FilterDeleter {
  void operator()(void* filter) const { seccomp_release(filter); }
};

// The architectures whose system calls a process here can make: 32-bit
// programs enter the kernel with their own numbers, which a filter for the
// native ones alone would let through (or kill).
void addCompatArchitectures(scmp_filter_ctx filter) {
  const uint32_t native = seccomp_arch_native();
  if (native == SCMP_ARCH_X86_64) {
    seccomp_arch_add(filter, SCMP_ARCH_X86);
    seccomp_arch_add(filter, SCMP_ARCH_X32);
  } else if (native == SCMP_ARCH_AARCH64) {
    seccomp_arch_add(filter, SCMP_ARCH_ARM);
  }
}

// The filter of `refused` as libseccomp makes it, exported as the kernel's
// program. Making it costs far more than loading it (every rule for three
// architectures), so a process makes each once (callFilter).
std::string makeCallFilter(const std::vector<RefusedCall>& refused, std::vector<sock_filter>& program) {
  std::unique_ptr<void, FilterDeleter> filter(seccomp_init(SCMP_ACT_ALLOW));
  if (!filter) return "seccomp_init: failed";
  // libseccomp sets no_new_privs by default, which would stop setuid programs.
  if (int rc = seccomp_attr_set(filter.get(), SCMP_FLTATR_CTL_NNP, 0); rc < 0)
    return failure("seccomp_attr_set", -rc);
  addCompatArchitectures(filter.get());
  for (const RefusedCall& call : refused) {
    const std::string name(call.name);
    const int number = seccomp_syscall_resolve_name(name.c_str());
    if (number == __NR_SCMP_ERROR) continue;  // a call this kernel's ABI does not have
    const uint32_t action = call.brokered ? SCMP_ACT_NOTIFY : SCMP_ACT_ERRNO(call.errorNumber);
    const int rc = call.argIndex < 0
                       ? seccomp_rule_add(filter.get(), action, number, 0)
                       : seccomp_rule_add(filter.get(), action, number, 1,
                                          SCMP_CMP(static_cast<unsigned>(call.argIndex), SCMP_CMP_MASKED_EQ,
                                                   call.bits, call.bits));
    if (rc < 0) return failure("seccomp_rule_add " + name, -rc);
  }
  const int memory = memfd_create("jail-filter", MFD_CLOEXEC);
  if (memory < 0) return failure("memfd_create", errno);
  std::string error;
  if (int rc = seccomp_export_bpf(filter.get(), memory); rc < 0) error = failure("seccomp_export_bpf", -rc);
  const off_t size = error.empty() ? lseek(memory, 0, SEEK_END) : -1;
  if (error.empty() && (size <= 0 || size % static_cast<off_t>(sizeof(sock_filter)) != 0))
    error = "seccomp_export_bpf: no program";
  if (error.empty()) {
    program.resize(static_cast<size_t>(size) / sizeof(sock_filter));
    if (pread(memory, program.data(), static_cast<size_t>(size), 0) != size) error = failure("read the filter", errno);
  }
  close(memory);
  return error;
}

// The program of `refused`, made on first use in this process; children
// forked afterwards find it made.
std::string callFilter(const std::vector<RefusedCall>& refused, const std::vector<sock_filter>*& program) {
  static std::vector<std::pair<std::vector<RefusedCall>, std::vector<sock_filter>>> made;
  for (const auto& entry : made)
    if (entry.first == refused) {
      program = &entry.second;
      return {};
    }
  std::vector<sock_filter> fresh;
  if (std::string error = makeCallFilter(refused, fresh); !error.empty()) return error;
  made.emplace_back(refused, std::move(fresh));
  program = &made.back().second;
  return {};
}

// Loads the filter as libseccomp's seccomp_load would with these attributes:
// no no_new_privs, and a listener (`listener`) when it hands calls on.
std::string loadCallFilter(const std::vector<RefusedCall>& refused, int* listener = nullptr) {
  const std::vector<sock_filter>* program = nullptr;
  if (std::string error = callFilter(refused, program); !error.empty()) return error;
  sock_fprog fprog{static_cast<unsigned short>(program->size()), const_cast<sock_filter*>(program->data())};
  const bool hands = std::ranges::any_of(refused, &RefusedCall::brokered);
  const long rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, hands ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0, &fprog);
  if (rc < 0) return failure("seccomp", errno);
  if (listener) *listener = hands ? static_cast<int>(rc) : -1;
  return {};
}

// The listener goes to the jail's init over `channel`.
std::string sendListener(int channel, int listener) {
  const bool sent = sendDescriptor(channel, listener, 0);
  const int error = errno;
  close(listener);
  return sent ? std::string() : failure("send the mount listener to the jail's init", error);
}

std::vector<MountPoint> readMountPoints() {
  std::ifstream in("/proc/self/mountinfo");
  std::stringstream text;
  text << in.rdbuf();
  return parseMountInfo(text.str());
}

bool isBelow(const std::string& path, const std::string& top) {
  return path == top || (path.size() > top.size() && path.compare(0, top.size(), top) == 0 &&
                         (top == "/" || path[top.size()] == '/'));
}

// ST_NOSYMFOLLOW of statfs(2) (Linux 5.10), which this C library does not name.
constexpr unsigned long kStatNoSymfollow = 0x2000;

// A bind remount sets every per-mount flag anew: those the mount has are kept.
unsigned long mountFlagsOf(const struct statvfs& info) {
  unsigned long flags = 0;
  for (auto [statFlag, mountFlag] : std::array<std::pair<unsigned long, unsigned long>, 8>{
           {{ST_RDONLY, MS_RDONLY}, {ST_NOSUID, MS_NOSUID}, {ST_NODEV, MS_NODEV}, {ST_NOEXEC, MS_NOEXEC},
            {ST_NOATIME, MS_NOATIME}, {ST_NODIRATIME, MS_NODIRATIME}, {ST_RELATIME, MS_RELATIME},
            {kStatNoSymfollow, MS_NOSYMFOLLOW}}})
    if (info.f_flag & statFlag) flags |= mountFlag;
  return flags;
}

// Adds `wanted` to the per-mount flags of the mount at `path`, keeping the others.
std::string remountWith(const std::string& path, unsigned long wanted) {
  struct statvfs info{};
  if (statvfs(path.c_str(), &info) != 0) return {};  // a mount point hidden under another
  const unsigned long flags = mountFlagsOf(info);
  if ((flags & wanted) == wanted) return {};
  if (mount(nullptr, path.c_str(), nullptr, MS_REMOUNT | MS_BIND | flags | wanted, nullptr) != 0)
    return failure("remount " + path, errno);
  return {};
}

// A read-only view of `path` (its own bind mount, so that the rest of /proc stays as it is).
std::string bindReadOnly(const std::string& path) {
  struct stat st{};
  if (lstat(path.c_str(), &st) != 0) return {};
  if (mount(path.c_str(), path.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0) return failure("bind " + path, errno);
  return remountWith(path, MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
}

// An empty read-only tmpfs over a directory, the null device over a file.
std::string hide(const std::string& path, const std::string& nullDevice) {
  struct stat st{};
  if (lstat(path.c_str(), &st) != 0) return {};
  if (S_ISDIR(st.st_mode)) {
    if (mount("hidden", path.c_str(), "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=555") != 0)
      return failure("hide " + path, errno);
    return {};
  }
  if (mount(nullDevice.c_str(), path.c_str(), nullptr, MS_BIND, nullptr) != 0) return failure("hide " + path, errno);
  return {};
}

}  // namespace

std::string restrictProcfs(const std::string& proc, bool hideKernelLog, const std::string& nullDevice) {
  const std::string top = proc == "/" ? "" : proc;
  // Done already (before the jail's init moved into its root)?
  struct statvfs info{};
  if (statvfs((top + "/sys").c_str(), &info) == 0 && (info.f_flag & ST_RDONLY)) return {};
  for (std::string_view entry : procReadOnlyPaths())
    if (std::string error = bindReadOnly(top + std::string(entry)); !error.empty()) return error;
  for (std::string_view entry : procHiddenPaths())
    if (std::string error = hide(top + std::string(entry), nullDevice); !error.empty()) return error;
  if (hideKernelLog) return hide(top + "/kmsg", nullDevice);
  return {};
}

std::string prepareJailFilter(const JailPrivileges& privileges) {
  const std::vector<sock_filter>* program = nullptr;
  return callFilter(privileges.refused, program);
}

std::string restrictToJail(const JailPrivileges& privileges, int brokerChannel) {
  if (privileges.hasBroker() && brokerChannel < 0) return "the jail's init takes no requests";
  if (std::string error = cutCapabilities(privileges.capabilities, false); !error.empty()) return error;
  int listener = -1;
  if (std::string error = loadCallFilter(privileges.refused, &listener); !error.empty()) return error;
  return listener < 0 ? std::string() : sendListener(brokerChannel, listener);
}

std::string restrictJailInit(const JailPrivileges& privileges) {
  // The filter first: loading it without no_new_privs takes CAP_SYS_ADMIN.
  if (std::string error = loadCallFilter(privileges.initRefused); !error.empty()) return error;
  return cutCapabilities(privileges.initCapabilities, true);
}

std::string restrictJailProcfs(const std::string& root, bool hideKernelLog) {
  for (const MountPoint& m : readMountPoints())
    // A procfs itself, not the read-only binds of its parts made here.
    if (m.fstype == "proc" && m.wholeFileSystem && isBelow(m.path, root))
      if (std::string error = restrictProcfs(m.path, hideKernelLog, "/dev/null"); !error.empty()) return error;
  return {};
}

std::string restrictJailFileSystem(bool hideKernelLog) {
  if (std::string error = restrictJailProcfs("/", hideKernelLog); !error.empty()) return error;
  std::vector<std::string> sysfs;
  for (const MountPoint& m : readMountPoints())
    if (m.fstype == "sysfs") sysfs.push_back(m.path);
  for (const MountPoint& m : readMountPoints()) {
    unsigned long wanted = 0;
    // The jail's /dev (devfs, or the host's /dev for a jail that shares the
    // host's root) is where device nodes belong.
    if (!isBelow(m.path, "/dev")) wanted |= MS_NODEV;
    for (const std::string& top : sysfs)
      if (isBelow(m.path, top)) wanted |= MS_RDONLY;
    if (std::string error = remountWith(m.path, wanted); !error.empty()) return error;
  }
  return {};
}

}  // namespace rcjail::compat
