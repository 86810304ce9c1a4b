// Name sanitising of rc.d/jail (tr /. _ and tr -c '[:alnum:]' _ in the C locale).
#include "jail_names.h"

namespace rcjail {

std::string jailName(std::string_view given) {
  std::string out(given);
  for (char& c : out)
    if (c == '/' || c == '.') c = '_';
  return out;
}

std::string variableName(std::string_view jail) {
  std::string out(jail);
  for (char& c : out) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) c = '_';
  }
  return out;
}

std::string jailVariable(std::string_view varName, std::string_view suffix) {
  std::string out = "jail_";
  out.append(varName).append("_").append(suffix);
  return out;
}

}  // namespace rcjail
