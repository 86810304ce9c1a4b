// One RTM_NEWLINK request with IFLA_IFNAME and IFLA_NET_NS_FD, and its ack.
#include "interface_mover.h"

#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

namespace rcjail::compat {
namespace {

struct SocketCloser {
  void operator()(mnl_socket* socket) const { mnl_socket_close(socket); }
};

}  // namespace

std::string moveInterfaceToNamespace(const std::string& name, int netnsFd) {
  std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
  nlmsghdr* request = mnl_nlmsg_put_header(buffer.data());
  request->nlmsg_type = RTM_NEWLINK;
  request->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
  request->nlmsg_seq = static_cast<unsigned>(getpid());
  auto* link = static_cast<ifinfomsg*>(mnl_nlmsg_put_extra_header(request, sizeof(ifinfomsg)));
  link->ifi_family = AF_UNSPEC;
  // Index 0 and a name: the kernel finds the interface by its name.
  mnl_attr_put_strz(request, IFLA_IFNAME, name.c_str());
  mnl_attr_put_u32(request, IFLA_NET_NS_FD, static_cast<uint32_t>(netnsFd));
  const std::string what = "move " + name + " to the host: ";
  std::unique_ptr<mnl_socket, SocketCloser> socket(mnl_socket_open(NETLINK_ROUTE));
  if (!socket || mnl_socket_bind(socket.get(), 0, MNL_SOCKET_AUTOPID) < 0) return what + std::strerror(errno);
  if (mnl_socket_sendto(socket.get(), request, request->nlmsg_len) < 0) return what + std::strerror(errno);
  const unsigned sequence = request->nlmsg_seq;
  const ssize_t got = mnl_socket_recvfrom(socket.get(), buffer.data(), buffer.size());
  if (got < 0) return what + std::strerror(errno);
  // The ack: mnl_cb_run sets errno to the kernel's error.
  if (mnl_cb_run(buffer.data(), static_cast<size_t>(got), sequence, mnl_socket_get_portid(socket.get()), nullptr,
                 nullptr) < 0)
    return what + std::strerror(errno);
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
