// The procfs of a jail made inside a jail (children.max). jail(8) inside the
// jail makes the child in a user namespace of its own, where the kernel
// mounts no procfs while the only ones in the mount namespace are the
// jail's masked /proc (mount_too_revealing in fs/namespace.c). So the
// child's holder asks the parent jail's init, which keeps CAP_SYS_ADMIN on
// the host, over the init's channel (kChildProcfsFd, which every process
// entering such a jail keeps open for its children): the init mounts a
// procfs of the holder's PID namespace, with the masks of a jail's /proc,
// at the path the holder names inside its root. The masks come locked
// (mount_namespaces(7)): no process of the parent jail can take them off,
// although the child's mount namespace belongs to a user namespace it owns.
#pragma once

#include <string>

namespace rcjail::compat {

// The value that marks a request on the init's channel, sent with the
// requester's end of a socket pair that carries the path and the answer.
constexpr int kChildProcfsRequest = 0x70726f63;

// Where the processes of a jail that makes jails keep the channel of its
// init, which they took from kBrokerChannelFd (jail_broker.h) on entering;
// a child jail's holder keeps it there too. Not kBrokerChannelFd itself:
// that is where the child's own init would keep its own.
constexpr int kChildProcfsFd = 63;

// In a child jail's holder: asks over `channel` for a procfs at `target`
// (absolute, inside the holder's root). Error text as mount(8) words it
// ("mount: TARGET: why"), "" on success.
std::string requestChildProcfs(int channel, const std::string& target);

// In the parent jail's init: answers the request that came with `reply`.
// `proc` is the init's own procfs. Only a holder is served: a process whose
// effective uid was 0 when it made the socket pair, and which is PID 1 of a
// PID namespace below the init's.
void answerChildProcfs(int reply, int proc);

}  // namespace rcjail::compat
