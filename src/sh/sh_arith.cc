// Arithmetic expansion by precedence climbing. Overflow wraps (through
// unsigned arithmetic, so it is defined) and INTMAX_MIN / -1 gives INTMAX_MIN
// where dash would trap.
#include "sh_arith.h"

#include <cerrno>
#include <cinttypes>
#include <cstdlib>
#include <limits>

#include "sh_word.h"

namespace rcjail {

namespace {

using Int = std::intmax_t;
using UInt = std::uintmax_t;

Int wrap(UInt v) { return static_cast<Int>(v); }

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Operators, longest first so that the first prefix that matches is the token.
constexpr std::string_view kOperators[] = {
    "<<=", ">>=", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=",
    "&=",  "^=",  "|=", "+",  "-",  "*",  "/",  "%",  "<",  ">",  "&",  "^",  "|",  "!",  "~",
    "(",   ")",   "?",  ":",  "="};

// Binary operators by precedence level, lowest first.
constexpr std::string_view kLevels[][4] = {
    {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", "<=", ">", ">="},
    {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}};
constexpr int kLevelCount = sizeof kLevels / sizeof kLevels[0];

class Evaluator {
 public:
  Evaluator(std::string_view text, const ShArithmeticVariables& vars) : text_(text), vars_(vars) {}

  Int run() {
    advance();
    Int value = assignment(true);
    if (token_.kind != Kind::End) fail("expecting EOF");
    return value;
  }

 private:
  enum class Kind { Number, Name, Operator, End };
  struct Token {
    Kind kind = Kind::End;
    std::string_view text;
    Int value = 0;
  };

  [[noreturn]] void fail(const char* what) const {
    throw ShArithmeticError(std::string("arithmetic expression: ") + what + ": \"" +
                            std::string(text_) + "\"");
  }

  Token lex(std::size_t& pos) const {
    while (pos < text_.size() && isSpace(text_[pos])) ++pos;
    Token t;
    if (pos >= text_.size()) return t;
    char c = text_[pos];
    if (c >= '0' && c <= '9') {
      std::size_t end = pos;
      while (end < text_.size() && isShNameChar(text_[end])) ++end;
      std::string digits(text_.substr(pos, end - pos));
      char* stop = nullptr;
      t.value = std::strtoimax(digits.c_str(), &stop, 0);  // clamps on overflow, like dash
      std::size_t used = static_cast<std::size_t>(stop - digits.c_str());
      t.kind = Kind::Number;
      t.text = text_.substr(pos, used);
      pos += used;
      return t;
    }
    if (isShNameStart(c)) {
      std::size_t end = pos;
      while (end < text_.size() && isShNameChar(text_[end])) ++end;
      t.kind = Kind::Name;
      t.text = text_.substr(pos, end - pos);
      pos = end;
      return t;
    }
    for (std::string_view op : kOperators) {
      if (text_.substr(pos, op.size()) == op) {
        t.kind = Kind::Operator;
        t.text = op;
        pos += op.size();
        return t;
      }
    }
    fail("expecting primary");
  }

  void advance() { token_ = lex(pos_); }
  bool isOperator(std::string_view op) const { return token_.kind == Kind::Operator && token_.text == op; }

  Int variable(std::string_view name) const {
    const std::string* value = vars_.lookup(name);
    if (value == nullptr) return 0;
    const char* s = value->c_str();
    while (isSpace(*s)) ++s;
    if (*s == '\0') return 0;
    char* end = nullptr;
    errno = 0;
    Int v = std::strtoimax(s, &end, 0);
    const char* rest = end;
    while (isSpace(*rest)) ++rest;
    if (end == s || *rest != '\0' || errno != 0) throw ShArithmeticError("Illegal number: " + *value);
    return v;
  }

  Int assignment(bool eval) {
    if (token_.kind == Kind::Name) {
      std::size_t after = pos_;
      Token next = lex(after);
      if (next.kind == Kind::Operator && next.text.size() >= 1 && next.text.back() == '=' &&
          next.text != "==" && next.text != "!=" && next.text != "<=" && next.text != ">=") {
        std::string_view name = token_.text;
        std::string_view op = next.text.substr(0, next.text.size() - 1);
        pos_ = after;
        advance();
        Int rhs = assignment(eval);
        Int value = rhs;
        if (!op.empty()) value = apply(op, eval ? variable(name) : 0, rhs, eval);
        if (eval) vars_.assign(name, value);
        return value;
      }
    }
    return conditional(eval);
  }

  Int conditional(bool eval) {
    Int condition = binary(0, eval);
    if (!isOperator("?")) return condition;
    advance();
    Int yes = assignment(eval && condition != 0);
    if (!isOperator(":")) fail("expecting ':'");
    advance();
    Int no = conditional(eval && condition == 0);
    return condition != 0 ? yes : no;
  }

  bool atLevel(int level) const {
    if (token_.kind != Kind::Operator) return false;
    for (std::string_view op : kLevels[level])
      if (!op.empty() && token_.text == op) return true;
    return false;
  }

  Int binary(int level, bool eval) {
    if (level == kLevelCount) return unary(eval);
    Int left = binary(level + 1, eval);
    while (atLevel(level)) {
      std::string_view op = token_.text;
      advance();
      if (op == "&&") {
        Int right = binary(level + 1, eval && left != 0);
        left = left != 0 && right != 0;
      } else if (op == "||") {
        Int right = binary(level + 1, eval && left == 0);
        left = left != 0 || right != 0;
      } else {
        left = apply(op, left, binary(level + 1, eval), eval);
      }
    }
    return left;
  }

  Int apply(std::string_view op, Int l, Int r, bool eval) const {
    UInt ul = static_cast<UInt>(l), ur = static_cast<UInt>(r);
    if (op == "+") return wrap(ul + ur);
    if (op == "-") return wrap(ul - ur);
    if (op == "*") return wrap(ul * ur);
    if (op == "/" || op == "%") {
      if (!eval) return 0;
      if (r == 0) fail("division by zero");
      if (r == -1) return op == "/" ? wrap(UInt{0} - ul) : 0;
      return op == "/" ? l / r : l % r;
    }
    if (op == "<<") return wrap(ul << (ur & 63));
    if (op == ">>") return l >> (ur & 63);
    if (op == "<") return l < r;
    if (op == "<=") return l <= r;
    if (op == ">") return l > r;
    if (op == ">=") return l >= r;
    if (op == "==") return l == r;
    if (op == "!=") return l != r;
    if (op == "&") return l & r;
    if (op == "^") return l ^ r;
    if (op == "|") return l | r;
    fail("expecting primary");
  }

  Int unary(bool eval) {
    if (token_.kind == Kind::Operator) {
      std::string_view op = token_.text;
      if (op == "!" || op == "~" || op == "-" || op == "+") {
        advance();
        Int v = unary(eval);
        if (op == "!") return v == 0;
        if (op == "~") return ~v;
        if (op == "-") return wrap(UInt{0} - static_cast<UInt>(v));
        return v;
      }
    }
    return primary(eval);
  }

  Int primary(bool eval) {
    if (token_.kind == Kind::Number) {
      Int v = token_.value;
      advance();
      return v;
    }
    if (token_.kind == Kind::Name) {
      Int v = eval ? variable(token_.text) : 0;
      advance();
      return v;
    }
    if (isOperator("(")) {
      advance();
      Int v = assignment(eval);
      if (!isOperator(")")) fail("expecting ')'");
      advance();
      return v;
    }
    fail("expecting primary");
  }

  std::string_view text_;
  const ShArithmeticVariables& vars_;
  std::size_t pos_ = 0;
  Token token_;
};

}  // namespace

std::intmax_t evaluateShArithmetic(std::string_view expression, const ShArithmeticVariables& variables) {
  return Evaluator(expression, variables).run();
}

}  // namespace rcjail
