// See json_text.h.
#include "json_text.h"

namespace rcjail {

std::string jsonText(const Json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace rcjail
