// Variable substitution, following load_config()'s algorithm step by step,
// because its order of work decides which messages come out and the final
// order of the list: parameters are taken in list order; a reference to a
// parameter that still has references of its own moves that one in front
// and resolves it first; every parameter on such a chain fails together.
#include "jail_conf_substitute.h"

#include <iterator>
#include <string_view>
#include <utility>

namespace rcjail {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// One value while its references are filled in, left to right.
struct PendingString {
  std::string literal;  // as written, references taken out (moved to value when none)
  std::vector<JailConfVariableRef> refs;
  std::size_t nextRef = 0;
  std::string value;          // the result up to literal[consumed]
  std::size_t consumed = 0;

  explicit PendingString(JailConfString&& written) : refs(std::move(written.refs)) {
    // Most values have no reference: they are final as they are.
    (refs.empty() ? value : literal) = std::move(written.text);
  }
  bool done() const { return nextRef == refs.size(); }
  // jail(8) looks at the string as it stands, inserted text included.
  bool emptySoFar() const { return value.empty() && consumed == literal.size(); }
  // Puts `text` in place of the next reference; "" drops a failed one.
  void fill(std::string_view text) {
    const JailConfVariableRef& ref = refs[nextRef++];
    value.append(literal, consumed, ref.offset - consumed);
    value.append(text);
    consumed = ref.offset;
    if (done()) finish();
  }
  void finish() {
    value.append(literal, consumed);
    consumed = literal.size();
  }
};

class Resolver {
 public:
  Resolver(JailConfMergedList& list, std::vector<std::string>& errors, std::vector<Location>& where);
  void run();
  std::vector<JailConfParam> result();

 private:
  std::size_t lookup(const std::string& name) const;
  std::size_t resolve(std::size_t param, int generation);
  void fail(std::size_t param, PendingString& value, int generation);
  void moveBefore(std::size_t moved, std::size_t before);
  void report(std::size_t param, std::string message);

  std::vector<JailConfMergedParam>& params_;
  const std::unordered_multimap<std::string, std::size_t>& bySpelling_;
  std::vector<std::string>& errors_;
  std::vector<Location>& errorLocations_;
  std::vector<std::vector<PendingString>> values_;
  std::vector<std::size_t> unresolved_;  // references left, per parameter
  std::vector<int> generation_;          // load_config()'s `gen`: the chain being resolved
  std::vector<bool> bad_;
  // The list as a linked list over indexes, since resolution reorders it.
  std::vector<std::size_t> prev_, next_;
  std::size_t head_ = kNone;
};

Resolver::Resolver(JailConfMergedList& list, std::vector<std::string>& errors, std::vector<Location>& where)
    : params_(list.params),
      bySpelling_(list.bySpelling),
      errors_(errors),
      errorLocations_(where),
      unresolved_(list.params.size(), 0),
      generation_(list.params.size(), 0),
      bad_(list.params.size(), false),
      prev_(list.params.size()),
      next_(list.params.size()) {
  values_.reserve(params_.size());
  for (std::size_t i = 0; i < params_.size(); ++i) {
    std::vector<PendingString>& values = values_.emplace_back();
    values.reserve(params_[i].values.size());
    for (JailConfString& value : params_[i].values) {
      unresolved_[i] += value.refs.size();
      values.emplace_back(std::move(value));
    }
    prev_[i] = i == 0 ? kNone : i - 1;
    next_[i] = i + 1 == params_.size() ? kNone : i + 1;
  }
  if (!params_.empty()) head_ = 0;
}

// The first parameter or variable of that exact name in the current order.
std::size_t Resolver::lookup(const std::string& name) const {
  auto [begin, end] = bySpelling_.equal_range(name);
  if (begin == end) return kNone;
  if (std::next(begin) == end) return begin->second;
  for (std::size_t i = head_; i != kNone; i = next_[i]) {
    for (auto it = begin; it != end; ++it) {
      if (it->second == i) return i;
    }
  }
  return kNone;
}

void Resolver::run() {
  int generation = 0;
  for (std::size_t param = head_; param != kNone; param = next_[param]) {
    generation_[param] = ++generation;
    param = resolve(param, generation);
  }
}

// Fills in the references of `param`; returns the parameter the walk stands
// on afterwards (the first one moved in front of `param`, if any).
std::size_t Resolver::resolve(std::size_t param, int generation) {
restart:
  for (std::size_t i = 0; i < values_[param].size(); ++i) {
    while (!values_[param][i].done()) {
      PendingString& value = values_[param][i];
      const std::string& name = value.refs[value.nextRef].name;
      std::size_t target = lookup(name);
      if (target == kNone || values_[target].empty()) {
        report(param, params_[param].name + ": variable \"" + name + "\" not found");
        fail(param, value, generation);
        continue;
      }
      if (bad_[target]) {
        fail(param, value, generation);
        continue;
      }
      if (generation_[target] == generation) {
        report(param, name + ": variable loop");
        fail(param, value, generation);
        continue;
      }
      if (unresolved_[target] > 0) {
        generation_[target] = generation;
        moveBefore(target, param);
        param = target;
        goto restart;
      }
      const std::vector<PendingString>& list = values_[target];
      // A list goes in only as the whole of a string, and then as that many values.
      if (list.size() > 1 && (!value.emptySoFar() || value.nextRef + 1 < value.refs.size())) {
        report(param, params_[param].name + ": array cannot be substituted inline");
        fail(param, value, generation);
        continue;
      }
      std::vector<PendingString> more(list.begin() + 1, list.end());
      value.fill(list.front().value);
      --unresolved_[param];
      values_[param].insert(values_[param].begin() + static_cast<std::ptrdiff_t>(i) + 1,
                            std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
  }
  return param;
}

// The jail fails, and so does every parameter on the chain being resolved;
// references to them later fail without a message of their own.
void Resolver::fail(std::size_t param, PendingString& value, int generation) {
  for (std::size_t i = 0; i < params_.size(); ++i) {
    if (generation_[i] == generation) bad_[i] = true;
  }
  value.fill("");
  --unresolved_[param];
}

void Resolver::report(std::size_t param, std::string message) {
  errors_.push_back(std::move(message));
  errorLocations_.push_back(params_[param].where);
}

void Resolver::moveBefore(std::size_t moved, std::size_t before) {
  (prev_[moved] == kNone ? head_ : next_[prev_[moved]]) = next_[moved];
  if (next_[moved] != kNone) prev_[next_[moved]] = prev_[moved];
  prev_[moved] = prev_[before];
  next_[moved] = before;
  (prev_[before] == kNone ? head_ : next_[prev_[before]]) = moved;
  prev_[before] = moved;
}

std::vector<JailConfParam> Resolver::result() {
  std::vector<JailConfParam> out;
  out.reserve(params_.size());
  for (std::size_t i = head_; i != kNone; i = next_[i]) {
    if (params_[i].isVariable) continue;  // variables are never passed on
    JailConfParam& param = out.emplace_back();
    param.name = std::move(params_[i].name);
    for (PendingString& value : values_[i]) param.values.push_back(std::move(value.value));
    param.hasValue = !param.values.empty();
    param.where = std::move(params_[i].where);
  }
  return out;
}

}  // namespace

std::vector<JailConfParam> substituteJailConfVariables(JailConfMergedList list, std::vector<std::string>& errors,
                                                       std::vector<Location>& where) {
  Resolver resolver(list, errors, where);
  resolver.run();
  return resolver.result();
}

}  // namespace rcjail
