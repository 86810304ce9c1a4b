// jls option parsing and formatting.
#include "jls_format.h"

#include <algorithm>
#include <cstdio>

#include "jail_kernel_params.h"
#include "option_scan.h"

namespace rcjail::compat {
namespace {

// printf("%-*.*s") for std::string.
std::string padded(const std::string& text, size_t width, size_t cut) {
  std::string out = text.substr(0, cut);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string rightAligned(const std::string& text, size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string joined(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values) text += (text.empty() ? "" : ",") + value;
  return text;
}

// "all": top-level parameters first, then the dotted ones, each sorted.
std::vector<std::string> allParams() {
  std::vector<std::string> names;
  for (const KernelParam& param : kernelParams()) names.emplace_back(param.name);
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    const bool aDotted = a.find('.') != std::string::npos;
    const bool bDotted = b.find('.') != std::string::npos;
    return aDotted != bDotted ? bDotted : a < b;
  });
  return names;
}

// The value as jls.c's quoted_print shows it: quotes only with -q, and an
// empty string as "" always.
std::string quotedValue(const std::string& value, bool quote) {
  if (value.empty()) return "\"\"";
  char qc = 0;
  if (value.find('\'') != std::string::npos)
    qc = '"';
  else if (value.find('"') != std::string::npos)
    qc = '\'';
  else if (value.find_first_of(" \t") != std::string::npos)
    qc = '"';
  if (!qc || !quote) return value;
  return qc + value + qc;
}

std::string noForm(const std::string& name) {
  const size_t dot = name.rfind('.');
  return dot == std::string::npos ? "no" + name : name.substr(0, dot + 1) + "no" + name.substr(dot + 1);
}

std::string formatParam(const JlsOptions& options, const JailRecord& jail, const std::string& name) {
  const KernelParam* param = findKernelParam(name);
  const std::vector<std::string> values = jail.values(name);
  const bool list = param && (param->type == ParamType::Ip4List || param->type == ParamType::Ip6List);
  if (param && param->type == ParamType::Boolean && options.nameValue)
    return values.size() == 1 && values.front() == "true" ? name : noForm(name);
  std::string text = options.nameValue ? name + "=" : std::string();
  if (list && values.empty()) {
    if (options.quoted) return text + "\"\"";
    return options.nameValue ? text : "-";
  }
  return text + quotedValue(list ? joined(values) : values.empty() ? std::string() : values.front(), options.quoted);
}

// -s leaves out what jail(8) cannot be given back: read-only parameters and
// those under a jailsys parameter that is not "new".
bool skipped(const JailRecord& jail, const std::string& name) {
  const KernelParam* param = findKernelParam(name);
  if (param && param->onLinux == OnLinux::ReadOnly) return true;
  const size_t dot = name.find('.');
  if (dot == std::string::npos) return false;
  const KernelParam* parent = findKernelParam(name.substr(0, dot));
  return parent && parent->type == ParamType::JailSys && jail.value(parent->name) != "new";
}

std::string defaultTable(const JlsOptions& options, const std::vector<JailRecord>& jails) {
  std::string out = options.jailName ? " JID             IP Address      Hostname                      Path\n"
                                     : "   JID  IP Address      Hostname                      Path\n";
  for (const JailRecord& jail : jails) {
    out += options.jailName ? " " + padded(jail.name(), 15, std::string::npos) + " "
                            : rightAligned(std::to_string(jail.jid), 6) + "  ";
    out += padded(jail.value("ip4.addr"), 15, 15) + " " + padded(jail.value("host.hostname"), 29, 29) + " " +
           jail.path().substr(0, 74) + "\n";
  }
  return out;
}

std::string verboseTable(const std::vector<JailRecord>& jails) {
  std::string out =
      "   JID  Hostname                      Path\n"
      "        Name                          State\n"
      "        CPUSetID\n"
      "        IP Address(es)\n";
  for (const JailRecord& jail : jails) {
    out += rightAligned(std::to_string(jail.jid), 6) + "  " + padded(jail.value("host.hostname"), 29, 29) + " " +
           jail.path().substr(0, 74) + "\n";
    out += "        " + padded(jail.name(), 29, 29) + " " + (jail.value("dying") == "true" ? "DYING" : "ACTIVE") +
           "\n";
    out += "        " + jail.value("cpuset.id") + "\n";
    for (const char* list : {"ip4.addr", "ip6.addr"})
      for (const std::string& address : jail.values(list)) out += "        " + address + "\n";
  }
  return out;
}

// One option letter; later ones override earlier ones as in jls.c.
void applyOption(const ScannedOption& option, JlsOptions& options) {
  switch (option.letter) {
    case 'a':
    case 'd': options.dying = true; break;
    case 'c': options.existsOnly = true; break;
    case 'j': options.jail = option.argument; break;
    case 'h': options.header = true; options.skip = options.verbose = false; break;
    case 'N': options.jailName = true; break;
    case 'n': options.nameValue = true; options.verbose = false; break;
    case 'q': options.quoted = true; break;
    case 's':
      options.nameValue = options.quoted = options.skip = true;
      options.header = options.verbose = false;
      break;
    case 'v':
      options.verbose = true;
      options.header = options.nameValue = options.skip = false;
      break;
    default: break;
  }
}

}  // namespace

std::variant<JlsOptions, JlsUsageError> parseJlsCommandLine(const std::vector<std::string>& args) {
  auto scanned = scanOptions(args, "adcj:hNnqsv");
  if (std::holds_alternative<OptionError>(scanned)) return JlsUsageError{};
  const ScannedCommandLine& words = std::get<ScannedCommandLine>(scanned);
  JlsOptions options;
  for (const ScannedOption& option : words.options) applyOption(option, options);
  options.params = words.operands;
  if (!options.params.empty()) options.verbose = false;
  return options;
}

bool jlsShowsHostNames(const JlsOptions& options) {
  return options.params.empty() ||
         std::ranges::any_of(options.params, [](const std::string& p) { return p.starts_with("host."); });
}

std::string formatJls(const JlsOptions& options, const std::vector<JailRecord>& jails, std::string& error) {
  if (options.existsOnly) return {};
  std::vector<std::string> params = options.params;
  if (params.empty()) {
    if (options.verbose) return verboseTable(jails);
    if (!options.header && !options.nameValue) return defaultTable(options, jails);
    params = allParams();
  }
  for (const std::string& name : params)
    if (!findKernelParam(name)) {
      error = "unknown parameter: " + name;
      return {};
    }
  std::string out;
  if (options.header) {
    for (size_t i = 0; i < params.size(); ++i) out += (i ? " " : "") + params[i];
    out += "\n";
  }
  for (const JailRecord& jail : jails) {
    std::string line;
    bool first = true;
    for (const std::string& name : params) {
      if (options.skip && skipped(jail, name)) continue;
      line += (first ? "" : " ") + formatParam(options, jail, name);
      first = false;
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace rcjail::compat
