// Tests of $((...)) evaluation: operators, precedence, variables,
// assignments, short-circuits and dash's error messages.
#include <boost/test/unit_test.hpp>

#include <map>

#include "sh_arith.h"

namespace rcjail {
namespace {

struct Vars {
  std::map<std::string, std::string, std::less<>> values;
  ShArithmeticVariables callbacks() {
    ShArithmeticVariables v;
    v.lookup = [this](std::string_view name) -> const std::string* {
      auto it = values.find(name);
      return it == values.end() ? nullptr : &it->second;
    };
    v.assign = [this](std::string_view name, std::intmax_t value) {
      values[std::string(name)] = std::to_string(value);
    };
    return v;
  }
};

std::intmax_t eval(std::string_view text) {
  Vars vars;
  return evaluateShArithmetic(text, vars.callbacks());
}

std::string error(std::string_view text, Vars vars = {}) {
  try {
    evaluateShArithmetic(text, vars.callbacks());
  } catch (const ShArithmeticError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_arith)

BOOST_AUTO_TEST_CASE(operators_and_precedence) {
  BOOST_TEST(eval("1 + 2 * 3") == 7);
  BOOST_TEST(eval("(1 + 2) * 3") == 9);
  BOOST_TEST(eval("7 / 2") == 3);
  BOOST_TEST(eval("-7 / 2") == -3);
  BOOST_TEST(eval("7 % -3") == 1);
  BOOST_TEST(eval("1 << 4 >> 2") == 4);
  BOOST_TEST(eval("5 & 3 | 8 ^ 1") == 9);
  BOOST_TEST(eval("1 < 2 == 1") == 1);
  BOOST_TEST(eval("2 >= 3") == 0);
  BOOST_TEST(eval("!0 + !7 + ~0") == 0);
  BOOST_TEST(eval("- -5") == 5);
  BOOST_TEST(eval("1 ? 2 : 3") == 2);
  BOOST_TEST(eval("0 ? 2 : 0 ? 3 : 4") == 4);
  BOOST_TEST(eval("3 && 0 || 5") == 1);
}

BOOST_AUTO_TEST_CASE(literals) {
  BOOST_TEST(eval("0x1F") == 31);
  BOOST_TEST(eval("0X10") == 16);
  BOOST_TEST(eval("017") == 15);
  BOOST_TEST(eval("99999999999999999999") == INTMAX_MAX);
}

BOOST_AUTO_TEST_CASE(overflow_wraps_without_undefined_behaviour) {
  BOOST_TEST(eval("9223372036854775807 + 1") == INTMAX_MIN);
  BOOST_TEST(eval("(-9223372036854775807 - 1) / -1") == INTMAX_MIN);
  BOOST_TEST(eval("1 << 63") == INTMAX_MIN);
  BOOST_TEST(eval("1 << 65") == 2);
}

BOOST_AUTO_TEST_CASE(variables) {
  Vars vars;
  vars.values = {{"x", "5"}, {"s", " 7 "}, {"e", ""}, {"h", "0x10"}, {"n", "-3"}};
  auto v = vars.callbacks();
  BOOST_TEST(evaluateShArithmetic("x * 2", v) == 10);
  BOOST_TEST(evaluateShArithmetic("s + 1", v) == 8);
  BOOST_TEST(evaluateShArithmetic("e + unset + 1", v) == 1);
  BOOST_TEST(evaluateShArithmetic("h", v) == 16);
  BOOST_TEST(evaluateShArithmetic("n * n", v) == 9);
}

BOOST_AUTO_TEST_CASE(assignments) {
  Vars vars;
  auto v = vars.callbacks();
  BOOST_TEST(evaluateShArithmetic("a = 4", v) == 4);
  BOOST_TEST(evaluateShArithmetic("a += 3", v) == 7);
  BOOST_TEST(evaluateShArithmetic("a *= 2", v) == 14);
  BOOST_TEST(evaluateShArithmetic("a -= 4", v) == 10);
  BOOST_TEST(evaluateShArithmetic("a /= 3", v) == 3);
  BOOST_TEST(evaluateShArithmetic("a %= 2", v) == 1);
  BOOST_TEST(evaluateShArithmetic("a <<= 3", v) == 8);
  BOOST_TEST(evaluateShArithmetic("a >>= 1", v) == 4);
  BOOST_TEST(evaluateShArithmetic("a |= 3", v) == 7);
  BOOST_TEST(evaluateShArithmetic("a &= 5", v) == 5);
  BOOST_TEST(evaluateShArithmetic("a ^= 1", v) == 4);
  BOOST_TEST(evaluateShArithmetic("b = c = 6", v) == 6);
  BOOST_TEST(vars.values["a"] == "4");
  BOOST_TEST(vars.values["b"] == "6");
  BOOST_TEST(vars.values["c"] == "6");
}

BOOST_AUTO_TEST_CASE(short_circuits_skip_side_effects_and_errors) {
  Vars vars;
  auto v = vars.callbacks();
  BOOST_TEST(evaluateShArithmetic("0 && (z = 1)", v) == 0);
  BOOST_TEST(evaluateShArithmetic("1 || 1 / 0", v) == 1);
  BOOST_TEST(evaluateShArithmetic("0 ? 1 / 0 : 3", v) == 3);
  BOOST_TEST(vars.values.count("z") == 0u);
}

BOOST_AUTO_TEST_CASE(errors_worded_like_dash) {
  BOOST_TEST(error("1/0") == "arithmetic expression: division by zero: \"1/0\"");
  BOOST_TEST(error("1 +") == "arithmetic expression: expecting primary: \"1 +\"");
  BOOST_TEST(error("") == "arithmetic expression: expecting primary: \"\"");
  BOOST_TEST(error("08") == "arithmetic expression: expecting EOF: \"08\"");
  BOOST_TEST(error("1 2") == "arithmetic expression: expecting EOF: \"1 2\"");
  BOOST_TEST(error("(1") == "arithmetic expression: expecting ')': \"(1\"");
  BOOST_TEST(error("1 ? 2") == "arithmetic expression: expecting ':': \"1 ? 2\"");
  BOOST_TEST(error("2**3") == "arithmetic expression: expecting primary: \"2**3\"");
  Vars vars;
  vars.values["x"] = "abc";
  BOOST_TEST(error("x + 1", vars) == "Illegal number: abc");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
