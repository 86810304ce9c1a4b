// One rtnetlink request and its ack: RTM_NEWLINK with IFLA_IFNAME and
// IFLA_NET_NS_FD moves an interface, RTM_NEWADDR/RTM_DELADDR add and remove
// an address.
#include "interface_mover.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

namespace rcjail::compat {
namespace {

struct SocketCloser {
  void operator()(mnl_socket* socket) const { mnl_socket_close(socket); }
};

// Sends one request and reads its ack: the kernel's error number, 0 on
// success (mnl_cb_run sets errno to the kernel's error).
int exchange(nlmsghdr* request, std::vector<char>& buffer) {
  request->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
  request->nlmsg_seq = static_cast<unsigned>(getpid());
  std::unique_ptr<mnl_socket, SocketCloser> socket(mnl_socket_open(NETLINK_ROUTE));
  if (!socket || mnl_socket_bind(socket.get(), 0, MNL_SOCKET_AUTOPID) < 0) return errno;
  if (mnl_socket_sendto(socket.get(), request, request->nlmsg_len) < 0) return errno;
  const unsigned sequence = request->nlmsg_seq;
  const ssize_t got = mnl_socket_recvfrom(socket.get(), buffer.data(), buffer.size());
  if (got < 0) return errno;
  if (mnl_cb_run(buffer.data(), static_cast<size_t>(got), sequence, mnl_socket_get_portid(socket.get()), nullptr,
                 nullptr) < 0)
    return errno;
  return 0;
}

// The kernel's error number of moving interface `name` into the network
// namespace `netnsFd`, 0 on success.
int moveLink(const std::string& name, int netnsFd) {
  std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
  nlmsghdr* request = mnl_nlmsg_put_header(buffer.data());
  request->nlmsg_type = RTM_NEWLINK;
  auto* link = static_cast<ifinfomsg*>(mnl_nlmsg_put_extra_header(request, sizeof(ifinfomsg)));
  link->ifi_family = AF_UNSPEC;
  // Index 0 and a name: the kernel finds the interface by its name.
  mnl_attr_put_strz(request, IFLA_IFNAME, name.c_str());
  mnl_attr_put_u32(request, IFLA_NET_NS_FD, static_cast<uint32_t>(netnsFd));
  return exchange(request, buffer);
}

}  // namespace

std::string moveInterfaceToNamespace(const std::string& name, int netnsFd) {
  if (const int error = moveLink(name, netnsFd)) return "move " + name + " to the host: " + std::strerror(error);
  return {};
}

std::string giveInterface(const JailInit& init, const std::string& name) {
  if (if_nametoindex(name.c_str()) == 0) return "Cannot find device \"" + name + "\"";
  const std::string path = "/proc/" + std::to_string(init.pid()) + "/ns/net";
  const int jail = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (jail < 0) return path + ": " + std::strerror(errno);
  // Still alive after the open: the pid was not reused, the namespace is the jail's.
  int error = init.alive() ? moveLink(name, jail) : ESRCH;
  close(jail);
  return error == 0 ? std::string() : std::string("RTNETLINK answers: ") + std::strerror(error);
}

std::string changeInterfaceAddress(const InterfaceAddress& address, bool add) {
  const unsigned index = if_nametoindex(address.interface.c_str());
  if (index == 0) return "Cannot find device \"" + address.interface + "\"";
  const int family = address.inet6 ? AF_INET6 : AF_INET;
  std::array<unsigned char, sizeof(in6_addr)> local{};
  std::array<unsigned char, sizeof(in_addr)> broadcast{};
  const bool withBroadcast = add && !address.inet6 && !address.broadcast.empty();
  if (inet_pton(family, address.address.c_str(), local.data()) != 1 ||
      (withBroadcast && inet_pton(AF_INET, address.broadcast.c_str(), broadcast.data()) != 1))
    return "not an address: " + address.address;
  const std::size_t size = address.inet6 ? sizeof(in6_addr) : sizeof(in_addr);
  std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
  nlmsghdr* request = mnl_nlmsg_put_header(buffer.data());
  request->nlmsg_type = add ? RTM_NEWADDR : RTM_DELADDR;
  // As `ip addr add`: an address that is there already is an error.
  if (add) request->nlmsg_flags = NLM_F_CREATE | NLM_F_EXCL;
  auto* message = static_cast<ifaddrmsg*>(mnl_nlmsg_put_extra_header(request, sizeof(ifaddrmsg)));
  message->ifa_family = static_cast<unsigned char>(family);
  message->ifa_prefixlen = static_cast<unsigned char>(address.prefixLength);
  message->ifa_index = index;
  mnl_attr_put(request, IFA_LOCAL, size, local.data());
  mnl_attr_put(request, IFA_ADDRESS, size, local.data());
  if (withBroadcast) mnl_attr_put(request, IFA_BROADCAST, broadcast.size(), broadcast.data());
  if (const int error = exchange(request, buffer)) return std::string("RTNETLINK answers: ") + std::strerror(error);
  return {};
}

std::string returnInterface(const JailInit& init, const std::string& name) {
  const int host = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
  if (host < 0) return "open /proc/self/ns/net: " + std::string(std::strerror(errno));
  const std::string error = runInsideJail(init, [&] { return moveInterfaceToNamespace(name, host); });
  close(host);
  return error;
}

}  // namespace rcjail::compat
