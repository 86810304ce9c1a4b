// What the jail.conf parser hands to the merge: the blocks of a configuration
// in file order, with their statements as written (variables not yet
// substituted, because jail(8) resolves them per jail after merging).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "location.h"

namespace rcjail {

// A `$name` / `${name}` inside a string: inserted at `offset` of the literal text.
struct JailConfVariableRef {
  std::string name;
  std::size_t offset = 0;
};

// One value: literal text plus the references still to insert, in order.
struct JailConfString {
  std::string text;
  std::vector<JailConfVariableRef> refs;
};

enum class JailConfAssignment {
  Set,        // name = v1, v2;
  Append,     // name += v;
  Valueless,  // name;
  NameValue,  // name v;  (same as Set, but it is how `.include` is written)
};

struct JailConfStatement {
  std::string name;         // without the `$` of a variable
  bool isVariable = false;  // `$name = ...`
  JailConfAssignment assignment = JailConfAssignment::Set;
  std::vector<JailConfString> values;
  Location where;  // the line of the name
};

// A jail block, a wildcard block, or a run of global statements (named "*").
struct JailConfBlock {
  std::string name;
  Location where;
  std::vector<JailConfStatement> statements;
};

struct JailConfSource {
  std::vector<std::string> files;   // every file read, in order
  std::vector<JailConfBlock> blocks;  // in file order: jail(8)'s sequence numbers
};

}  // namespace rcjail
