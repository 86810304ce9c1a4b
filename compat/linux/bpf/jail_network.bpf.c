// The kernel side of a jail's network confinement: cgroup socket hooks that
// do what FreeBSD's prison_local_ip4 / prison_remote_ip4 (sys/netinet/in_jail.c)
// and their IPv6 twins do. One copy of the programs serves every jail: they
// are attached once to the cgroup above the jails' cgroups, and each jail's
// rules are the entry of `jail_rules` under the id of its cgroup. A process
// below that cgroup whose cgroup has no entry gets no socket at all.
#include <linux/bpf.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/socket.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#include "jail_network_rules.h"

// The kernel's values; the C library's headers are not for BPF.
#define AF_INET 2
#define AF_INET6 10
#ifndef EPERM
#define EPERM 1
#endif
#ifndef EAFNOSUPPORT
#define EAFNOSUPPORT 97
#endif
#ifndef EADDRNOTAVAIL
#define EADDRNOTAVAIL 99
#endif

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, JAIL_NETWORK_MAX_JAILS);
  __type(key, __u64);
  __type(value, struct jail_network_rules);
} jail_rules SEC(".maps");

char LICENSE[] SEC("license") = "GPL";

// Return values of a cgroup socket program.
#define ALLOW 1
#define REFUSE 0

static __always_inline int refuse(int error) {
  bpf_set_retval(-error);
  return REFUSE;
}

// The rules of the calling process's jail; NULL for a process in no jail's
// cgroup, which is refused.
static __always_inline const struct jail_network_rules* jail_of_caller(void) {
  __u64 cgroup = bpf_get_current_cgroup_id();
  return bpf_map_lookup_elem(&jail_rules, &cgroup);
}

// IPv4 addresses in network byte order.
static __always_inline int ip4_is_jails(const struct jail_network_rules* r, __u32 address) {
  for (__u32 i = 0; i < JAIL_NETWORK_MAX_ADDRESSES; ++i)
    if (i < r->ip4_count && r->ip4[i] == address) return 1;
  return 0;
}

static __always_inline int ip6_equal(const __u32* a, const __u32* b) {
  return a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && a[3] == b[3];
}

static __always_inline int ip6_is_jails(const struct jail_network_rules* r, const __u32* address) {
  for (__u32 i = 0; i < JAIL_NETWORK_MAX_ADDRESSES; ++i)
    if (i < r->ip6_count && ip6_equal(address, r->ip6[i])) return 1;
  return 0;
}

static __always_inline int ip6_is_any(const __u32* a) { return !a[0] && !a[1] && !a[2] && !a[3]; }
static __always_inline int ip6_is_loopback(const __u32* a) {
  return !a[0] && !a[1] && !a[2] && a[3] == bpf_htonl(1);
}
static __always_inline int ip6_is_v4_mapped(const __u32* a) {
  return !a[0] && !a[1] && a[2] == bpf_htonl(0xffff);
}

// The rules of one family for an address a process names as its own
// (bind) or as its peer (connect, sendto): 0 and maybe a rewritten address,
// or an error number.
static __always_inline int local_ip4(const struct jail_network_rules* r, __u32* address) {
  if (r->ip4_mode == JAIL_NETWORK_INHERIT) return 0;
  if (r->ip4_count == 0) return EAFNOSUPPORT;
  if (*address == 0) {
    // FreeBSD binds a wildcard to the address when the jail has only one;
    // with several it stays a wildcard there, which these hooks cannot
    // narrow down on input: it takes the first here too.
    *address = r->ip4[0];
    return 0;
  }
  if (ip4_is_jails(r, *address)) return 0;
  if (*address == bpf_htonl(INADDR_LOOPBACK)) {
    *address = r->ip4[0];
    return 0;
  }
  return EADDRNOTAVAIL;
}

static __always_inline int remote_ip4(const struct jail_network_rules* r, __u32* address) {
  if (r->ip4_mode == JAIL_NETWORK_INHERIT) return 0;
  if (r->ip4_count == 0) return EAFNOSUPPORT;
  if (*address == bpf_htonl(INADDR_LOOPBACK) && !ip4_is_jails(r, *address)) *address = r->ip4[0];
  return 0;
}

static __always_inline void copy_ip6(__u32* to, const __u32* from) {
  to[0] = from[0];
  to[1] = from[1];
  to[2] = from[2];
  to[3] = from[3];
}

static __always_inline int local_ip6(const struct jail_network_rules* r, __u32* a) {
  if (ip6_is_v4_mapped(a)) return local_ip4(r, &a[3]);
  if (r->ip6_mode == JAIL_NETWORK_INHERIT) return 0;
  if (r->ip6_count == 0) return EAFNOSUPPORT;
  if (ip6_is_any(a) || (ip6_is_loopback(a) && !ip6_is_jails(r, a))) {
    copy_ip6(a, r->ip6[0]);
    return 0;
  }
  return ip6_is_jails(r, a) ? 0 : EADDRNOTAVAIL;
}

static __always_inline int remote_ip6(const struct jail_network_rules* r, __u32* a) {
  if (ip6_is_v4_mapped(a)) return remote_ip4(r, &a[3]);
  if (r->ip6_mode == JAIL_NETWORK_INHERIT) return 0;
  if (r->ip6_count == 0) return EAFNOSUPPORT;
  if (ip6_is_loopback(a) && !ip6_is_jails(r, a)) copy_ip6(a, r->ip6[0]);
  return 0;
}

// ip4 = disable (or new without an address): no socket of the family,
// as prison_check_af refuses it.
SEC("cgroup/sock_create")
int jail_socket(struct bpf_sock* sk) {
  const struct jail_network_rules* r = jail_of_caller();
  if (!r) return refuse(EPERM);
  if (sk->family == AF_INET && r->ip4_mode != JAIL_NETWORK_INHERIT && r->ip4_count == 0)
    return refuse(EAFNOSUPPORT);
  if (sk->family == AF_INET6 && r->ip6_mode != JAIL_NETWORK_INHERIT && r->ip6_count == 0)
    return refuse(EAFNOSUPPORT);
  return ALLOW;
}

SEC("cgroup/bind4")
int jail_bind4(struct bpf_sock_addr* ctx) {
  const struct jail_network_rules* r = jail_of_caller();
  if (!r) return refuse(EPERM);
  __u32 address = ctx->user_ip4;
  const int error = local_ip4(r, &address);
  if (error) return refuse(error);
  ctx->user_ip4 = address;
  return ALLOW;
}

SEC("cgroup/bind6")
int jail_bind6(struct bpf_sock_addr* ctx) {
  const struct jail_network_rules* r = jail_of_caller();
  if (!r) return refuse(EPERM);
  __u32 a[4] = {ctx->user_ip6[0], ctx->user_ip6[1], ctx->user_ip6[2], ctx->user_ip6[3]};
  const int error = local_ip6(r, a);
  if (error) return refuse(error);
  ctx->user_ip6[0] = a[0];
  ctx->user_ip6[1] = a[1];
  ctx->user_ip6[2] = a[2];
  ctx->user_ip6[3] = a[3];
  return ALLOW;
}

// An outgoing connection leaves from the jail's first address, as
// prison_get_ip4 chooses it; a socket bound already keeps its address
// (bpf_bind then fails, harmlessly).
SEC("cgroup/connect4")
int jail_connect4(struct bpf_sock_addr* ctx) {
  const struct jail_network_rules* r = jail_of_caller();
  if (!r) return refuse(EPERM);
  __u32 address = ctx->user_ip4;
  const int error = remote_ip4(r, &address);
  if (error) return refuse(error);
  ctx->user_ip4 = address;
  if (r->ip4_mode != JAIL_NETWORK_INHERIT) {
    struct sockaddr_in source = {.sin_family = AF_INET};
    source.sin_addr.s_addr = r->ip4[0];
    bpf_bind(ctx, (struct sockaddr*)&source, sizeof source);
  }
  return ALLOW;
}

static __always_inline void bind_source6(const struct jail_network_rules* r, struct bpf_sock_addr* ctx,
                                         const __u32* peer) {
  struct sockaddr_in6 source = {.sin6_family = AF_INET6};
  if (ip6_is_v4_mapped(peer)) {
    if (r->ip4_mode == JAIL_NETWORK_INHERIT) return;
    source.sin6_addr.in6_u.u6_addr32[2] = bpf_htonl(0xffff);
    source.sin6_addr.in6_u.u6_addr32[3] = r->ip4[0];
  } else {
    if (r->ip6_mode == JAIL_NETWORK_INHERIT) return;
    copy_ip6(source.sin6_addr.in6_u.u6_addr32, r->ip6[0]);
  }
  bpf_bind(ctx, (struct sockaddr*)&source, sizeof source);
}

SEC("cgroup/connect6")
int jail_connect6(struct bpf_sock_addr* ctx) {
  const struct jail_network_rules* r = jail_of_caller();
  if (!r) return refuse(EPERM);
  __u32 a[4] = {ctx->user_ip6[0], ctx->user_ip6[1], ctx->user_ip6[2], ctx->user_ip6[3]};
  const int error = remote_ip6(r, a);
  if (error) return refuse(error);
  ctx->user_ip6[0] = a[0];
  ctx->user_ip6[1] = a[1];
  ctx->user_ip6[2] = a[2];
  ctx->user_ip6[3] = a[3];
  bind_source6(r, ctx, a);
  return ALLOW;
}

// UDP without connect: the same peer rule, and the jail's source address.
SEC("cgroup/sendmsg4")
int jail_sendmsg4(struct bpf_sock_addr* ctx) {
  const struct jail_network_rules* r = jail_of_caller();
  if (!r) return refuse(EPERM);
  __u32 address = ctx->user_ip4;
  const int error = remote_ip4(r, &address);
  if (error) return refuse(error);
  ctx->user_ip4 = address;
  if (r->ip4_mode != JAIL_NETWORK_INHERIT) ctx->msg_src_ip4 = r->ip4[0];
  return ALLOW;
}

SEC("cgroup/sendmsg6")
int jail_sendmsg6(struct bpf_sock_addr* ctx) {
  const struct jail_network_rules* r = jail_of_caller();
  if (!r) return refuse(EPERM);
  __u32 a[4] = {ctx->user_ip6[0], ctx->user_ip6[1], ctx->user_ip6[2], ctx->user_ip6[3]};
  const int error = remote_ip6(r, a);
  if (error) return refuse(error);
  ctx->user_ip6[0] = a[0];
  ctx->user_ip6[1] = a[1];
  ctx->user_ip6[2] = a[2];
  ctx->user_ip6[3] = a[3];
  if (ip6_is_v4_mapped(a)) {
    if (r->ip4_mode != JAIL_NETWORK_INHERIT) {
      ctx->msg_src_ip6[0] = 0;
      ctx->msg_src_ip6[1] = 0;
      ctx->msg_src_ip6[2] = bpf_htonl(0xffff);
      ctx->msg_src_ip6[3] = r->ip4[0];
    }
  } else if (r->ip6_mode != JAIL_NETWORK_INHERIT) {
    ctx->msg_src_ip6[0] = r->ip6[0][0];
    ctx->msg_src_ip6[1] = r->ip6[0][1];
    ctx->msg_src_ip6[2] = r->ip6[0][2];
    ctx->msg_src_ip6[3] = r->ip6[0][3];
  }
  return ALLOW;
}
