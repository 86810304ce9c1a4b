// jail_probe: tries, from inside a jail, each route out that a jail's root
// must not have (and a few it must keep), and prints one line per route:
//   NAME open [ERRNO]   the call got past the permission checks (an errno
//                       such as ENOENT means it was refused for another reason)
//   NAME refused ERRNO  EPERM, EACCES or EROFS (EINVAL too for a mount that
//                       is locked in place)
//   NAME masked         the file opened is a character device laid over it
// It never writes to a kernel setting or a device: files are only opened,
// calls are made with arguments that fail after the permission check
// (a nonexistent path, an invalid time) or only read (another user's
// quota), and what it makes (a node, an IPC
// object, a mount, a flag) it removes at once. Static, so that it runs in
// any jail root. Arguments: --in-jail, then a device node the test made
// outside /dev.
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/fs.h>
#include <linux/keyctl.h>
#include <linux/reboot.h>
#include <net/ethernet.h>
#include <netinet/in.h>
#include <sched.h>
#include <linux/capability.h>
#include <sys/ipc.h>
#include <sys/ioctl.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/quota.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/timex.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <initializer_list>

namespace {

void report(const char* name, long result, int error, bool lockedMount = false) {
  if (result >= 0)
    std::printf("%s open\n", name);
  else if (error == EPERM || error == EACCES || error == EROFS || (lockedMount && error == EINVAL))
    std::printf("%s refused %s\n", name, strerrorname_np(error));
  else
    std::printf("%s open %s\n", name, strerrorname_np(error));
}

// Runs `result = call()` and reports it with the errno it left.
#define ROUTE(name, call)              \
  do {                                 \
    errno = 0;                         \
    const long result_ = (call);       \
    report(name, result_, errno);      \
  } while (0)

// Opens `path`; a character device where a kernel file should be is a mask.
void openRoute(const char* name, const char* path, int flags) {
  errno = 0;
  const int fd = open(path, flags | O_CLOEXEC | O_NOCTTY);
  const int error = errno;
  struct stat st{};
  if (fd >= 0 && fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && std::strncmp(path, "/proc/", 6) == 0) {
    std::printf("%s masked\n", name);
  } else {
    report(name, fd, error);
  }
  if (fd >= 0) close(fd);
}

long openByHandle() {
  alignas(file_handle) static unsigned char storage[sizeof(file_handle) + MAX_HANDLE_SZ];
  auto* handle = reinterpret_cast<file_handle*>(storage);
  handle->handle_bytes = MAX_HANDLE_SZ;
  int mountId = 0;
  if (name_to_handle_at(AT_FDCWD, "/", handle, &mountId, 0) != 0) return -1;
  const int root = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const int fd = open_by_handle_at(root, handle, O_RDONLY | O_CLOEXEC);
  const int error = errno;
  if (fd >= 0) close(fd);
  close(root);
  errno = error;
  return fd;
}

long closeAfter(int fd) {
  if (fd >= 0) close(fd);
  return fd;
}

long bindReservedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(999);
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  const int result = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  const int error = errno;
  close(fd);
  errno = error;
  return result;
}

// mount(2) onto a directory of its own, which it removes again with what
// was mounted; the result and errno of the mount.
long mountOnScratch(const char* point, const char* source, const char* type, unsigned long flags,
                    const char* data) {
  mkdir(point, 0700);
  const long result = mount(source, point, type, flags, data);
  const int error = errno;
  if (result == 0) umount2(point, MNT_DETACH);
  rmdir(point);
  errno = error;
  return result;
}

long mountTmpfs() { return mountOnScratch("/tmp/.probe-mount", "probe", "tmpfs", 0, "size=4k"); }

// A bind mount (FreeBSD's nullfs) of a directory of its own onto another,
// unmounted again.
long bindMount() {
  const char* from = "/tmp/.probe-from";
  const char* to = "/tmp/.probe-to";
  mkdir(from, 0700);
  mkdir(to, 0700);
  long result = mount(from, to, nullptr, MS_BIND, nullptr);
  int error = errno;
  if (result == 0 && umount2(to, 0) != 0) {
    result = -1;
    error = errno;
    umount2(to, MNT_DETACH);
  }
  rmdir(to);
  rmdir(from);
  errno = error;
  return result;
}

// /proc without what lies over its files (the read-only /proc/sys, the
// hidden ones), bound elsewhere: it would uncover them.
long uncoverProc() { return mountOnScratch("/tmp/.probe-proc", "/proc", nullptr, MS_BIND, nullptr); }

// Takes the read-only mount off /proc/sys: run last, as it may succeed
// where the jail is no boundary (children.max), and the jail then goes.
long unmaskProcSys() { return umount2("/proc/sys", MNT_DETACH); }

// `call` in a user and mount namespace of the probe's own, with every
// capability there (children.max lets a jail make them, for its child
// jails), in a child: the result and errno, as the child exits with them.
long inOwnUserNamespace(long (*call)()) {
  const pid_t child = fork();
  if (child == 0) {
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) _exit(errno);
    errno = 0;
    _exit(call() == 0 ? 0 : (errno != 0 ? errno : EIO));
  }
  int status = 0;
  waitpid(child, &status, 0);
  errno = WIFEXITED(status) ? WEXITSTATUS(status) : EINTR;
  return errno == 0 ? 0 : -1;
}

// A procfs of the probe's own: without the masks of the jail's /proc. The
// directory is made before the namespace, by the jail's root.
long freshProcfs() {
  const long result = mount("proc", "/tmp/.probe-procfs", "proc", 0, nullptr);
  if (result == 0) umount2("/tmp/.probe-procfs", MNT_DETACH);
  return result;
}

long userNamespaceProcfs() {
  mkdir("/tmp/.probe-procfs", 0700);
  const long result = inOwnUserNamespace(freshProcfs);
  const int error = errno;
  rmdir("/tmp/.probe-procfs");
  errno = error;
  return result;
}

// A writable-looking file of /sys that exists here: opened, never written.
const char* sysFile() {
  for (const char* path : {"/sys/kernel/uevent_helper", "/sys/kernel/rcu_expedited", "/sys/kernel/profiling"})
    if (access(path, F_OK) == 0) return path;
  return "/sys/kernel/uevent_helper";
}

long makeNode() {
  const long result = mknod("/tmp/.probe-node", S_IFCHR | 0600, makedev(1, 3));
  if (result == 0) unlink("/tmp/.probe-node");
  return result;
}

long lockMemory() {
  const rlimit none{0, 0};
  setrlimit(RLIMIT_MEMLOCK, &none);
  static char page[4096];
  const long result = mlock(page, sizeof page);
  if (result == 0) munlock(page, sizeof page);
  return result;
}

void setImmutable() {
  const char* path = "/tmp/.probe-flags";
  const int fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
  int flags = 0;
  if (fd < 0 || ioctl(fd, FS_IOC_GETFLAGS, &flags) != 0) {
    std::printf("chflags unsupported\n");
  } else {
    int immutable = flags | FS_IMMUTABLE_FL;
    errno = 0;
    const long result = ioctl(fd, FS_IOC_SETFLAGS, &immutable);
    report("chflags", result, errno);
    if (result == 0) ioctl(fd, FS_IOC_SETFLAGS, &flags);
  }
  if (fd >= 0) close(fd);
  unlink(path);
}

long chownFile() {
  const char* path = "/tmp/.probe-owner";
  close(open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0600));
  const long result = chown(path, 65534, 65534);
  const int error = errno;
  unlink(path);
  errno = error;
  return result;
}

// unshare in a child, which exits with the errno (0 on success).
long unshareInChild(int flags) {
  const pid_t child = fork();
  if (child == 0) _exit(unshare(flags) == 0 ? 0 : errno);
  int status = 0;
  waitpid(child, &status, 0);
  errno = WIFEXITED(status) ? WEXITSTATUS(status) : EINTR;
  return errno == 0 ? 0 : -1;
}

long ipcObject(int kind) {
  int id = -1;
  if (kind == 0 && (id = msgget(IPC_PRIVATE, 0600)) >= 0) msgctl(id, IPC_RMID, nullptr);
  if (kind == 1 && (id = semget(IPC_PRIVATE, 1, 0600)) >= 0) semctl(id, 0, IPC_RMID);
  if (kind == 2 && (id = shmget(IPC_PRIVATE, 4096, 0600)) >= 0) shmctl(id, IPC_RMID, nullptr);
  return id;
}

long sameHostname() {
  utsname names{};
  uname(&names);
  return sethostname(names.nodename, std::strlen(names.nodename));
}

void identity() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  syscall(SYS_capget, &header, data);
  std::printf("euid %u\n", geteuid());
  std::printf("capeff %08x%08x\n", data[1].effective, data[0].effective);
  std::printf("no_new_privs %d\n", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
}

void kernelRoutes() {
  ROUTE("open_by_handle", openByHandle());
  openRoute("core_pattern", "/proc/sys/kernel/core_pattern", O_WRONLY);
  openRoute("sysrq", "/proc/sysrq-trigger", O_WRONLY);
  openRoute("kcore", "/proc/kcore", O_RDONLY);
  openRoute("kmsg", "/proc/kmsg", O_RDONLY | O_NONBLOCK);  // opened, never read: reading takes messages away
  ROUTE("msgbuf", klogctl(10, nullptr, 0));  // SYSLOG_ACTION_SIZE_BUFFER
  openRoute("timer_list", "/proc/timer_list", O_RDONLY);
  openRoute("sys_write", sysFile(), O_WRONLY);
  ROUTE("module", syscall(SYS_finit_module, -1, "", 0));
  ROUTE("kexec", syscall(SYS_kexec_load, 0, 0, nullptr, 0));
  bpf_attr attr{};
  ROUTE("bpf", syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof attr));
  ROUTE("keyring", syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0));
  ROUTE("swap", swapon("/nonexistent-probe", 0));
  ROUTE("acct", acct("/nonexistent-probe"));
  const timespec invalid{0, -1};
  ROUTE("settime", syscall(SYS_clock_settime, CLOCK_REALTIME, &invalid));
  timex adjust{};
  adjust.modes = ADJ_TICK;
  adjust.tick = 1;  // out of range: refused after the permission check
  ROUTE("adjtime", syscall(SYS_adjtimex, &adjust));
  char quota[256];
  ROUTE("quota", quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/nonexistent-probe", 0, quota));
  // Another user's quota, read only: CAP_SYS_ADMIN on the host, or the
  // jail's init (allow.quotas). "/" is FreeBSD's way of naming the file
  // system, which Linux's quotactl refuses (ENOTBLK) after the filter.
  ROUTE("quota_other", quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/", 4242, quota));
}

void processRoutes(const char* node) {
  ROUTE("raw_inet", closeAfter(socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP)));
  ROUTE("raw_packet", closeAfter(socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0)));
  ROUTE("reserved_port", bindReservedPort());
  ROUTE("mount", mountTmpfs());
  ROUTE("mknod", makeNode());
  openRoute("device_node", node, O_RDONLY);
  openRoute("dev_null", "/dev/null", O_RDWR);
  ROUTE("mlock", lockMemory());
  setImmutable();
  ROUTE("chown", chownFile());
  ROUTE("sysvmsg", ipcObject(0));
  ROUTE("sysvsem", ipcObject(1));
  ROUTE("sysvshm", ipcObject(2));
  ROUTE("hostname", sameHostname());
  ROUTE("new_userns", unshareInChild(CLONE_NEWUSER));
  ROUTE("new_mountns", unshareInChild(CLONE_NEWNS));
  ROUTE("bind_mount", bindMount());
  ROUTE("userns_procfs", userNamespaceProcfs());
  // EINVAL is how the kernel refuses to uncover or unmount a locked mount.
  long result = inOwnUserNamespace(unmaskProcSys);
  report("userns_unmask", result, errno, true);
  result = uncoverProc();
  report("uncover_proc", result, errno, true);
  result = unmaskProcSys();
  report("unmask_proc_sys", result, errno, true);
}

}  // namespace

int main(int argc, char** argv) {
  // It mounts, makes IPC objects and sets the host name (to what it is):
  // harmless in a jail, not something to do on a host by mistake.
  if (argc < 2 || std::strcmp(argv[1], "--in-jail") != 0) {
    std::fprintf(stderr, "usage: jail_probe --in-jail [DEVICE_NODE]  (run it inside a test's jail only)\n");
    return 2;
  }
  setvbuf(stdout, nullptr, _IOLBF, 0);
  identity();
  kernelRoutes();
  processRoutes(argc > 2 ? argv[2] : "/tmp/probe-null");
  return 0;
}
