// seccomp user notification through libseccomp, the caller through the
// init's own procfs and a pidfd, paths through openat2(2), the attaching
// through move_mount(2), quotas through quotactl_fd(2) (Linux 5.14).
#include "jail_broker.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <seccomp.h>
#include <sys/mount.h>
#include <sys/quota.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <sstream>

#include "broker_mounts.h"
#include "child_procfs.h"
#include "descriptor_passing.h"
#include "jail_identity.h"
#include "linux_mounts.h"
#include "linux_namespaces.h"

namespace rcjail::compat {
namespace {

constexpr size_t kMaxListeners = 4096;
constexpr size_t kMaxString = 4096;

std::string failure(const std::string& what) { return what + ": " + std::strerror(errno); }

// A NUL-terminated string of the caller's at `address`, page by page, so
// that a string ending just before an unmapped page still reads.
std::optional<std::string> readString(int memory, std::uint64_t address) {
  if (address == 0) return std::string();
  std::string text;
  while (text.size() < kMaxString) {
    const size_t room = 4096 - (address % 4096);
    std::array<char, 4096> chunk{};
    const ssize_t got = pread(memory, chunk.data(), room, static_cast<off_t>(address));
    if (got <= 0) return std::nullopt;
    const char* end = static_cast<const char*>(std::memchr(chunk.data(), '\0', static_cast<size_t>(got)));
    text.append(chunk.data(), end ? static_cast<size_t>(end - chunk.data()) : static_cast<size_t>(got));
    if (end) return text;
    address += static_cast<std::uint64_t>(got);
  }
  return std::nullopt;
}

// The effective uid, the second field of status's Uid line.
std::optional<long> effectiveUid(int proc, const std::string& pid) {
  std::istringstream fields(procField(proc, pid + "/status", "Uid:"));
  long real = -1, effective = -1;
  if (fields >> real >> effective) return effective;
  return std::nullopt;
}

bool sameMountNamespace(int proc, const std::string& pid) {
  struct stat caller{}, own{};
  return fstatat(proc, (pid + "/ns/mnt").c_str(), &caller, 0) == 0 &&
         fstatat(proc, "self/ns/mnt", &own, 0) == 0 && caller.st_ino == own.st_ino && caller.st_dev == own.st_dev;
}

std::string readLinkAt(int dir, const std::string& path) {
  std::array<char, 4096> text{};
  const ssize_t length = readlinkat(dir, path.c_str(), text.data(), text.size() - 1);
  return length > 0 ? std::string(text.data(), static_cast<size_t>(length)) : std::string();
}

// The mount point (inside the process's root) of the first mount of
// process `pid` whose source is `source`; "" if none.
std::string mountPointOf(int proc, const std::string& pid, const std::string& source) {
  const int fd = source.empty() ? -1 : openat(proc, (pid + "/mountinfo").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  for (const MountPoint& mount : parseMountInfo(readUntilClosed(fd)))
    if (mount.source == source) return mount.path;
  return {};
}

}  // namespace

QuotaCommand quotaCommand(unsigned command) {
  switch (command >> SUBCMDSHIFT) {
    case Q_SETQUOTA: return {true, sizeof(if_dqblk), true};
    case Q_SETINFO: return {true, sizeof(if_dqinfo), true};
    case Q_GETQUOTA: return {true, sizeof(if_dqblk), false};
    case Q_GETNEXTQUOTA: return {true, sizeof(if_nextdqblk), false};
    default: return {};  // needs nothing the jail's root lacks, or is the host's (quotaon, quotaoff)
  }
}

// The process a call came from, as the init's procfs shows it.
struct JailBroker::Caller {
  std::string pid;
  std::string call;  // mount, umount2, umount, quotactl, quotactl_fd
  std::array<std::uint64_t, 6> args{};
  int root = -1;     // its root directory, O_PATH
  int memory = -1;   // its memory
  int pidfd = -1;
  std::string rootPath, cwd;  // as the init sees them
  Caller() = default;
  Caller(const Caller&) = delete;
  Caller& operator=(const Caller&) = delete;
  ~Caller() {
    if (root >= 0) close(root);
    if (memory >= 0) close(memory);
    if (pidfd >= 0) close(pidfd);
  }

  // The path at `address`, absolute inside the caller's root: a relative
  // one is taken from its working directory, which must lie inside it.
  int target(std::uint64_t address, std::string& path) const {
    std::optional<std::string> text = readString(memory, address);
    if (!text) return EFAULT;
    path = *text;
    if (path.starts_with("/")) return 0;
    const std::string top = rootPath == "/" ? "" : rootPath;
    if (cwd != rootPath && !cwd.starts_with(top + "/")) return EPERM;
    path = cwd.substr(top.size()) + "/" + path;
    return 0;
  }
  // An O_PATH descriptor of `path`, looked up inside the caller's root.
  int open(const std::string& path, int flags) const {
    open_how how{};
    how.flags = static_cast<std::uint64_t>(O_PATH | O_CLOEXEC | flags);
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    return static_cast<int>(syscall(SYS_openat2, root, path.c_str(), &how, sizeof how));
  }
};

int takeBrokerChannel(int initPidfd) {
  return static_cast<int>(syscall(SYS_pidfd_getfd, initPidfd, kBrokerChannelFd, 0));
}

std::unique_ptr<JailBroker> JailBroker::start(const JailPrivileges& privileges, std::string& error) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, pair) != 0) {
    error = failure("socketpair");
    return nullptr;
  }
  const int context = fsopen("proc", FSOPEN_CLOEXEC);
  const int proc = context < 0 || fsconfig(context, FSCONFIG_CMD_CREATE, nullptr, nullptr, 0) != 0
                       ? -1
                       : fsmount(context, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
  if (proc < 0) error = failure("a procfs for the jail's mounts");
  if (context >= 0) close(context);
  if (proc >= 0 && dup3(pair[1], kBrokerChannelFd, O_CLOEXEC) < 0) error = failure("dup3");
  close(pair[1]);
  if (!error.empty()) {
    close(pair[0]);
    if (proc >= 0) close(proc);
    return nullptr;
  }
  return std::unique_ptr<JailBroker>(new JailBroker(privileges, pair[0], proc));
}

JailBroker::JailBroker(const JailPrivileges& privileges, int channel, int proc)
    : privileges_(privileges), channel_(channel), proc_(proc) {}

JailBroker::~JailBroker() {
  close(channel_);
  close(proc_);
  close(kBrokerChannelFd);
  for (int fd : listeners_) close(fd);
}

void JailBroker::addPollEntries(std::vector<pollfd>& fds) const {
  fds.push_back({channel_, POLLIN, 0});
  for (int fd : listeners_) fds.push_back({fd, POLLIN, 0});
}

void JailBroker::serve(std::span<const pollfd> entries) {
  if (entries.empty()) return;
  std::vector<int> gone;
  for (const pollfd& entry : entries.subspan(1)) {
    if (entry.revents & POLLIN) answer(entry.fd);
    // Every process of the filter has ended.
    else if (entry.revents & (POLLHUP | POLLERR | POLLNVAL)) gone.push_back(entry.fd);
  }
  for (int fd : gone) {
    std::erase(listeners_, fd);
    close(fd);
  }
  if (entries[0].revents & POLLIN) receiveListeners();
}

void JailBroker::receiveListeners() {
  for (int fd = -1, kind = 0; receiveDescriptor(channel_, fd, kind, false);) {
    if (fd < 0) continue;
    if (kind == kChildProcfsRequest) {
      if (privileges_.childProcfs) answerChildProcfs(fd, proc_);
      close(fd);
      continue;
    }
    if (listeners_.size() >= kMaxListeners) {
      close(fd);  // its calls fail with ENOSYS once no one listens
      continue;
    }
    listeners_.push_back(fd);
  }
}

void JailBroker::answer(int listener) {
  seccomp_notif* notification = nullptr;
  seccomp_notif_resp* response = nullptr;
  if (seccomp_notify_alloc(&notification, &response) != 0) return;
  std::unique_ptr<seccomp_notif, void (*)(seccomp_notif*)> held(notification, [](seccomp_notif* n) {
    seccomp_notify_free(n, nullptr);
  });
  std::unique_ptr<seccomp_notif_resp, void (*)(seccomp_notif_resp*)> heldResponse(
      response, [](seccomp_notif_resp* r) { seccomp_notify_free(nullptr, r); });
  if (seccomp_notify_receive(listener, notification) != 0) return;
  auto respond = [&](int error, bool kernel) {
    *response = {};
    response->id = notification->id;
    response->error = kernel ? 0 : -error;
    response->flags = kernel ? SECCOMP_USER_NOTIF_FLAG_CONTINUE : 0;
    (void)seccomp_notify_respond(listener, response);
  };
  Caller caller;
  char* name = seccomp_syscall_resolve_num_arch(notification->data.arch, notification->data.nr);
  caller.call = name ? name : "";
  std::free(name);
  const bool quotas = caller.call == "quotactl" || caller.call == "quotactl_fd";
  // pid 0: a process outside the init's PID namespace, as no jail's process
  // is. Another user's quota call is the kernel's to judge by its privileges.
  const std::string pid = std::to_string(notification->pid);
  if (notification->pid == 0) return respond(EPERM, false);
  if (effectiveUid(proc_, pid) != 0) return respond(EPERM, quotas);
  if (!sameMountNamespace(proc_, pid)) return respond(EPERM, false);
  caller.pid = pid;
  std::copy(std::begin(notification->data.args), std::end(notification->data.args), caller.args.begin());
  caller.root = openat(proc_, (pid + "/root").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  caller.memory = openat(proc_, (pid + "/mem").c_str(), O_RDWR | O_CLOEXEC);
  caller.pidfd = pidfdOpen(notification->pid);
  caller.rootPath = readLinkAt(proc_, pid + "/root");
  caller.cwd = readLinkAt(proc_, pid + "/cwd");
  // All of it read from the process the call came from, not one with its pid since.
  if (caller.root < 0 || caller.memory < 0 || caller.pidfd < 0 || caller.rootPath.empty() || caller.cwd.empty() ||
      seccomp_notify_id_valid(listener, notification->id) != 0)
    return respond(EPERM, false);
  bool kernel = false;
  const int error = caller.call == "mount"                              ? mount(caller, kernel)
                    : caller.call == "umount2" || caller.call == "umount" ? unmount(caller, kernel)
                    : quotas                                              ? quota(caller, kernel)
                                                                          : EPERM;
  respond(error, kernel);
}

int JailBroker::mount(const Caller& caller, bool& kernel) {
  MountRequest request;
  std::optional<std::string> type = readString(caller.memory, caller.args[2]);
  if (!type) return EFAULT;
  request.type = *type;
  request.flags = caller.args[3];
  if (request.flags & MS_REMOUNT) return remount(caller, kernel);
  const MountDecision decision = decideMount(request, privileges_);
  kernel = decision.kind == MountDecision::Kind::Kernel;
  if (decision.kind != MountDecision::Kind::Mount) return kernel ? 0 : decision.error;
  std::optional<std::string> source = readString(caller.memory, caller.args[0]);
  std::optional<std::string> data = readString(caller.memory, caller.args[4]);
  if (!source || !data) return EFAULT;
  request.source = *source;
  request.data = *data;
  if (int error = caller.target(caller.args[1], request.target)) return error;
  const int at = caller.open(request.target, O_DIRECTORY);
  if (at < 0) return errno;
  BuiltMount built = buildMount(decision, request, caller.root, proc_, privileges_.hideKernelLog);
  int error = built.error;
  if (error == 0) {
    error = move_mount(built.tree, "", at, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) == 0 ? 0 : errno;
    struct stat st{};
    if (error == 0 && fstat(built.tree, &st) == 0) mounted_[mountIdOf(proc_, built.tree)] = {decision.type, st.st_dev};
    close(built.tree);
  }
  close(at);
  return error;
}

// A remount of what the init mounted for the jail, through the magic link
// of the very mount checked (a path would follow whatever is mounted on
// top by then). Any other remount is the kernel's where the jail owns its
// mount namespace, and refused elsewhere.
int JailBroker::remount(const Caller& caller, bool& kernel) {
  std::string target;
  if (int error = caller.target(caller.args[1], target)) return error;
  const int at = caller.open(target, O_DIRECTORY);
  if (at < 0) return errno;
  const auto made = madeAt(at);
  kernel = made == mounted_.end() && privileges_.lockedMounts;
  int error = kernel ? 0 : EPERM;
  if (made != mounted_.end()) {
    // The options of the file system, but for a bind remount (per-mount
    // flags only) and devfs (FreeBSD's are rulesets).
    const bool withData = !(caller.args[3] & MS_BIND) && made->second.type != "devfs";
    std::optional<std::string> data = withData ? readString(caller.memory, caller.args[4]) : std::string();
    const std::string path = descriptorPath(at);
    if (!data)
      error = EFAULT;
    else if (fchdir(proc_) != 0 || ::mount(nullptr, path.c_str(), nullptr, remountFlags(made->second.type, caller.args[3]),
                                           data->empty() ? nullptr : data->c_str()) != 0)
      error = errno;
    else
      error = 0;
    (void)!chdir("/");
  }
  close(at);
  return error;
}

int JailBroker::unmount(const Caller& caller, bool& kernel) {
  std::string target;
  if (int error = caller.target(caller.args[0], target)) return error;
  const bool umount2 = caller.call == "umount2";
  const int at = caller.open(target, umount2 && (caller.args[1] & UMOUNT_NOFOLLOW) ? O_NOFOLLOW : 0);
  if (at < 0) return errno;
  const std::string id = mountIdOf(proc_, at);
  const auto made = madeAt(at);
  close(at);  // a descriptor on the mount would keep it busy
  // FreeBSD's vfs_suser: a jail unmounts only what was mounted from it; in a
  // mount namespace the jail owns (allow.mount.nullfs), the kernel knows.
  kernel = made == mounted_.end() && privileges_.lockedMounts;
  if (made == mounted_.end()) return kernel ? 0 : EPERM;
  int flags = umount2 ? static_cast<int>(caller.args[1]) & (MNT_FORCE | MNT_DETACH) : 0;
  // A procfs and a devfs are one file system to the jail, with mounts of
  // the init's below them (masks, pts, shm): they go together.
  if (made->second.type == "proc" || made->second.type == "devfs") flags |= MNT_DETACH;
  const int error = unmountMade(target, id, flags, caller.root, proc_);
  if (error == 0) mounted_.erase(made);
  return error;
}

std::map<std::string, JailBroker::Made>::iterator JailBroker::madeAt(int fd) {
  const auto made = mounted_.find(mountIdOf(proc_, fd));
  struct stat st{};
  if (made == mounted_.end() || fstat(fd, &st) != 0) return mounted_.end();
  if (st.st_dev == made->second.device) return made;
  mounted_.erase(made);  // gone: its id is another mount's now
  return mounted_.end();
}

// quotactl(2) names the file system by a block device, which no jail has,
// or by a mount's source (what the jail's mount table shows); FreeBSD's
// names it by any path on it. Either way the init sets the quota through
// quotactl_fd(2) on a directory of the file system inside the caller's root.
int JailBroker::quota(const Caller& caller, bool& kernel) {
  const bool byDescriptor = caller.call == "quotactl_fd";
  const QuotaCommand command = quotaCommand(static_cast<unsigned>(caller.args[byDescriptor ? 1 : 0]));
  kernel = !command.brokered;
  if (kernel) return 0;
  int fd = -1;
  if (byDescriptor) {
    fd = static_cast<int>(syscall(SYS_pidfd_getfd, caller.pidfd, static_cast<int>(caller.args[0]), 0));
  } else {
    std::string special;
    if (int error = caller.target(caller.args[1], special)) return error;
    fd = caller.open(special, 0);
    if (fd < 0 && errno == ENOENT) fd = caller.open(mountPointOf(proc_, caller.pid, special), 0);
  }
  if (fd < 0) return errno;
  std::array<char, 128> buffer{};
  const std::uint64_t address = caller.args[3];
  const auto size = static_cast<ssize_t>(command.size);
  int error = command.in && pread(caller.memory, buffer.data(), command.size, static_cast<off_t>(address)) != size
                  ? EFAULT
                  : 0;
  if (error == 0 && syscall(SYS_quotactl_fd, fd, static_cast<unsigned>(caller.args[byDescriptor ? 1 : 0]),
                            static_cast<unsigned>(caller.args[2]), buffer.data()) != 0)
    error = errno;
  if (error == 0 && !command.in && pwrite(caller.memory, buffer.data(), command.size, static_cast<off_t>(address)) != size)
    error = EFAULT;
  close(fd);
  return error;
}

}  // namespace rcjail::compat
