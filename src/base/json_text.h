// The one JSON writer of rcjail: every --json output (check, plan, status -a)
// builds an nlohmann::ordered_json, so keys keep the order a reader expects,
// and prints it through jsonText.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace rcjail {

using Json = nlohmann::ordered_json;

// `value` indented by two spaces, with a final newline. Bytes that are not
// UTF-8 (a hostname or jail(8) output in Latin-1) become U+FFFD instead of
// an exception: a report must never fail on the data it reports.
std::string jsonText(const Json& value);

}  // namespace rcjail
