// The caller's view of the registry, level by level.
#include "jail_visibility.h"

#include <algorithm>
#include <set>

namespace rcjail::compat {
namespace {

bool madeInside(const JailRecord& child, const JailRecord& parent) {
  return child.parentJid == parent.jid && child.ownerNamespace.known() &&
         child.ownerNamespace == parent.jailNamespace;
}

// Every record below `root` (made inside it, at any depth) is gone with it.
void markSubtreeGone(const std::vector<JailRecord>& all, const JailRecord& root, std::set<int>& seen,
                     std::vector<int>& gone) {
  for (const JailRecord& record : all) {
    if (seen.count(record.jid) || !madeInside(record, root)) continue;
    seen.insert(record.jid);
    gone.push_back(record.jid);
    markSubtreeGone(all, record, seen, gone);
  }
}

}  // namespace

std::optional<JailRecord> currentJail(const std::vector<JailRecord>& all, const NamespaceId& caller,
                                      const InitProbe& probe) {
  std::optional<JailRecord> current;
  if (!caller.known()) return current;
  for (const JailRecord& record : all)
    if (record.jailNamespace == caller && !(record.ownerNamespace == caller) && probe(record) == InitState::Live)
      current = record;
  return current;
}

std::optional<JailRecord> seenByCaller(const std::vector<JailRecord>& all, const JailRecord& record,
                                       const NamespaceId& caller, const InitProbe& probe) {
  if (!caller.known()) return std::nullopt;
  // The chain from the record up to a jail made in the caller's namespace;
  // no longer than the registry, whatever the records claim.
  std::vector<const JailRecord*> chain{&record};
  while (!(chain.back()->ownerNamespace == caller)) {
    const JailRecord* child = chain.back();
    auto parent = std::find_if(all.begin(), all.end(), [child](const JailRecord& p) { return madeInside(*child, p); });
    if (parent == all.end() || chain.size() > all.size()) return std::nullopt;
    chain.push_back(&*parent);
  }
  if (chain.back()->jailNamespace == caller) return std::nullopt;  // a jail never sees itself
  std::string prefix;
  int parentJid = 0;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (probe(**it) != InitState::Live) return std::nullopt;
    if (*it == &record) break;
    prefix += (*it)->ownName() + ".";
    parentJid = (*it)->jid;
  }
  JailRecord seen = record;
  seen.namePrefix = prefix;
  seen.seenParentJid = parentJid;
  return seen;
}

RegistryView viewRegistry(const std::vector<JailRecord>& all, const NamespaceId& caller, const InitProbe& probe) {
  RegistryView view;
  if (!caller.known()) return view;
  view.current = currentJail(all, caller, probe);

  std::set<int> seen;
  std::vector<JailRecord> level;
  // A jail never sees itself, even through a record that claims it was made
  // from inside itself.
  for (const JailRecord& record : all)
    if (record.ownerNamespace == caller && !(record.jailNamespace == caller)) level.push_back(record);
  while (!level.empty()) {
    std::vector<JailRecord> next;
    for (JailRecord& record : level) {
      if (!seen.insert(record.jid).second) continue;
      const InitState state = probe(record);
      if (state == InitState::Gone) {
        view.gone.push_back(record.jid);
        markSubtreeGone(all, record, seen, view.gone);
        continue;
      }
      if (state != InitState::Live) continue;
      for (const JailRecord& child : all) {
        if (!madeInside(child, record) || seen.count(child.jid)) continue;
        JailRecord seenChild = child;
        seenChild.namePrefix = record.namePrefix + record.ownName() + ".";
        seenChild.seenParentJid = record.jid;
        next.push_back(std::move(seenChild));
      }
      view.visible.push_back(std::move(record));
    }
    level = std::move(next);
  }
  std::sort(view.visible.begin(), view.visible.end(),
            [](const JailRecord& a, const JailRecord& b) { return a.jid < b.jid; });
  std::sort(view.gone.begin(), view.gone.end());
  return view;
}

std::vector<JailRecord> descendantsDeepestFirst(const RegistryView& view, int jid) {
  std::vector<JailRecord> out;
  for (const JailRecord& record : view.visible) {
    if (record.seenParentJid != jid) continue;
    std::vector<JailRecord> below = descendantsDeepestFirst(view, record.jid);
    out.insert(out.end(), below.begin(), below.end());
    out.push_back(record);
  }
  return out;
}

std::string childLimitError(const RegistryView& view) {
  if (!view.current) return {};
  const std::string text = view.current->value("children.max");
  const long limit = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 10
                         ? std::stol(text)
                         : 0;
  if (limit <= 0) return "jail_set: Operation not permitted";
  if (static_cast<long>(view.visible.size()) >= limit) return "prison limit exceeded";
  return {};
}

}  // namespace rcjail::compat
