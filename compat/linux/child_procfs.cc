// A child jail's procfs, built by the parent jail's init in two forked
// helpers: one in the child's PID namespace builds it with its masks in a
// mount namespace of its own and locks them there; the other, with the
// init's capabilities, attaches it in the child's mount namespace.
#include "child_procfs.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <poll.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

#include "broker_mounts.h"
#include "descriptor_passing.h"

namespace rcjail::compat {
namespace {

constexpr int kAnswerTimeoutMs = 30000;
constexpr size_t kMaxPath = 4096;

// After setns(2) into a mount namespace the caller's root is that
// namespace's root: it must be the requester's, or paths would mean
// something else to the two.
int sameRootAs(int requesterRoot) {
  struct stat mine{}, theirs{};
  if (stat("/", &mine) != 0 || fstat(requesterRoot, &theirs) != 0) return errno;
  return mine.st_dev == theirs.st_dev && mine.st_ino == theirs.st_ino ? 0 : EPERM;
}

// In the child's PID namespace: the procfs with its masks at `target` in a
// copy of the child's mount namespace, then a copy of that one for a user
// namespace of its own, which locks every mount (the masks with them), and
// the tree from there, detached. errno, or minus the tree's descriptor.
int buildLocked(int pidfd, int requesterRoot, int proc, const std::string& target) {
  if (setns(pidfd, CLONE_NEWNS) != 0) return errno;
  if (int error = sameRootAs(requesterRoot)) return error;
  if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return errno;
  if (fchdir(proc) != 0) return errno;
  if (mount("proc", target.c_str(), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0) return errno;
  // The null device of the child's root: a bind takes its source from the
  // caller's mount namespace.
  if (int error = maskProcfs(target, true)) return error;
  if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return errno;
  const int tree = open_tree(AT_FDCWD, target.c_str(), OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
  return tree < 0 ? errno : -tree;
}

// With the init's capabilities: the built tree onto `target`, resolved
// inside the child's root, in the child's mount namespace.
int attach(int pidfd, int requesterRoot, int tree, const std::string& target) {
  if (setns(pidfd, CLONE_NEWNS) != 0) return errno;
  if (int error = sameRootAs(requesterRoot)) return error;
  open_how how{};
  how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
  const int at = static_cast<int>(syscall(SYS_openat2, requesterRoot, target.c_str(), &how, sizeof how));
  if (at < 0) return errno;
  return move_mount(tree, "", at, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) == 0 ? 0 : errno;
}

// The first helper joins the child's PID namespace for its own child, the
// builder, and attaches what that one sends back. errno, or 0.
int buildAndAttach(int pidfd, int requesterRoot, int proc, const std::string& target) {
  const pid_t helper = fork();
  if (helper != 0) return helper < 0 ? errno : waitForChild(helper);
  if (setns(pidfd, CLONE_NEWPID) != 0) _exit(errno);
  const BuiltMount built = treeFromChild([&] { return buildLocked(pidfd, requesterRoot, proc, target); });
  _exit(built.tree < 0 ? built.error : attach(pidfd, requesterRoot, built.tree, target));
}

// The requester by the credentials the kernel gave its socket pair: root
// then, and PID 1 of a PID namespace below the init's ("NSpid: N 1"). The
// pidfd, opened before that is read, proves the pid was not reused.
int openRequester(int reply, int proc, int& pidfd, int& root) {
  ucred peer{};
  socklen_t length = sizeof peer;
  if (getsockopt(reply, SOL_SOCKET, SO_PEERCRED, &peer, &length) != 0) return errno;
  if (peer.uid != 0 || peer.pid <= 1) return EPERM;
  pidfd = static_cast<int>(syscall(SYS_pidfd_open, peer.pid, 0));
  if (pidfd < 0) return errno;
  const std::string pid = std::to_string(peer.pid);
  std::istringstream nspid(procField(proc, pid + "/status", "NSpid:"));
  int levels = 0;
  long last = 0;
  for (long value = 0; nspid >> value; ++levels) last = value;
  root = openat(proc, (pid + "/root").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (levels < 2 || last != 1) return EPERM;
  if (root < 0) return errno;
  pollfd alive{pidfd, POLLIN, 0};
  return poll(&alive, 1, 0) == 0 ? 0 : ESRCH;
}

}  // namespace

std::string requestChildProcfs(int channel, const std::string& target) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
    return "mount: " + target + ": " + std::strerror(errno);
  // The path first: the init reads it without waiting.
  int error = send(pair[0], target.data(), target.size(), MSG_NOSIGNAL) < 0 ||
                      !sendDescriptor(channel, pair[1], kChildProcfsRequest)
                  ? errno
                  : 0;
  close(pair[1]);
  pollfd answer{pair[0], POLLIN, 0};
  if (error == 0 && (poll(&answer, 1, kAnswerTimeoutMs) != 1 || recv(pair[0], &error, sizeof error, 0) != sizeof error))
    error = ETIMEDOUT;
  close(pair[0]);
  return error == 0 ? std::string() : "mount: " + target + ": " + std::strerror(error);
}

void answerChildProcfs(int reply, int proc) {
  std::string target(kMaxPath, '\0');
  const ssize_t got = recv(reply, target.data(), target.size(), MSG_DONTWAIT);
  int pidfd = -1, root = -1;
  int error = got > 0 && target[0] == '/' ? 0 : EINVAL;
  target.resize(got > 0 ? static_cast<size_t>(got) : 0);
  if (error == 0 && target.find('\0') != std::string::npos) error = EINVAL;
  if (error == 0) error = openRequester(reply, proc, pidfd, root);
  if (error == 0) error = buildAndAttach(pidfd, root, proc, target);
  (void)send(reply, &error, sizeof error, MSG_NOSIGNAL | MSG_DONTWAIT);
  if (pidfd >= 0) close(pidfd);
  if (root >= 0) close(root);
}

}  // namespace rcjail::compat
