// The dependency graph of one start or stop: which jail needs which, and
// where the configuration says so. Pure: it is built from names and edges,
// finds unknown names and cycles, and lays the jails out in waves and in
// an order that keeps the base order (jail_list, or the jail.conf file)
// wherever the dependencies allow.
#pragma once

#include <string>
#include <vector>

#include "location.h"

namespace rcjail {

struct DependencyEdge {
  std::string from;    // the jail that depends
  std::string to;      // the jail it needs started first
  std::string source;  // what says so: "jail_web_depend", "depend" (jail.conf), ...
  Location where;      // the line that says so
};

// A configuration error found before anything runs.
struct PlanProblem {
  Location where;
  std::string message;
  // The jails it makes impossible to start or stop; empty: the whole run
  // (a bad global setting).
  std::vector<std::string> jails;
  // "file:line: message", or the message alone when there is no file.
  std::string describe() const;
  bool operator==(const PlanProblem&) const = default;
};

class DependencyGraph {
 public:
  // Adds a jail; the order of first addition is the base order.
  void addJail(const std::string& name);
  bool contains(const std::string& name) const;
  // `from` must be a jail of the graph; `to` may be unknown (a problem).
  void addEdge(DependencyEdge edge);

  const std::vector<std::string>& jails() const { return jails_; }
  const std::vector<DependencyEdge>& edges() const { return edges_; }
  // Direct dependencies / dependents among the jails of the graph, first
  // mention first, each once.
  std::vector<std::string> dependencies(const std::string& name) const;
  std::vector<std::string> dependents(const std::string& name) const;

  // Edges to jails that are not in the graph.
  std::vector<PlanProblem> unknownNames() const;
  // Every cycle once: the edges that form it, with their locations.
  std::vector<PlanProblem> cycles() const;
  // unknownNames(), then cycles().
  std::vector<PlanProblem> problems() const;

  // Start order: every jail after its dependencies, otherwise in base order
  // (a depth-first walk of the base order, dependencies first).
  std::vector<std::string> startOrder() const;
  // Stop order: every jail after the jails that depend on it; `base` is the
  // order stock would stop them in.
  std::vector<std::string> stopOrder(const std::vector<std::string>& base) const;
  // Waves: wave 1 holds the jails that need nothing, wave N+1 those whose
  // dependencies are all in waves up to N. Each wave is in `order`.
  std::vector<std::vector<std::string>> startWaves(const std::vector<std::string>& order) const;
  // Stop waves: wave 1 holds the jails nothing depends on.
  std::vector<std::vector<std::string>> stopWaves(const std::vector<std::string>& order) const;

 private:
  size_t index(const std::string& name) const;  // jails_.size() when unknown
  // The shortest cycle of edges from jail `start` back to it inside its
  // strongly connected component; empty when there is none.
  std::vector<const DependencyEdge*> shortestCycle(size_t start, const std::vector<int>& component) const;
  std::vector<std::vector<std::string>> waves(const std::vector<std::string>& order, bool dependentsFirst) const;
  // The other ends of the edges whose `near` end is `name`, each once.
  std::vector<std::string> neighbours(const std::string& name, std::string DependencyEdge::*near,
                                      std::string DependencyEdge::*far) const;

  std::vector<std::string> jails_;
  std::vector<DependencyEdge> edges_;
};

}  // namespace rcjail
