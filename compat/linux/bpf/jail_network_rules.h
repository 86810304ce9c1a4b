/* The rules of one jail's network as the BPF programs read them from their
   map, keyed by the id of the jail's cgroup; shared by the programs (C,
   compiled for BPF) and their loader (C++). */
#ifndef RCJAIL_JAIL_NETWORK_RULES_H
#define RCJAIL_JAIL_NETWORK_RULES_H

#include <linux/types.h>

#define JAIL_NETWORK_MAX_ADDRESSES 16

/* The most jails whose networks are confined at once (the size of the map
   of their rules, which takes memory only for the entries it holds). */
#define JAIL_NETWORK_MAX_JAILS 65536

/* ip4 / ip6 of jail(8): inherit leaves the family alone; new confines it to
   the addresses (none: the family is refused, which is also disable). */
#define JAIL_NETWORK_INHERIT 0
#define JAIL_NETWORK_NEW 1

struct jail_network_rules {
  __u32 ip4_mode;
  __u32 ip6_mode;
  __u32 ip4_count;
  __u32 ip6_count;
  __u32 ip4[JAIL_NETWORK_MAX_ADDRESSES];     /* network byte order */
  __u32 ip6[JAIL_NETWORK_MAX_ADDRESSES][4];  /* network byte order */
};

#endif
