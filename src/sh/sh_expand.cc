// Word expansion. Expansion first produces characters tagged with how they
// may be treated (quoted, literal, result of an unquoted expansion); the tags
// then drive field splitting, globbing and pattern building, which is how sh
// keeps "$x" and '*' from being split or globbed.
#include "sh_expand.h"

#include <algorithm>

#include <unistd.h>

#include "sh_arith.h"
#include "sh_glob.h"
#include "sh_pattern.h"

namespace rcjail {

namespace {

bool isIfsWhite(char c) { return c == ' ' || c == '\t' || c == '\n'; }

ShTrim trimOf(ShParamOp op) {
  switch (op) {
    case ShParamOp::RemoveSmallestPrefix: return ShTrim::SmallestPrefix;
    case ShParamOp::RemoveLargestPrefix: return ShTrim::LargestPrefix;
    case ShParamOp::RemoveSmallestSuffix: return ShTrim::SmallestSuffix;
    default: return ShTrim::LargestSuffix;
  }
}

}  // namespace

void ShExpander::unsupported(const ShWordPart& part, const std::string& what) const {
  throw ShUnsupported({where_.file, part.line > 0 ? part.line : where_.line}, what);
}

std::string ShExpander::ifs() const {
  const std::string* v = state_.value("IFS");
  return v ? *v : " \t\n";
}

std::string ShExpander::joinPositional() const {
  const std::string* v = state_.value("IFS");
  std::string separator = v ? v->substr(0, 1) : " ";
  std::string out;
  for (std::size_t i = 0; i < state_.positional.size(); ++i) {
    if (i > 0) out += separator;
    out += state_.positional[i];
  }
  return out;
}

std::optional<std::string> ShExpander::paramValue(const std::string& name) const {
  char c = name[0];
  if (c >= '0' && c <= '9') {
    if (name.size() > 9) return std::nullopt;
    std::size_t n = std::stoul(name);
    if (n == 0) return state_.arg0;
    if (n <= state_.positional.size()) return state_.positional[n - 1];
    return std::nullopt;
  }
  if (name.size() == 1) {
    switch (c) {
      case '#': return std::to_string(state_.positional.size());
      case '?': return std::to_string(state_.status);
      case '$': return std::to_string(getpid());
      case '!': return std::nullopt;  // no background jobs
      case '@':
      case '*':
        if (state_.positional.empty()) return std::nullopt;
        return joinPositional();
      default: break;
    }
  }
  const std::string* v = state_.value(name);
  if (v == nullptr) return std::nullopt;
  return *v;
}

void ShExpander::expandParts(const ShParts& parts, Text& out, bool inParamWord, bool assignment) {
  const Attr unquoted = inParamWord ? kExpanded : kLiteral;
  for (const ShWordPart& part : parts) {
    switch (part.kind) {
      case ShWordPart::Kind::Literal:
        if (part.quoted) {
          out.add(part.text, kQuoted);
          if (part.text.empty()) out.mark(kContent);
        } else {
          out.add(part.text, unquoted);
        }
        break;
      case ShWordPart::Kind::Tilde: {
        if (part.afterAssign && !assignment) {
          out.add("~" + part.text, unquoted);
          break;
        }
        if (!part.text.empty()) unsupported(part, "~" + part.text + " (a user's home directory)");
        const std::string* home = state_.value("HOME");
        if (home == nullptr) {
          out.add("~", unquoted);
        } else {
          out.add(*home, kQuoted);
        }
        break;
      }
      case ShWordPart::Kind::Param:
        expandParam(part, out);
        break;
      case ShWordPart::Kind::Arith: {
        std::string expression = expandString(part.word);
        ShArithmeticVariables vars;
        vars.lookup = [this](std::string_view name) { return state_.value(name); };
        vars.assign = [this](std::string_view name, std::intmax_t value) {
          state_.assign(name, std::to_string(value), where_);
        };
        std::intmax_t value;
        try {
          value = evaluateShArithmetic(expression, vars);
        } catch (const ShArithmeticError& e) {
          throw ShError(where_, e.what());
        }
        out.add(std::to_string(value), part.quoted ? kQuoted : kExpanded);
        break;
      }
      case ShWordPart::Kind::CommandSubst:
        unsupported(part, "command substitution " + part.text);
      case ShWordPart::Kind::Unsupported:
        unsupported(part, part.text);
    }
    // Checked per part, so that a word stops growing at one value over the limit.
    state_.budget().checkValue(out.chars.size(), where_);
  }
}

void ShExpander::expandSpecialList(const ShWordPart& part, Text& out) {
  const std::vector<std::string>& params = state_.positional;
  if (part.quoted && part.text == "*") {
    out.add(joinPositional(), kQuoted);
    out.mark(kContent);
    return;
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (part.quoted) {
      if (i > 0) out.mark(kBreak);
      out.add(params[i], kQuoted);
      out.mark(kContent);
    } else {
      if (i > 0) out.mark(kSoftBreak);
      out.add(params[i], kExpanded);
    }
  }
}

void ShExpander::expandParam(const ShWordPart& part, Text& out) {
  const std::string& name = part.text;
  if (part.op == ShParamOp::Bad) throw ShError(where_, "Bad substitution");
  if (name == "-") unsupported(part, "$- (the shell's option flags)");
  if ((name == "@" || name == "*") && part.op == ShParamOp::None) {
    expandSpecialList(part, out);
    return;
  }
  // "$v" is a field even when empty ("$@" is the exception above).
  if (part.quoted) out.mark(kContent);
  expandParamOp(part, paramValue(name), out);
}

void ShExpander::expandParamOp(const ShWordPart& part, const std::optional<std::string>& value, Text& out) {
  const std::string& name = part.text;
  const Attr attr = part.quoted ? kQuoted : kExpanded;
  const bool set = value && (!part.colon || !value->empty());
  switch (part.op) {
    case ShParamOp::None:
      if (value) out.add(*value, attr);
      return;
    case ShParamOp::Length:
      out.add(std::to_string(value ? value->size() : 0), attr);
      return;
    case ShParamOp::Default:
      if (set) {
        out.add(*value, attr);
      } else {
        expandParts(part.word, out, !part.quoted, false);
      }
      return;
    case ShParamOp::Alternative:
      if (set) expandParts(part.word, out, !part.quoted, false);
      return;
    case ShParamOp::Assign: {
      if (set) {
        out.add(*value, attr);
        return;
      }
      if (!isShName(name)) throw ShError(where_, name + ": bad variable name");
      std::string assigned = expandString(part.word);
      state_.assign(name, assigned, where_);
      out.add(assigned, attr);
      return;
    }
    case ShParamOp::Error: {
      if (set) {
        out.add(*value, attr);
        return;
      }
      std::string message = expandString(part.word);
      if (message.empty()) message = part.colon ? "parameter not set or null" : "parameter not set";
      throw ShError(where_, name + ": " + message);
    }
    case ShParamOp::RemoveSmallestPrefix:
    case ShParamOp::RemoveLargestPrefix:
    case ShParamOp::RemoveSmallestSuffix:
    case ShParamOp::RemoveLargestSuffix: {
      std::string pattern = expandPattern(part.word);
      ShPatternTicker ticker([this] { state_.budget().checkTime(where_); });
      out.add(shTrim(value.value_or(""), pattern, trimOf(part.op), &ticker), attr);
      return;
    }
    case ShParamOp::Bad:
      break;
  }
}

std::string ShExpander::toString(const Text& text) const {
  const std::size_t n = text.chars.size();
  // The value limit holds before anything is allocated: the reservation and
  // each run stop at it with the reader's file:line error, whatever length
  // the text reached, rather than ask for gigabytes first.
  const ShBudget& budget = state_.budget();
  const std::size_t limit = budget.limits().valueBytes;
  std::string out;
  out.reserve(std::min(n, limit));
  std::string separator;
  bool separatorKnown = false;
  // Characters go over in runs between marks, found with memchr: values
  // grow long (jail_list="${jail_list} x") and marks are rare.
  const char marks[] = {kContent, kBreak, kSoftBreak};
  std::size_t next[3];
  for (int k = 0; k < 3; ++k) next[k] = std::min(text.attrs.find(marks[k]), n);
  for (std::size_t i = 0; i < n;) {
    std::size_t mark = std::min({next[0], next[1], next[2]});
    budget.checkValue(out.size() + (mark - i), where_);
    out.append(text.chars, i, mark - i);
    if (mark == n) break;
    if (text.attrs[mark] != kContent) {
      if (!separatorKnown) {
        const std::string* v = state_.value("IFS");
        separator = v ? v->substr(0, 1) : " ";
        separatorKnown = true;
      }
      budget.checkValue(out.size() + separator.size(), where_);
      out += separator;
    }
    i = mark + 1;
    for (int k = 0; k < 3; ++k)
      if (next[k] == mark) next[k] = std::min(text.attrs.find(marks[k], i), n);
  }
  return out;
}

std::string ShExpander::toPattern(const Text& text, std::size_t begin, std::size_t end) {
  std::string out;
  out.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    char a = text.attrs[i];
    char c = text.chars[i];
    if (a == kContent) continue;
    if (a == kBreak || a == kSoftBreak) {
      out += ' ';
      continue;
    }
    if (a == kQuoted && !shPatternPlainChar(c)) out += '\\';
    out += c;
  }
  return out;
}

std::string ShExpander::expandString(const ShParts& parts, bool assignment) {
  if (parts.size() == 1 && parts[0].kind == ShWordPart::Kind::Literal) return parts[0].text;
  Text text;
  expandParts(parts, text, false, assignment);
  return toString(text);
}

std::string ShExpander::expandPattern(const ShParts& parts) {
  Text text;
  expandParts(parts, text, false, false);
  return toPattern(text, 0, text.chars.size());
}

void ShExpander::split(const Text& text, std::vector<Text>& fields) const {
  const std::string separators = ifs();
  auto isDelimiter = [&](std::size_t i) {
    char a = text.attrs[i];
    return a == kSoftBreak || (a == kExpanded && separators.find(text.chars[i]) != std::string::npos);
  };
  Text current;
  bool has = false;  // the current field exists (has characters or quotes)
  auto emit = [&] {
    fields.push_back(std::move(current));
    current = Text();
    has = false;
  };
  const std::size_t n = text.chars.size();
  std::size_t i = 0;
  while (i < n) {
    char a = text.attrs[i];
    if (a == kContent) {
      has = true;
      ++i;
      continue;
    }
    if (a == kBreak) {
      emit();
      ++i;
      continue;
    }
    if (isDelimiter(i)) {
      // A run of delimiters: IFS white space only ends a field that has
      // started; each other IFS character ends one, empty or not.
      std::size_t hard = 0;
      for (; i < n && isDelimiter(i); ++i) {
        if (text.attrs[i] != kSoftBreak && !isIfsWhite(text.chars[i])) ++hard;
      }
      if (hard == 0) {
        if (has) emit();
      } else {
        emit();
        for (std::size_t k = 1; k < hard; ++k) fields.emplace_back();
      }
      continue;
    }
    current.chars += text.chars[i];
    current.attrs += a;
    has = true;
    ++i;
  }
  if (has) emit();
}

void ShExpander::globInto(const Text& field, std::vector<std::string>& out) const {
  bool meta = false;
  for (std::size_t i = 0; i < field.chars.size() && !meta; ++i) {
    char c = field.chars[i];
    meta = field.attrs[i] != kQuoted && (c == '*' || c == '?' || c == '[');
  }
  if (globbing_ && meta) {
    const std::size_t maxPaths = state_.budget().limits().globPaths;
    std::vector<std::string> matches;
    try {
      matches = shGlob(root_, toPattern(field, 0, field.chars.size()), maxPaths);
    } catch (const ShGlobTooMany&) {
      state_.budget().globExceeded(where_);
    }
    if (!matches.empty()) {
      for (std::string& m : matches) out.push_back(std::move(m));
      return;
    }
  }
  out.push_back(field.chars);
}

std::vector<std::string> ShExpander::expandFields(const std::vector<ShWord>& words) {
  std::vector<std::string> out;
  std::vector<Text> fields;
  std::size_t total = 0;  // the fields of one command count as one value
  for (const ShWord& word : words) {
    if (word.parts.size() == 1 && word.parts[0].kind == ShWordPart::Kind::Literal &&
        (word.parts[0].quoted || word.parts[0].text.find_first_of("*?[") == std::string::npos)) {
      out.push_back(word.parts[0].text);
      continue;
    }
    Text text;
    expandParts(word.parts, text, false, false);
    fields.clear();
    split(text, fields);
    const std::size_t first = out.size();
    for (const Text& field : fields) globInto(field, out);
    for (std::size_t i = first; i < out.size(); ++i) total += out[i].size();
    state_.budget().checkValue(total, where_);
  }
  return out;
}

std::vector<std::string> ShExpander::splitUnquoted(std::string_view value) {
  Text text;
  text.add(value, kExpanded);
  std::vector<Text> fields;
  split(text, fields);
  std::vector<std::string> out;
  for (const Text& field : fields) globInto(field, out);
  return out;
}

}  // namespace rcjail
