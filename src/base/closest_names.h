// "Did you mean": the known names nearest to a word that is not one of them,
// by edit distance, for check's misspelt variables and parameters and for
// the verbs given a jail name nobody configured.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rcjail {

// Levenshtein distance: insertions, deletions and substitutions.
std::size_t editDistance(const std::string& a, const std::string& b);

// The candidates nearest to `word`, closest first (ties in the candidates'
// order), when near enough to be a typo: a distance of at most 1 for words
// of up to 4 characters, 2 otherwise. At most `most` of them; none equal to
// `word` itself.
std::vector<std::string> closestNames(const std::string& word, const std::vector<std::string>& candidates,
                                      std::size_t most = 1);

// "a", "a or b", "a, b or c": the suggestions as a sentence ends them.
std::string alternatives(const std::vector<std::string>& names);

}  // namespace rcjail
