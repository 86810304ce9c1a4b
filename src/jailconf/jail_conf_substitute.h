// $variable substitution in one jail's merged parameter list, the way
// jail(8)'s load_config() does it: references name variables or parameters
// of that jail, may chain, and are checked for loops and inline arrays.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "jail_conf_model.h"
#include "jail_conf_syntax.h"

namespace rcjail {

// A parameter or variable of one jail after the merge, before substitution.
struct JailConfMergedParam {
  std::string name;
  bool isVariable = false;
  bool immutable = false;  // name/jid: no later statement may change it
  std::vector<JailConfString> values;
  Location where;
};

// One jail's list in merge order, with the index the merge keeps anyway:
// exact spellings to positions (two entries can share a spelling after
// renames, hence a multimap).
struct JailConfMergedList {
  std::vector<JailConfMergedParam> params;
  std::unordered_multimap<std::string, std::size_t> bySpelling;
};

// Resolves every reference, adding jail(8)'s warnings to `errors`
// (`PARAM: variable "x" not found`, `x: variable loop`,
// `PARAM: array cannot be substituted inline`), and returns the parameters
// without the variables, in jail(8)'s final list order.
// `where` gets the location of the parameter each error is about.
std::vector<JailConfParam> substituteJailConfVariables(JailConfMergedList list, std::vector<std::string>& errors,
                                                       std::vector<Location>& where);

}  // namespace rcjail
