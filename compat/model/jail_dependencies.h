// Which configured jails an operation touches and in what order they must
// wait for each other: `depend` edges, the implicit light edge of "p.c" to
// "p", the jails pulled in by them, and dependency loops (FreeBSD's state.c).
// Pure: names in, indices out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rcjail::compat {

struct DependencyNode {
  std::string name;
  std::vector<std::string> depend;
};

// `dependant` waits for `dependency`. A light edge waits only for the
// creation (or, removing, the jail_remove) of the other jail, not its whole
// sequence.
struct DependencyEdge {
  size_t dependant;
  size_t dependency;
  bool light;
};

struct DependencyPlan {
  std::vector<bool> selected;
  std::vector<bool> pulledIn;          // selected only because of an edge
  std::vector<DependencyEdge> edges;   // between selected jails
  std::vector<std::vector<std::string>> errors;  // per jail, without the "NAME: " prefix
};

// `seeds`: the jails the command line names. Creating pulls in what a jail
// depends on; removing pulls in what depends on a jail.
DependencyPlan planDependencies(const std::vector<DependencyNode>& jails, const std::vector<bool>& seeds,
                                bool removing);

}  // namespace rcjail::compat
