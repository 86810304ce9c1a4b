// Dependency edges, closure and loop detection.
#include "jail_dependencies.h"

#include <functional>
#include <optional>

namespace rcjail::compat {
namespace {

std::optional<size_t> indexOf(const std::vector<DependencyNode>& jails, std::string_view name) {
  for (size_t i = 0; i < jails.size(); ++i)
    if (jails[i].name == name) return i;
  return std::nullopt;
}

}  // namespace

DependencyPlan planDependencies(const std::vector<DependencyNode>& jails, const std::vector<bool>& seeds,
                                bool removing) {
  const size_t count = jails.size();
  DependencyPlan plan;
  plan.selected = seeds;
  plan.selected.resize(count, false);
  plan.pulledIn.assign(count, false);
  plan.errors.assign(count, {});

  std::vector<DependencyEdge> all;
  for (size_t i = 0; i < count; ++i) {
    for (const std::string& name : jails[i].depend) {
      if (std::optional<size_t> j = indexOf(jails, name))
        all.push_back({i, *j, false});
      else
        plan.errors[i].push_back("depends on undefined jail \"" + name + "\"");
    }
    const size_t dot = jails[i].name.rfind('.');
    if (dot != std::string::npos)
      if (std::optional<size_t> parent = indexOf(jails, jails[i].name.substr(0, dot)))
        all.push_back({i, *parent, true});
  }

  // Pull in until nothing changes: few jails, so the simple fixed point will do.
  for (bool changed = true; changed;) {
    changed = false;
    for (const DependencyEdge& edge : all) {
      const size_t from = removing ? edge.dependency : edge.dependant;
      const size_t to = removing ? edge.dependant : edge.dependency;
      if (plan.selected[from] && !plan.selected[to]) {
        plan.selected[to] = plan.pulledIn[to] = true;
        changed = true;
      }
    }
  }
  for (const DependencyEdge& edge : all)
    if (plan.selected[edge.dependant] && plan.selected[edge.dependency]) plan.edges.push_back(edge);

  // A jail that can reach itself along the edges is in a loop.
  std::vector<std::vector<size_t>> next(count);
  for (const DependencyEdge& edge : plan.edges) next[edge.dependant].push_back(edge.dependency);
  for (size_t start = 0; start < count; ++start) {
    if (!plan.selected[start]) continue;
    std::vector<bool> seen(count, false);
    std::function<bool(size_t)> reaches = [&](size_t at) {
      for (size_t to : next[at]) {
        if (to == start) return true;
        if (!seen[to]) {
          seen[to] = true;
          if (reaches(to)) return true;
        }
      }
      return false;
    };
    if (reaches(start)) plan.errors[start].push_back("dependency loop");
  }
  return plan;
}

}  // namespace rcjail::compat
