// Per-jail merge of statements (config.c add_param). A statement names the
// parameter that equalopts-matches it; finding that one goes through a hash
// of exact spellings and the few spellings equalopts allows, so a jail with
// many parameters does not compare every statement against every parameter.
#include "jail_conf_merge.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "jail_conf_names.h"
#include "jail_conf_substitute.h"

namespace rcjail {

namespace {

class MergedParamList {
 public:
  // `capacity`: how many statements will be applied at most, so that the
  // list never moves its parameters while growing.
  MergedParamList(std::size_t capacity, std::vector<std::string>& errors, std::vector<Location>& where)
      : errors_(errors), errorLocations_(where) {
    list_.params.reserve(capacity);
  }

  // The name or jid the block name implies; nothing may redefine it.
  void addImplicit(std::string name, const std::string& value, const Location& where);
  void apply(const JailConfStatement& statement);
  // True when a parameter (not a variable) equalopts-matches `name`.
  bool hasParam(std::string_view name) const;
  JailConfMergedList take() { return std::move(list_); }

 private:
  std::optional<std::size_t> findEqualOpts(std::string_view name) const;
  void add(JailConfMergedParam param);
  void clashError(const std::string& name, const Location& where);
  void report(std::string message, const Location& where);

  JailConfMergedList list_;
  std::vector<std::string>& errors_;
  std::vector<Location>& errorLocations_;
};

void MergedParamList::addImplicit(std::string name, const std::string& value, const Location& where) {
  JailConfMergedParam param;
  param.name = std::move(name);
  param.immutable = true;
  param.values.push_back(JailConfString{value, {}});
  param.where = where;
  add(std::move(param));
}

// The first parameter in list order that equalopts-matches `name`.
std::optional<std::size_t> MergedParamList::findEqualOpts(std::string_view name) const {
  std::optional<std::size_t> first;
  forEachJailConfEqualOptsSpelling(name, [&](const std::string& spelling) {
    auto [begin, end] = list_.bySpelling.equal_range(spelling);
    for (auto it = begin; it != end; ++it) first = std::min(first.value_or(it->second), it->second);
  });
  return first;
}

bool MergedParamList::hasParam(std::string_view name) const {
  // A variable of that name blocks any later parameter of it, so the first
  // match decides.
  std::optional<std::size_t> found = findEqualOpts(name);
  return found && !list_.params[*found].isVariable;
}

void MergedParamList::add(JailConfMergedParam param) {
  list_.bySpelling.emplace(param.name, list_.params.size());
  list_.params.push_back(std::move(param));
}

void MergedParamList::report(std::string message, const Location& where) {
  errors_.push_back(std::move(message));
  errorLocations_.push_back(where);
}

void MergedParamList::clashError(const std::string& name, const Location& where) {
  report("variable \"$" + name + "\" cannot have the same name as a parameter.", where);
}

void MergedParamList::apply(const JailConfStatement& statement) {
  std::optional<std::size_t> found = findEqualOpts(statement.name);
  if (!found) {
    add(JailConfMergedParam{statement.name, statement.isVariable, false, statement.values, statement.where});
    const JailConfKnownParam* known = findJailConfKnownParam(statement.name);
    // jail(8) complains only after adding the variable, so it stays usable.
    if (known && statement.isVariable) clashError(statement.name, statement.where);
    if (known && !statement.isVariable) list_.params.back().immutable = known->immutable;
    return;
  }
  std::size_t index = *found;
  JailConfMergedParam& param = list_.params[index];
  if (param.isVariable != statement.isVariable) {
    clashError(statement.name, statement.where);
    return;
  }
  if (param.immutable) {
    report("cannot redefine parameter \"" + param.name + "\".", statement.where);
    return;
  }
  if (param.name != statement.name) {
    auto [begin, end] = list_.bySpelling.equal_range(param.name);
    list_.bySpelling.erase(std::find_if(begin, end, [index](const auto& entry) { return entry.second == index; }));
    param.name = statement.name;
    list_.bySpelling.emplace(param.name, index);
  }
  // `name;` empties the list even after `+=`; `=` and `name value` replace it.
  if (statement.assignment != JailConfAssignment::Append || statement.values.empty()) param.values.clear();
  param.values.insert(param.values.end(), statement.values.begin(), statement.values.end());
  param.where = statement.where;
}

// The blocks whose statements make up the jail of block `seq`, in the order
// jail(8) applies them: matching wildcards written before it, its own,
// matching wildcards written after it.
std::vector<const JailConfBlock*> sourcesOf(const std::vector<JailConfBlock>& blocks,
                                            const std::vector<std::size_t>& wildcards, std::size_t seq) {
  std::vector<const JailConfBlock*> sources;
  bool ownAdded = false;
  for (std::size_t wildSeq : wildcards) {
    if (!ownAdded && seq < wildSeq) {
      sources.push_back(&blocks[seq]);
      ownAdded = true;
    }
    if (jailConfWildcardMatches(blocks[wildSeq].name, blocks[seq].name)) sources.push_back(&blocks[wildSeq]);
  }
  if (!ownAdded) sources.push_back(&blocks[seq]);
  return sources;
}

}  // namespace

std::vector<JailConfJail> mergeJailConfBlocks(const std::vector<JailConfBlock>& blocks) {
  std::vector<std::size_t> wildcards;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (isJailConfWildcard(blocks[i].name)) wildcards.push_back(i);
  }
  std::vector<JailConfJail> jails;
  jails.reserve(blocks.size() - wildcards.size());
  for (std::size_t seq = 0; seq < blocks.size(); ++seq) {
    const JailConfBlock& block = blocks[seq];
    if (isJailConfWildcard(block.name)) continue;
    JailConfJail& jail = jails.emplace_back();
    jail.name = block.name;
    jail.where = block.where;
    std::vector<const JailConfBlock*> sources = sourcesOf(blocks, wildcards, seq);
    std::size_t statements = 2;  // the implicit name or jid, and a numbered block's name
    for (const JailConfBlock* source : sources) statements += source->statements.size();
    MergedParamList list(statements, jail.errors, jail.errorLocations);
    const bool jidName = isJailConfJidName(block.name);
    list.addImplicit(jidName ? "jid" : "name", block.name, block.where);
    for (const JailConfBlock* source : sources) {
      for (const JailConfStatement& statement : source->statements) list.apply(statement);
    }
    // A numbered block without a name statement is also named by its
    // number, before substitution, so that `$name` is the number (newer
    // jail(8)s do the same; older ones left `$name` undefined there).
    if (jidName && !list.hasParam("name")) list.addImplicit("name", block.name, block.where);
    jail.params = substituteJailConfVariables(list.take(), jail.errors, jail.errorLocations);
  }
  return jails;
}

}  // namespace rcjail
