// test(1) as a builtin. Up to four arguments the meaning follows from their
// number (POSIX), which is how `[ -n ]` and `[ ! = x ]` get their sh results;
// longer expressions use the usual -o / -a / ! / ( ) grammar.
#include "sh_test.h"

#include <cerrno>
#include <cinttypes>
#include <cstdlib>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace rcjail {

namespace {

struct TestError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool isUnary(const std::string& op) {
  static const char* const ops[] = {"-n", "-z", "-e", "-f", "-d", "-r", "-w", "-x", "-s", "-L",
                                    "-h", "-b", "-c", "-p", "-S", "-u", "-g", "-k", "-t"};
  for (const char* o : ops)
    if (op == o) return true;
  return false;
}

bool isBinary(const std::string& op) {
  static const char* const ops[] = {"=",   "!=",  "<",   ">",   "-eq", "-ne", "-lt",
                                    "-le", "-gt", "-ge", "-nt", "-ot", "-ef"};
  for (const char* o : ops)
    if (op == o) return true;
  return false;
}

std::intmax_t toNumber(const std::string& s) {
  const char* p = s.c_str();
  while (*p == ' ' || *p == '\t' || *p == '\n') ++p;
  char* end = nullptr;
  errno = 0;
  std::intmax_t v = std::strtoimax(p, &end, 10);
  const char* rest = end;
  while (*rest == ' ' || *rest == '\t' || *rest == '\n') ++rest;
  if (end == p || *rest != '\0' || errno != 0) throw TestError("Illegal number: " + s);
  return v;
}

class Test {
 public:
  Test(const std::vector<std::string>& args, const FsRoot& root) : args_(args), root_(root) {}

  bool evaluate() { return byCount(0, args_.size()); }

 private:
  // POSIX's table for `count` arguments starting at `first`.
  bool byCount(std::size_t first, std::size_t count) {
    const auto& a = args_;
    switch (count) {
      case 0: return false;
      case 1: return !a[first].empty();
      case 2:
        if (a[first] == "!") return a[first + 1].empty();
        if (isUnary(a[first])) return unary(a[first], a[first + 1]);
        break;
      case 3:
        if (isBinary(a[first + 1])) return binary(a[first], a[first + 1], a[first + 2]);
        if (a[first] == "!") return !byCount(first + 1, 2);
        if (a[first] == "(" && a[first + 2] == ")") return byCount(first + 1, 1);
        break;
      case 4:
        if (a[first] == "!") return !byCount(first + 1, 3);
        if (a[first] == "(" && a[first + 3] == ")") return byCount(first + 1, 2);
        break;
      default: break;
    }
    pos_ = first;
    end_ = first + count;
    bool result = orExpression();
    if (pos_ != end_) throw TestError(a[pos_] + ": unexpected operator");
    return result;
  }

  bool atEnd() const { return pos_ >= end_; }
  const std::string& peek() const { return args_[pos_]; }

  bool orExpression() {
    bool value = andExpression();
    while (!atEnd() && peek() == "-o") {
      ++pos_;
      bool right = andExpression();
      value = value || right;
    }
    return value;
  }

  bool andExpression() {
    bool value = notExpression();
    while (!atEnd() && peek() == "-a") {
      ++pos_;
      bool right = notExpression();
      value = value && right;
    }
    return value;
  }

  bool notExpression() {
    if (!atEnd() && peek() == "!") {
      ++pos_;
      return !notExpression();
    }
    return primary();
  }

  bool primary() {
    if (atEnd()) throw TestError("argument expected");
    if (peek() == "(") {
      ++pos_;
      bool value = orExpression();
      if (atEnd() || peek() != ")") throw TestError("closing paren expected");
      ++pos_;
      return value;
    }
    if (pos_ + 2 < end_ && isBinary(args_[pos_ + 1])) {
      const std::string& l = args_[pos_];
      const std::string& op = args_[pos_ + 1];
      const std::string& r = args_[pos_ + 2];
      pos_ += 3;
      return binary(l, op, r);
    }
    if (isUnary(peek()) && pos_ + 1 < end_) {
      const std::string& op = args_[pos_];
      const std::string& operand = args_[pos_ + 1];
      pos_ += 2;
      return unary(op, operand);
    }
    return !args_[pos_++].empty();
  }

  bool unary(const std::string& op, const std::string& operand) const {
    if (op == "-n") return !operand.empty();
    if (op == "-z") return operand.empty();
    if (op == "-t") {
      std::intmax_t fd = toNumber(operand);
      return fd >= 0 && fd <= 1024 && isatty(static_cast<int>(fd));
    }
    const std::string path = root_.map(operand);
    if (op == "-r") return access(path.c_str(), R_OK) == 0;
    if (op == "-w") return access(path.c_str(), W_OK) == 0;
    struct stat st;
    if (op == "-L" || op == "-h") return lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
    if (stat(path.c_str(), &st) != 0) return false;
    if (op == "-x") return access(path.c_str(), X_OK) == 0;
    if (op == "-e") return true;
    if (op == "-f") return S_ISREG(st.st_mode);
    if (op == "-d") return S_ISDIR(st.st_mode);
    if (op == "-s") return st.st_size > 0;
    if (op == "-b") return S_ISBLK(st.st_mode);
    if (op == "-c") return S_ISCHR(st.st_mode);
    if (op == "-p") return S_ISFIFO(st.st_mode);
    if (op == "-S") return S_ISSOCK(st.st_mode);
    if (op == "-u") return (st.st_mode & S_ISUID) != 0;
    if (op == "-g") return (st.st_mode & S_ISGID) != 0;
    return (st.st_mode & S_ISVTX) != 0;  // -k
  }

  bool binary(const std::string& l, const std::string& op, const std::string& r) const {
    if (op == "=") return l == r;
    if (op == "!=") return l != r;
    if (op == "<") return l < r;
    if (op == ">") return l > r;
    if (op == "-nt" || op == "-ot" || op == "-ef") {
      struct stat a, b;
      bool haveA = stat(root_.map(l).c_str(), &a) == 0;
      bool haveB = stat(root_.map(r).c_str(), &b) == 0;
      auto newer = [](const struct stat& x, const struct stat& y) {
        if (x.st_mtim.tv_sec != y.st_mtim.tv_sec) return x.st_mtim.tv_sec > y.st_mtim.tv_sec;
        return x.st_mtim.tv_nsec > y.st_mtim.tv_nsec;
      };
      if (op == "-nt") return haveA && (!haveB || newer(a, b));
      if (op == "-ot") return haveB && (!haveA || newer(b, a));
      return haveA && haveB && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
    }
    std::intmax_t x = toNumber(l), y = toNumber(r);
    if (op == "-eq") return x == y;
    if (op == "-ne") return x != y;
    if (op == "-lt") return x < y;
    if (op == "-le") return x <= y;
    if (op == "-gt") return x > y;
    return x >= y;  // -ge
  }

  const std::vector<std::string>& args_;
  const FsRoot& root_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

}  // namespace

ShTestResult runShTest(const std::vector<std::string>& args, const FsRoot& root) {
  ShTestResult result;
  try {
    result.status = Test(args, root).evaluate() ? 0 : 1;
  } catch (const TestError& e) {
    result.status = 2;
    result.error = e.what();
  }
  return result;
}

}  // namespace rcjail
