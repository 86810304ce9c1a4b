// Confining a jail's network as FreeBSD's kernel does, with cgroup socket
// programs (bpf/jail_network.bpf.c): the jail's addresses stay on the host's
// interfaces, and the programs rewrite and refuse the addresses the jail's
// processes bind, connect and send to. One copy of the programs is attached
// to the cgroup above every jail's cgroup (jail_cgroup.h) by the first jail
// that needs it, with the legacy attach, which lasts as long as the cgroup
// without any process of ours; each jail adds its rules to their map under
// its cgroup's id. Every process that enters the jail joins that cgroup
// first.
#pragma once

#include <sys/types.h>

#include <string>

#include "jail_identity.h"
#include "network_rules.h"

struct jail_network_rules;

namespace rcjail::compat {

// The rules in the programs' form; an error text (a list too long, an
// address that does not parse) leaves `out` unspecified.
std::string encodeNetworkRules(const NetworkRules& rules, jail_network_rules& out);

// Makes the jail's cgroup, stores the jail's rules (attaching the programs
// if they are not there yet) and moves its init into it, before any other
// process of the jail exists.
// Error text, empty on success (then nothing is left behind).
std::string confineJailNetwork(const JailInit& init, const NetworkRules& rules);

// jail(8)'s part in creating a jail: confineJailNetwork when the rules
// confine anything and jail(8) itself is not confined already (a jail made
// inside a jail stays in its parent's cgroup, under its parent's rules, as
// FreeBSD keeps a child's addresses within its parent's).
// `newJail` is the record of the jail's parameters (recordForNewJail).
std::string confineNewJail(const JailInit& init, const JailRecord& newJail);

// jail -m of ip4.addr or ip6.addr: the running jail's rules are replaced
// by ones with the new addresses, which hold at once, as on FreeBSD.
// `record` is the jail's before the change. Error text, empty on success.
std::string updateJailNetwork(const JailInit& init, JailRecord record, const RecordedParam& changed);

// The cgroup of a jail's proven init. "" when unconfined.
std::string confinementCgroupOf(const JailInit& init);

// killJail (jail_holder.h), then the jail's cgroup and rules go with it.
std::string killConfinedJail(const JailInit& init);

// In a process about to enter the jail: join its cgroup, if it has one.
// Error text, empty on success.
std::string joinJailConfinement(pid_t initPid, int initPidfd);

}  // namespace rcjail::compat
