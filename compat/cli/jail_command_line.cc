// Option letters and the style decision of jail(8).
#include "jail_command_line.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <utility>

#include "option_scan.h"

namespace rcjail::compat {
namespace {

// jail.c's getopt string, in the newest form.
constexpr const char* kJailLetters = "cde:f:hiJ:lmn:p:qrRs:u:U:v";

void addValue(std::vector<JailConfParam>& params, const std::string& name, const std::string& value) {
  addCommandLineParam(params, name, &value);
}

void addFlag(std::vector<JailConfParam>& params, const std::string& name) {
  addCommandLineParam(params, name, nullptr);
}

// "a,b,c" as separate values of one parameter (ip4.addr= on the command line).
void addCommaList(std::vector<JailConfParam>& params, const std::string& name, const std::string& list) {
  size_t at = 0;
  for (;;) {
    const size_t comma = list.find(',', at);
    addValue(params, name, list.substr(at, comma == std::string::npos ? comma : comma - at));
    if (comma == std::string::npos) return;
    at = comma + 1;
  }
}

bool isIpv6(const std::string& text) {
  unsigned char address[16];
  return inet_pton(AF_INET6, text.c_str(), address) == 1;
}

void addWord(std::vector<JailConfParam>& params, const std::string& word) {
  const size_t equals = word.find('=');
  if (equals == std::string::npos) {
    addFlag(params, word);
    return;
  }
  const std::string name = word.substr(0, equals);
  const std::string value = word.substr(equals + 1);
  // The parameters jail(8) splits on commas when given as one word; the
  // exact spelling only, as it compares the text before `=`.
  static constexpr std::string_view kCommaLists[] = {"ip4.addr", "ip6.addr", "vnet.interface", "zfs.dataset"};
  if (std::find(std::begin(kCommaLists), std::end(kCommaLists), name) != std::end(kCommaLists))
    addCommaList(params, name, value);
  else
    addValue(params, name, value);
}

// What the option letters say, and two facts the style decision needs.
struct LetterResult {
  JailOptions options;
  bool useConfig = true;  // cleared by the options that describe one jail
  bool exhibit = false;   // -e
};

// One option, as jail.c's getopt loop applies it.
void applyOption(const ScannedOption& option, LetterResult& result) {
  JailOptions& options = result.options;
  const std::string& argument = option.argument;
  switch (option.letter) {
    case 'c': options.create = true; break;
    case 'm': options.modify = true; break;
    case 'r': options.remove = true; break;
    case 'R': options.remove = options.withoutConfig = true; break;
    case 'd': options.allowDying = true; break;
    case 'e': result.exhibit = true; options.separator = argument; break;
    case 'f': options.configFile = argument; break;
    case 'h': addFlag(options.params, "ip_hostname"); result.useConfig = false; break;
    case 'i': options.printJid = true; options.verbose = -1; break;
    case 'J': options.jidFile = argument; break;
    case 'l': addFlag(options.params, "exec.clean"); result.useConfig = false; break;
    case 'n': addValue(options.params, "name", argument); result.useConfig = false; break;
    case 'p': {
      const long limit = std::strtol(argument.c_str(), nullptr, 10);
      options.parallelLimit = limit == 0 ? -1 : static_cast<int>(limit);
      break;
    }
    case 'q': options.verbose = -1; break;
    case 's': addValue(options.params, "securelevel", argument); result.useConfig = false; break;
    case 'u':
      addValue(options.params, "exec.jail_user", argument);
      addFlag(options.params, "exec.system_jail_user");
      result.useConfig = false;
      break;
    case 'U':
      addValue(options.params, "exec.jail_user", argument);
      addValue(options.params, "exec.system_jail_user", "false");
      result.useConfig = false;
      break;
    case 'v': options.verbose = 1; break;
    default: break;
  }
}

// jail path hostname [ip[,...]] command ...: without -c, -m or -r.
std::variant<JailOptions, JailUsageError> legacyStyle(JailOptions options, const std::vector<std::string>& rest) {
  if (rest.size() < 4 || rest[0].empty() || rest[0][0] != '/') return JailUsageError{};
  options.style = JailStyle::Legacy;
  options.create = true;
  addValue(options.params, "path", rest[0]);
  addValue(options.params, "host.hostname", rest[1]);
  if (!rest[2].empty()) {
    size_t at = 0;
    for (;;) {
      const size_t comma = rest[2].find(',', at);
      const std::string address = rest[2].substr(at, comma == std::string::npos ? comma : comma - at);
      addValue(options.params, isIpv6(address) ? "ip6.addr" : "ip4.addr", address);
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
  }
  for (size_t i = 3; i < rest.size(); ++i) addValue(options.params, "command", rest[i]);
  return options;
}

// jail -r|-R jail ...: the jails by name, none of them a param=value word
// unless -R.
std::variant<JailOptions, JailUsageError> removeStyle(JailOptions options, bool useConfig,
                                                      const std::vector<std::string>& rest) {
  if (!useConfig || rest.empty()) return JailUsageError{};
  if (!options.withoutConfig)
    for (const std::string& word : rest)
      if (word.find('=') != std::string::npos) return JailUsageError{};
  options.style = JailStyle::Remove;
  options.targets = rest;
  return options;
}

// jail -c|-m param=value ... [command=command ...]: the words up to
// `command` are parameters, all after it the command.
std::variant<JailOptions, JailUsageError> commandLineStyle(JailOptions options, const std::vector<std::string>& rest) {
  if (options.withoutConfig) return JailUsageError{};
  options.style = JailStyle::CommandLine;
  for (size_t i = 0; i < rest.size(); ++i) {
    const std::string& word = rest[i];
    if (word == "command" || word.starts_with("command=")) {
      if (word.size() > 7) addValue(options.params, "command", word.substr(8));
      for (++i; i < rest.size(); ++i) addValue(options.params, "command", rest[i]);
      break;
    }
    addWord(options.params, word);
  }
  return options;
}

// The invocation style the options and operands make, as jail.c decides it.
std::variant<JailOptions, JailUsageError> chooseStyle(LetterResult result, const std::vector<std::string>& rest) {
  JailOptions& options = result.options;
  const bool anyOperation = options.create || options.modify || options.remove;
  if (result.exhibit) {
    if (anyOperation || !rest.empty()) return JailUsageError{};
    options.style = JailStyle::Exhibit;
    return options;
  }
  if (!anyOperation) return legacyStyle(std::move(options), rest);
  if (options.remove && !options.create && !options.modify)
    return removeStyle(std::move(options), result.useConfig, rest);
  if (rest.size() > 1 || (rest.size() == 1 && rest[0].find('=') != std::string::npos))
    return commandLineStyle(std::move(options), rest);
  if (options.withoutConfig || !result.useConfig) return JailUsageError{};
  options.style = JailStyle::Config;
  options.targets = rest;
  return options;
}

}  // namespace

void addCommandLineParam(std::vector<JailConfParam>& params, const std::string& name,
                         const std::string* value) {
  for (JailConfParam& param : params) {
    if (!jailConfEqualOpts(param.name, name)) continue;
    param.name = name;
    if (value) {
      param.values.push_back(*value);
      param.hasValue = true;
    }
    return;
  }
  JailConfParam param;
  param.name = name;
  if (value) {
    param.values.push_back(*value);
    param.hasValue = true;
  }
  params.push_back(std::move(param));
}

const char* jailUsageText() {
  return "usage: jail [-dhilqv] [-J jid_file] [-u username] [-U username]\n"
         "            -[cmr] param=value ... [command=command ...]\n"
         "       jail [-dqv] [-f file] -[cmr] [jail]\n"
         "       jail [-qv] [-f file] -[rR] ['*' | jail ...]\n"
         "       jail [-dhilqv] [-J jid_file] [-u username] [-U username]\n"
         "            [-n jailname] [-s securelevel]\n"
         "            path hostname [ip[,...]] command ...\n"
         "       jail [-f file] -e separator\n";
}

std::variant<JailOptions, JailUsageError> parseJailCommandLine(const std::vector<std::string>& args) {
  auto scanned = scanOptions(args, kJailLetters);
  if (const auto* error = std::get_if<OptionError>(&scanned)) return JailUsageError{error->message()};
  const ScannedCommandLine& words = std::get<ScannedCommandLine>(scanned);
  LetterResult result;
  for (const ScannedOption& option : words.options) applyOption(option, result);
  return chooseStyle(std::move(result), words.operands);
}

}  // namespace rcjail::compat
