// The jail's init does for the jail's root what FreeBSD lets jailed root do
// and Linux lets only CAP_SYS_ADMIN on the host: mount the file systems of
// allow.mount.tmpfs, procfs, linprocfs, linsysfs and devfs, and manage
// quotas with allow.quotas. Every process that enters such a jail loads its
// filter with a listener (seccomp user notification) for mount(2),
// umount(2), umount2(2), quotactl(2) and quotactl_fd(2), and hands the
// listener to the init, whose CAP_SYS_ADMIN the jail's processes cannot
// borrow (they may not trace a process with more capabilities).
//
// The init answers a call only for a process of its own PID and mount
// namespace whose effective uid is 0: a new file system of an allowed type
// or the unmount of one it mounted (broker_mounts.h), a quota set or read.
// Every other request is refused with EPERM, or left to the kernel, which
// judges it by the caller's own privileges. The init of a jail that makes
// jails (children.max) takes one more request over its channel: the procfs
// of a child jail (child_procfs.h).
#pragma once

#include <poll.h>
#include <sys/types.h>

#include <cstddef>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "jail_privileges.h"

namespace rcjail::compat {

// Where the init keeps the socket that the listeners are sent over; an
// entering process copies it from the init with pidfd_getfd(2).
constexpr int kBrokerChannelFd = 64;

// The channel of the init behind `initPidfd`, for restrictToJail: -1 when
// it has none (it was started before jail -m asked for it).
int takeBrokerChannel(int initPidfd);

// How the init answers a quotactl(2) command (QCMD(sub, type)): `brokered`
// for what takes CAP_SYS_ADMIN (setting quotas and limits, reading another
// user's), with the size of the structure read from the caller (`in`) or
// written back to it; anything else is the kernel's to judge.
struct QuotaCommand {
  bool brokered = false;
  std::size_t size = 0;
  bool in = false;
};
QuotaCommand quotaCommand(unsigned command);

class JailBroker {
 public:
  // In the init, before it moves into the jail's root: the channel at
  // kBrokerChannelFd and a procfs of the jail's PID namespace of its own
  // (mounted nowhere, so the jail cannot cover it).
  static std::unique_ptr<JailBroker> start(const JailPrivileges& privileges, std::string& error);
  ~JailBroker();
  JailBroker(const JailBroker&) = delete;
  JailBroker& operator=(const JailBroker&) = delete;

  // Appends what the init's poll(2) waits on; serve() takes the same
  // entries back, with their revents, once poll returns.
  void addPollEntries(std::vector<pollfd>& fds) const;
  void serve(std::span<const pollfd> entries);

 private:
  struct Caller;
  JailBroker(const JailPrivileges& privileges, int channel, int proc);
  void receiveListeners();
  void answer(int listener);
  // errno, or 0; `kernel` set where the kernel is to decide.
  int mount(const Caller& caller, bool& kernel);
  int remount(const Caller& caller, bool& kernel);
  int unmount(const Caller& caller, bool& kernel);
  int quota(const Caller& caller, bool& kernel);

  JailPrivileges privileges_;
  int channel_;  // the receiving end; the sending one is at kBrokerChannelFd
  int proc_;
  std::vector<int> listeners_;
  // What the init mounted for the jail, by mount id: its type, and its file
  // system's device, as an id comes back for another mount once the first
  // is gone.
  struct Made {
    std::string type;
    dev_t device = 0;
  };
  std::map<std::string, Made> mounted_;
  // What the init mounted that `fd` (a mount's root) holds, or end.
  std::map<std::string, Made>::iterator madeAt(int fd);
};

}  // namespace rcjail::compat
