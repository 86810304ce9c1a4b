// The character classes of the sh lexer, shared by its token and word halves.
#pragma once

namespace rcjail {

inline bool isBlank(int c) { return c == ' ' || c == '\t'; }
inline bool isOperatorChar(int c) {
  return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}
inline bool isDigit(int c) { return c >= '0' && c <= '9'; }
inline bool isSpecialParam(int c) {
  return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!';
}
// Characters that end a run of plain literal text in an unquoted word.
inline bool isWordSpecial(int c) {
  return c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`' || c == '=' || c == ':' ||
         c == '\n' || isBlank(c) || isOperatorChar(c);
}

}  // namespace rcjail
