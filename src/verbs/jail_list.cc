// The running state, the configuration errors and the one-line list.
#include "jail_list.h"

#include <algorithm>
#include <filesystem>

#include "host_features.h"
#include "text_fields.h"

namespace rcjail {

namespace {

// "FILE line N: message" (jail(8)'s form) -> "FILE:N: message".
std::string withFileLine(const std::string& message) {
  const size_t at = message.find(" line ");
  const size_t colon = at == std::string::npos ? std::string::npos : message.find(": ", at);
  if (colon == std::string::npos) return message;
  const std::string number = message.substr(at + 6, colon - at - 6);
  if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos) return message;
  return message.substr(0, at) + ":" + number + message.substr(colon);
}

std::vector<std::string> dropins(const FsRoot& root) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root.map("/etc/jail.conf.d"), ec))
    if (entry.path().extension() == ".conf") out.push_back("/etc/jail.conf.d/" + entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string column(const std::string& text) { return text.empty() ? "-" : text; }

}  // namespace

RunningJails runningJails(JailSystem& system, const Variables& vars, const Credentials& who) {
  std::vector<std::string> argv = splitFields(vars.get("jail_jls"));
  RunningJails out;
  if (argv.empty()) {
    out.unknown = "jail_jls is empty";
    return out;
  }
  argv.insert(argv.end(), {"jid", "name"});
  RunRequest request{argv};
  request.output = OutputMode::StdoutOnly;
  request.discardStderr = true;
  const RunResult r = system.run(request);
  if (r.status == 127 || r.status == 126) {
    out.unknown = argv[0] + (r.status == 127 ? " not found" : " cannot be run") + " (jail_jls)";
    return out;
  }
  if (!r.ok()) {
    out.unknown = argv[0] + " failed with status " + std::to_string(r.status);
    return out;
  }
  size_t pos = 0;
  while (pos < r.output.size()) {
    size_t nl = std::min(r.output.find('\n', pos), r.output.size());
    if (std::vector<std::string> words = splitFields(r.output.substr(pos, nl - pos)); words.size() >= 2)
      out.jids[words[1]] = words[0];
    pos = nl + 1;
  }
  if (who.euid != 0 && !who.adminCapability)
    out.unknown = "jls may not show every jail to uid " + std::to_string(who.euid);
  return out;
}

std::vector<std::string> configurationErrors(const Variables& vars, const FsRoot& root) {
  std::vector<std::string> files;
  const std::string conf = vars.get("jail_conf");
  const Variable* set = vars.find("jail_conf");
  if (!conf.empty() && (root.readable(conf) || (set && setInAFile(*set)))) files.push_back(conf);
  for (const std::string& f : dropins(root)) files.push_back(f);
  std::vector<std::string> out;
  for (const std::string& file : files) {
    if (!root.readable(file)) {
      out.push_back(file + ": cannot be read" + (file == conf && set ? " (jail_conf, " + set->where.str() + ")" : ""));
      continue;
    }
    try {
      parseJailConfFile(root, file);
    } catch (const JailConfError& e) {
      for (const std::string& m : e.messages()) out.push_back(withFileLine(m));
    }
  }
  return out;
}

std::vector<ConfiguredJail> jailsToReport(const Variables& vars, const VerbContext& ctx, const RunningJails& running) {
  const HostFeatures host = hostFeatures(ctx.system);
  std::vector<ConfiguredJail> jails = configuredJails(vars, {ctx.root, host.hasVimage, host.dadCount, host.jailConfGrammar});
  for (const auto& entry : running.jids) {
    const std::string& name = entry.first;  // clang 14 cannot capture a structured binding
    if (std::any_of(jails.begin(), jails.end(), [&](const ConfiguredJail& j) { return j.name == name; })) continue;
    ConfiguredJail adhoc;
    adhoc.name = name;
    adhoc.problem = "not configured";
    jails.push_back(std::move(adhoc));
  }
  return jails;
}

std::string jailState(const std::string& name, const RunningJails& running) {
  if (running.jids.count(name)) return "running";
  return running.unknown.empty() ? "stopped" : "unknown";
}

std::string formatList(const std::vector<ConfiguredJail>& jails, const RunningJails& running) {
  std::vector<std::vector<std::string>> rows{{"NAME", "STATE", "JID", "ADDRESSES", "PATH", "CONFIGURED"}};
  for (const ConfiguredJail& j : jails) {
    auto jid = running.jids.find(j.name);
    std::vector<std::string> addrs = j.block ? j.block->values("ip4.addr") : std::vector<std::string>{};
    if (j.block)
      for (const std::string& a : j.block->values("ip6.addr")) addrs.push_back(a);
    std::string addresses;
    for (const std::string& a : addrs) addresses += (addresses.empty() ? "" : ",") + a;
    const bool configured = j.settings.has_value() || !j.where.file.empty();
    rows.push_back({j.name, jailState(j.name, running), jid == running.jids.end() ? "-" : jid->second,
                    column(addresses), column(j.block ? j.block->last("path") : ""),
                    configured ? j.where.str() + (j.problem.empty() ? "" : " (" + j.problem + ")") : "(not configured)"});
  }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i)
      line += i + 1 == row.size() ? row[i] : row[i] + std::string(width[i] - row[i].size() + 2, ' ');
    out += line + "\n";
  }
  return out;
}

}  // namespace rcjail
