// $((...)): sh arithmetic on intmax_t with C's operators, precedence and
// short-circuiting, variables by name and the assignment operators, as dash
// and FreeBSD sh do it (no ++, --, ** or comma).
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rcjail {

// Message worded like dash's ("arithmetic expression: division by zero: \"1/0\"").
class ShArithmeticError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ShArithmeticVariables {
  // The value of a variable; nullptr when unset.
  std::function<const std::string*(std::string_view name)> lookup;
  std::function<void(std::string_view name, std::intmax_t value)> assign;
};

// `expression` is the text after parameter expansion and quote removal.
std::intmax_t evaluateShArithmetic(std::string_view expression, const ShArithmeticVariables& variables);

}  // namespace rcjail
