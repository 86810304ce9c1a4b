// The holder process and the parent's side of its socket protocol: requests
// are NUL-separated fields on a SOCK_SEQPACKET socket, answered by one
// packet whose first byte is 'o' (done), 'c' (refused) or 'e' (failed).
#include "jail_holder.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <span>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include "jail_restrictions.h"
#include "interface_mover.h"
#include "linux_mounts.h"
#include "linux_namespaces.h"
#include "jail_broker.h"
#include "child_procfs.h"
#include "text_fields.h"

namespace rcjail::compat {
namespace {

constexpr size_t kMaxPacket = 65536;
// How soon a jail notices that its last process, one that was not its child
// (jexec's), has gone; children and jail(8)'s messages wake it at once.
constexpr int kIdleCheckMs = 1000;

// The NUL-separated fields of one message of jail(8)'s.
std::vector<std::string> packetFields(const std::string& packet) {
  const std::vector<std::string_view> fields = splitAt(packet, '\0');
  return {fields.begin(), fields.end()};
}

std::string joinFields(const std::vector<std::string>& fields) {
  std::string packet;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) packet += '\0';
    packet += fields[i];
  }
  return packet;
}

void sendPacket(int socket, const std::string& packet) {
  while (send(socket, packet.data(), packet.size(), MSG_NOSIGNAL) < 0 && errno == EINTR) {
  }
}

// nullopt at end of file or error.
std::optional<std::string> receivePacket(int socket) {
  std::string buffer(kMaxPacket, '\0');
  ssize_t got;
  while ((got = recv(socket, buffer.data(), buffer.size(), 0)) < 0 && errno == EINTR) {
  }
  if (got <= 0) return std::nullopt;
  buffer.resize(static_cast<size_t>(got));
  return buffer;
}

std::string reply(char kind, const std::string& text) { return std::string(1, kind) + text; }

void ignoreSignal(int) {}

// What a vnet jail's init hands back before its network namespace goes:
// the vnet.interface interfaces, to the host's network namespace.
struct HostNetwork {
  int netns = -1;
  std::vector<std::string> interfaces;
  void takeBack() const {
    if (netns >= 0)
      for (const std::string& name : interfaces) moveInterfaceToNamespace(name, netns);
  }
};

// PID 1 of a namespace only gets signals it has a handler for; the handlers
// do nothing, the signals are read synchronously from a signalfd.
int watchSignals() {
  sigset_t set;
  sigemptyset(&set);
  for (int signal : {SIGCHLD, SIGUSR1, SIGUSR2, stopRequestSignal()}) {
    struct sigaction action{};
    action.sa_handler = ignoreSignal;
    sigaction(signal, &action, nullptr);
    sigaddset(&set, signal);
  }
  sigprocmask(SIG_BLOCK, &set, nullptr);
  return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

void reapChildren() {
  while (waitpid(-1, nullptr, WNOHANG) > 0) {
  }
}

// kill(-1, 0) from PID 1 reaches every other process of its namespace;
// ESRCH means there is none.
bool jailIsEmpty() { return kill(-1, 0) != 0 && errno == ESRCH; }

// ownProcfs for a jail made inside a jail: its parent's init mounts it.
// Where the parent's channel did not come down to the holder (jail(8) was
// started by a process that closed it), a jail that shares its parent's
// root keeps its parent's masked /proc.
std::string ownChildProcfs() {
  if (!foreignProcfs() || fcntl(kChildProcfsFd, F_GETFD) < 0) return {};
  return requestChildProcfs(kChildProcfsFd, "/proc");
}

// One request of jail(8) while it builds the jail: a mount below the root,
// or entering the root (hostname, domain name, loopback, /proc of its own).
// True once the holder is in the jail's root, with `broker` made where the
// init mounts for the jail's root.
// `ownUsers`: the jail lives in a user namespace of its own (made inside a
// jail), where the kernel lets no new procfs be mounted under the masked
// /proc of its parent (mount_namespaces(7)): its parent's init mounts its
// procfs (child_procfs.h), and its own init mounts nothing for its root.
bool answerSetupRequest(int socket, const std::vector<std::string>& f, std::unique_ptr<JailBroker>& broker,
                        bool ownUsers) {
  if (f[0] == "mount" && f.size() == 7) {
    const MountEntry entry{f[2], f[3], f[4], f[5]};
    std::string error = checkJailPathComponent(f[1], entry.target, f[6], false);
    if (!error.empty()) {
      sendPacket(socket, reply('c', error));
      return false;
    }
    const LinuxMount mount = linuxMountFor(entry);
    error = ownUsers && mount.fstype == "proc" ? requestChildProcfs(kChildProcfsFd, mount.target) : performMount(mount);
    sendPacket(socket, error.empty() ? reply('o', "") : reply('e', error));
    return false;
  }
  if (f[0] == "enter" && f.size() >= 6) {
    const std::optional<JailRecord> record = parseJailRecord(f[5]);
    if (!record) {
      sendPacket(socket, reply('e', "bad request"));
      return false;
    }
    JailPrivileges privileges = jailPrivileges(*record);
    if (ownUsers) privileges = withoutBroker(privileges);
    const bool hideKernelLog = privileges.hideKernelLog;
    std::string error = restrictJailProcfs(f[1], hideKernelLog);
    if (error.empty() && privileges.hasBroker()) broker = JailBroker::start(privileges, error);
    if (error.empty()) error = enterJailRoot(f[1]);
    if (error.empty()) error = setHostname(f[2]);
    if (error.empty() && !f[3].empty()) error = setDomainname(f[3]);
    if (error.empty() && f[4] == "1") error = bringLoopbackUp();
    if (error.empty()) error = ownUsers ? ownChildProcfs() : ownProcfs();
    if (error.empty()) error = restrictJailFileSystem(hideKernelLog);
    if (error.empty() && privileges.lockedMounts) error = lockMountNamespace();
    if (error.empty()) error = restrictJailInit(privileges);
    sendPacket(socket, error.empty() ? reply('o', "") : reply('e', error));
    return error.empty();
  }
  sendPacket(socket, reply('e', "bad request"));
  return false;
}

// The jail's init: persists as jail(8) says (and, while jail(8) is still
// creating the jail, as jail(8) sets persist for the time of exec.start on
// FreeBSD), passes a stop request on to the jail's processes and reaps
// them; exits once the jail neither persists nor has a process, and after
// a stop request once it has no process: jail(8) -r waits for that exit on
// the init's pidfd, so a stop takes as long as the jail's processes do.
[[noreturn]] void runAsInit(int socket, int signals, bool persistAfterCreate, const HostNetwork& host,
                            JailBroker* broker) {
  bool persist = true;
  bool connected = true;
  bool told = false;
  bool stopping = false;
  std::vector<pollfd> fds;
  for (;;) {
    fds.assign({pollfd{signals, POLLIN, 0}, pollfd{connected ? socket : -1, POLLIN, 0}});
    if (broker) broker->addPollEntries(fds);
    poll(fds.data(), fds.size(), kIdleCheckMs);
    if (broker) broker->serve(std::span(fds).subspan(2));
    signalfd_siginfo info{};
    while (read(signals, &info, sizeof info) == sizeof info) {
      // Only jail(8) changes the persist flag or stops the jail, as only the
      // host's jail_set(2) and jail_remove(2) do on FreeBSD. Its signals come
      // from an ancestor PID namespace, with ssi_pid 0 (pid_namespaces(7));
      // one sent from inside the jail names its sender.
      if (info.ssi_pid != 0) continue;
      if (info.ssi_signo == SIGUSR1) persist = false;
      if (info.ssi_signo == SIGUSR2) persist = true;
      // From PID 1, kill(-1) reaches every other process of this namespace
      // and of the jails below it, and nothing outside.
      if (static_cast<int>(info.ssi_signo) == stopRequestSignal()) {
        kill(-1, SIGTERM);
        stopping = true;
      }
    }
    if (connected && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      std::optional<std::string> packet = receivePacket(socket);
      if (!packet) {
        connected = false;
        close(socket);
        if (!told) persist = persistAfterCreate;
      } else if (packet->starts_with("persist")) {
        const std::vector<std::string> f = packetFields(*packet);
        persist = f.size() == 2 && f[1] == "1";
        told = true;
      }
    }
    reapChildren();
    if ((!persist || stopping) && jailIsEmpty()) {
      host.takeBack();
      _exit(0);
    }
  }
}

// Serves jail(8) until the jail has its root, then runs as the jail's init.
[[noreturn]] void runHolder(int socket, bool persistAfterCreate, int hostNetns, bool ownUsers) {
  setsid();
  prctl(PR_SET_NAME, "jail-init", 0, 0, 0);
  const int devnull = open("/dev/null", O_RDWR);
  for (int fd = 0; fd < 3; ++fd) dup2(devnull, fd);
  // Out of the way of descriptors 3 and 4 first.
  if (hostNetns >= 0) hostNetns = fcntl(hostNetns, F_DUPFD, 64);
  dup2(socket, 3);
  socket = 3;
  HostNetwork host;
  if (hostNetns >= 0) host.netns = dup2(hostNetns, 4);
  // Inside a jail, the parent's init channel stays (child_procfs.h).
  closeDescriptorsFrom(host.netns >= 0 ? 5 : 4, ownUsers ? kChildProcfsFd : -1);
  const int signals = watchSignals();

  const std::string privateError = makeMountsPrivate();
  sendPacket(socket, privateError.empty() ? reply('o', "") : reply('e', privateError));
  if (!privateError.empty()) _exit(1);

  std::unique_ptr<JailBroker> broker;
  for (bool entered = false; !entered;) {
    std::optional<std::string> packet = receivePacket(socket);
    if (!packet) _exit(0);  // jail(8) gave up before the jail existed
    const std::vector<std::string> fields = packetFields(*packet);
    entered = answerSetupRequest(socket, fields, broker, ownUsers);
    if (entered) host.interfaces.assign(fields.begin() + 6, fields.end());
  }
  runAsInit(socket, signals, persistAfterCreate, host, broker.get());
}

// The process between jail(8) and the holder: unshares the namespaces,
// forks the holder into them and writes "P<pid>" or "E<error>" to the pipe.
[[noreturn]] void runMiddle(int holderSocket, int pidPipe, bool vnet, bool ownedUts, bool persistAfterCreate) {
  // A vnet jail's init keeps the host's network namespace to hand its
  // interfaces back to.
  const int hostNetns = vnet ? open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC) : -1;
  // jail(8) inside a jail (children.max) has no CAP_SYS_ADMIN on the host:
  // the child jail is made in a user namespace of its own. Where that fails
  // too, unshare says why.
  const bool ownUsers = !mayMakeNamespaces() && enterMappedUserNamespace().empty();
  std::string failure = vnet && hostNetns < 0 ? std::string("open /proc/self/ns/net: ") + std::strerror(errno)
                                               : unshareJailNamespaces(vnet, ownedUts);
  pid_t holder = -1;
  if (failure.empty()) {
    holder = fork();
    if (holder == 0) {
      close(pidPipe);
      runHolder(holderSocket, persistAfterCreate, hostNetns, ownUsers);
    }
    if (holder < 0) failure = std::string("fork: ") + std::strerror(errno);
  }
  const std::string message = failure.empty() ? "P" + std::to_string(holder) : "E" + failure;
  (void)!write(pidPipe, message.data(), message.size());
  _exit(failure.empty() ? 0 : 1);
}

}  // namespace

JailHolder::JailHolder(std::unique_ptr<JailInit> init, int socket) : init_(std::move(init)), socket_(socket) {}

JailHolder::~JailHolder() {
  if (socket_ >= 0) close(socket_);
}

std::unique_ptr<JailHolder> JailHolder::spawn(bool vnet, bool ownedUts, bool persistAfterCreate,
                                              std::string& error) {
  std::array<int, 2> sockets{};
  std::array<int, 2> pidPipe{};
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets.data()) != 0) {
    error = std::string("socketpair: ") + std::strerror(errno);
    return nullptr;
  }
  if (pipe2(pidPipe.data(), O_CLOEXEC) != 0) {
    error = std::string("pipe: ") + std::strerror(errno);
    close(sockets[0]);
    close(sockets[1]);
    return nullptr;
  }
  // unshare(CLONE_NEWPID) affects only the children of the caller, and jail(8)
  // itself must stay on the host: a middle process unshares and forks the holder.
  const pid_t middle = fork();
  if (middle == 0) {
    close(sockets[0]);
    close(pidPipe[0]);
    runMiddle(sockets[1], pidPipe[1], vnet, ownedUts, persistAfterCreate);
  }
  close(sockets[1]);
  close(pidPipe[1]);
  const std::string message = readUntilClosed(pidPipe[0]);
  if (middle > 0) waitpid(middle, nullptr, 0);
  if (middle < 0 || message.empty() || message[0] != 'P') {
    error = middle < 0 ? std::string("fork: ") + std::strerror(errno)
                       : message.empty() ? "fork failed" : message.substr(1);
    close(sockets[0]);
    return nullptr;
  }
  const pid_t pid = static_cast<pid_t>(std::stol(message.substr(1)));
  std::unique_ptr<JailInit> init = JailInit::adopt(pid, error);
  if (!init) {
    close(sockets[0]);
    return nullptr;
  }
  std::unique_ptr<JailHolder> holder(new JailHolder(std::move(init), sockets[0]));
  std::optional<std::string> ready = receivePacket(sockets[0]);
  if (!ready || (*ready)[0] != 'o') {
    error = ready ? ready->substr(1) : "the jail's init exited";
    killJail(holder->init());
    return nullptr;
  }
  return holder;
}

std::string JailHolder::request(const std::string& message) {
  sendPacket(socket_, message);
  std::optional<std::string> answer = receivePacket(socket_);
  return answer && !answer->empty() ? *answer : reply('e', "the jail's init exited");
}

MountReply JailHolder::mount(const std::string& param, const MountEntry& entry, const std::string& jailPath) {
  const std::string answer =
      request(joinFields({"mount", param, entry.source, entry.target, entry.type, entry.options, jailPath}));
  MountReply out;
  out.message = answer.substr(1);
  if (answer[0] == 'c') out.outcome = MountReply::Outcome::Refused;
  if (answer[0] == 'e') out.outcome = MountReply::Outcome::Failed;
  return out;
}

std::string JailHolder::enterRoot(const std::string& path, const std::string& hostname,
                                  const std::string& domainname, bool vnet, const JailRecord& record,
                                  const std::vector<std::string>& interfaces) {
  std::vector<std::string> fields{"enter", path, hostname, domainname, vnet ? "1" : "0", formatJailRecord(record)};
  fields.insert(fields.end(), interfaces.begin(), interfaces.end());
  const std::string answer = request(joinFields(fields));
  return answer[0] == 'o' ? std::string() : answer.substr(1);
}

void JailHolder::release(bool persist) {
  if (socket_ < 0) return;
  sendPacket(socket_, joinFields({"persist", persist ? "1" : "0"}));
  close(socket_);
  socket_ = -1;
}

std::string signalPersist(const JailInit& init, bool persist) { return init.signal(persist ? SIGUSR2 : SIGUSR1); }

std::string requestStop(const JailInit& init) { return init.signal(stopRequestSignal()); }

std::string killJail(const JailInit& init) {
  if (!init.alive()) return {};
  if (std::string error = init.signal(SIGKILL); !error.empty()) return error;
  // The kernel kills the rest of the PID namespace when its init dies.
  init.waitGone(30000);
  return {};
}

void removeDescendantJails(const JailRegistry& registry, int jid) {
  for (const JailRecord& child : descendantsDeepestFirst(registry.view(), jid)) {
    std::string error;
    if (std::unique_ptr<JailInit> init = JailInit::open(child, error)) killJail(*init);
    // Whether it ran or not, it cannot outlive its parent's init, which goes next.
    registry.remove(child.jid);
  }
}

}  // namespace rcjail::compat
