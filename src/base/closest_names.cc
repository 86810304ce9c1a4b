// Edit distance and the nearest names, shared by check and the verbs.
#include "closest_names.h"

#include <algorithm>

namespace rcjail {

std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closestNames(const std::string& word, const std::vector<std::string>& candidates,
                                      std::size_t most) {
  const std::size_t limit = word.size() <= 4 ? 1 : 2;
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const std::string& c : candidates) {
    if (c == word) continue;
    const std::size_t d = editDistance(word, c);
    const bool seen = std::any_of(near.begin(), near.end(), [&](const auto& n) { return n.second == c; });
    if (d <= limit && !seen) near.emplace_back(d, c);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [distance, name] : near)
    if (out.size() < most) out.push_back(name);
  return out;
}

std::string alternatives(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return out;
}

}  // namespace rcjail
