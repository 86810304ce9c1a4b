// Unknown names, cycles (Tarjan's strongly connected components), orders and waves.
#include "dependency_graph.h"

#include <algorithm>
#include <functional>
#include <map>
#include <queue>

namespace rcjail {

std::string PlanProblem::describe() const {
  if (where.file.empty()) return message;
  return where.str() + ": " + message;
}

size_t DependencyGraph::index(const std::string& name) const {
  return static_cast<size_t>(std::find(jails_.begin(), jails_.end(), name) - jails_.begin());
}

void DependencyGraph::addJail(const std::string& name) {
  if (!contains(name)) jails_.push_back(name);
}

bool DependencyGraph::contains(const std::string& name) const { return index(name) < jails_.size(); }

void DependencyGraph::addEdge(DependencyEdge edge) { edges_.push_back(std::move(edge)); }

std::vector<std::string> DependencyGraph::neighbours(const std::string& name, std::string DependencyEdge::*near,
                                                     std::string DependencyEdge::*far) const {
  std::vector<std::string> out;
  for (const DependencyEdge& e : edges_)
    if (e.*near == name && contains(e.*far) && std::find(out.begin(), out.end(), e.*far) == out.end())
      out.push_back(e.*far);
  return out;
}

std::vector<std::string> DependencyGraph::dependencies(const std::string& name) const {
  return neighbours(name, &DependencyEdge::from, &DependencyEdge::to);
}

std::vector<std::string> DependencyGraph::dependents(const std::string& name) const {
  return neighbours(name, &DependencyEdge::to, &DependencyEdge::from);
}

std::vector<PlanProblem> DependencyGraph::problems() const {
  std::vector<PlanProblem> out = unknownNames();
  for (PlanProblem& p : cycles()) out.push_back(std::move(p));
  return out;
}

std::vector<PlanProblem> DependencyGraph::unknownNames() const {
  std::vector<PlanProblem> out;
  for (const DependencyEdge& e : edges_)
    if (!contains(e.to))
      out.push_back({e.where, e.source + ": " + e.from + " depends on unknown jail \"" + e.to + "\"", {e.from}});
  return out;
}

namespace {

// Tarjan's strongly connected components of the graph `next` (adjacency by
// index): the component of each vertex, and how many there are.
std::pair<std::vector<int>, int> stronglyConnected(const std::vector<std::vector<size_t>>& next) {
  const size_t n = next.size();
  std::vector<int> order(n, -1), low(n, 0), component(n, -1);
  std::vector<bool> onStack(n, false);
  std::vector<size_t> stack;
  int counter = 0, components = 0;
  std::function<void(size_t)> visit = [&](size_t v) {
    order[v] = low[v] = counter++;
    stack.push_back(v);
    onStack[v] = true;
    for (size_t w : next[v]) {
      if (order[w] < 0) {
        visit(w);
        low[v] = std::min(low[v], low[w]);
      } else if (onStack[w]) {
        low[v] = std::min(low[v], order[w]);
      }
    }
    if (low[v] != order[v]) return;
    for (;;) {
      size_t w = stack.back();
      stack.pop_back();
      onStack[w] = false;
      component[w] = components;
      if (w == v) break;
    }
    ++components;
  };
  for (size_t v = 0; v < n; ++v)
    if (order[v] < 0) visit(v);
  return {component, components};
}

}  // namespace

std::vector<const DependencyEdge*> DependencyGraph::shortestCycle(size_t start, const std::vector<int>& component) const {
  // Breadth-first inside the component of `start`, back to `start`.
  std::map<size_t, const DependencyEdge*> via;  // jail -> the edge that reached it
  std::queue<size_t> queue;
  queue.push(start);
  const DependencyEdge* closing = nullptr;
  while (!queue.empty() && !closing) {
    size_t v = queue.front();
    queue.pop();
    for (const DependencyEdge& e : edges_) {
      if (e.from != jails_[v] || !contains(e.to)) continue;
      size_t w = index(e.to);
      if (component[w] != component[start]) continue;
      if (w == start) {
        closing = &e;
        break;
      }
      if (!via.count(w)) {
        via[w] = &e;
        queue.push(w);
      }
    }
  }
  if (!closing) return {};  // a component without a cycle: one jail, no self-edge
  std::vector<const DependencyEdge*> cycle{closing};
  for (size_t v = index(closing->from); v != start; v = index(via[v]->from)) cycle.push_back(via[v]);
  std::reverse(cycle.begin(), cycle.end());
  return cycle;
}

std::vector<PlanProblem> DependencyGraph::cycles() const {
  const size_t n = jails_.size();
  std::vector<std::vector<size_t>> next(n);
  for (const DependencyEdge& e : edges_)
    if (contains(e.to)) next[index(e.from)].push_back(index(e.to));
  auto [component, components] = stronglyConnected(next);

  // For each component with a cycle, the shortest cycle through its first
  // jail in base order.
  std::vector<PlanProblem> out;
  std::vector<bool> reported(static_cast<size_t>(components), false);
  for (size_t start = 0; start < n; ++start) {
    int c = component[start];
    if (reported[static_cast<size_t>(c)]) continue;
    std::vector<const DependencyEdge*> cycle = shortestCycle(start, component);
    if (cycle.empty()) continue;
    reported[static_cast<size_t>(c)] = true;
    std::string path = cycle.front()->from, detail;
    for (const DependencyEdge* e : cycle) {
      path += " -> " + e->to;
      detail += std::string(detail.empty() ? "" : "; ") + e->from + " needs " + e->to + ": " + e->source +
                (e->where.file.empty() ? "" : " at " + e->where.str());
    }
    std::vector<std::string> members;  // the whole component: none of it can ever go first
    for (size_t v = 0; v < n; ++v)
      if (component[v] == c) members.push_back(jails_[v]);
    out.push_back({cycle.front()->where, "dependency cycle: " + path + " (" + detail + ")", members});
  }
  return out;
}

std::vector<std::string> DependencyGraph::startOrder() const {
  std::vector<std::string> out;
  std::vector<int> state(jails_.size(), 0);  // 0 new, 1 in progress, 2 placed
  std::function<void(size_t)> place = [&](size_t v) {
    if (state[v]) return;  // placed, or a cycle (reported by problems())
    state[v] = 1;
    for (const std::string& d : dependencies(jails_[v])) place(index(d));
    state[v] = 2;
    out.push_back(jails_[v]);
  };
  for (size_t v = 0; v < jails_.size(); ++v) place(v);
  return out;
}

std::vector<std::string> DependencyGraph::stopOrder(const std::vector<std::string>& base) const {
  std::vector<std::string> out;
  std::vector<int> state(jails_.size(), 0);
  std::function<void(size_t)> place = [&](size_t v) {
    if (state[v]) return;
    state[v] = 1;
    for (const std::string& d : dependents(jails_[v])) place(index(d));
    state[v] = 2;
    out.push_back(jails_[v]);
  };
  for (const std::string& name : base)
    if (contains(name)) place(index(name));
  for (size_t v = 0; v < jails_.size(); ++v) place(v);
  return out;
}

std::vector<std::vector<std::string>> DependencyGraph::waves(const std::vector<std::string>& order,
                                                              bool dependentsFirst) const {
  std::vector<int> wave(jails_.size(), 0);  // 0: not computed; -1: being computed (a cycle)
  std::function<int(size_t)> waveOf = [&](size_t v) -> int {
    if (wave[v] > 0) return wave[v];
    if (wave[v] < 0) return 0;
    wave[v] = -1;
    int w = 1;
    for (const std::string& d : dependentsFirst ? dependents(jails_[v]) : dependencies(jails_[v]))
      w = std::max(w, waveOf(index(d)) + 1);
    return wave[v] = w;
  };
  std::vector<std::vector<std::string>> out;
  for (const std::string& name : order) {
    if (!contains(name)) continue;
    size_t w = static_cast<size_t>(waveOf(index(name)));
    if (out.size() < w) out.resize(w);
    out[w - 1].push_back(name);
  }
  return out;
}

std::vector<std::vector<std::string>> DependencyGraph::startWaves(const std::vector<std::string>& order) const {
  return waves(order, false);
}

std::vector<std::vector<std::string>> DependencyGraph::stopWaves(const std::vector<std::string>& order) const {
  return waves(order, true);
}

}  // namespace rcjail
