// The registry's text format for one jail.
#include "jail_record.h"

#include <cstdlib>

#include "jail_kernel_params.h"
#include "text_fields.h"

namespace rcjail::compat {
namespace {

std::optional<unsigned long long> parseUnsigned(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  unsigned long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned long long>(c - '0');
  }
  return value;
}

}  // namespace

std::vector<std::string> JailRecord::values(std::string_view name) const {
  if (name == "jid") return {std::to_string(jid)};
  if (name == "parent") return {std::to_string(seenParentJid)};
  for (const RecordedParam& param : params)
    if (param.name == name) {
      if (name == "name" && !namePrefix.empty() && !param.values.empty()) return {namePrefix + param.values.front()};
      return param.values;
    }
  return {};
}

std::string JailRecord::ownName() const {
  for (const RecordedParam& param : params)
    if (param.name == "name" && !param.values.empty() && !param.values.front().empty()) return param.values.front();
  return std::to_string(jid);
}

std::string JailRecord::value(std::string_view name) const {
  std::vector<std::string> all = values(name);
  return all.empty() ? std::string() : all.front();
}

bool JailRecord::has(std::string_view name) const {
  if (name == "jid" || name == "parent") return true;
  for (const RecordedParam& param : params)
    if (param.name == name) return true;
  return false;
}

void JailRecord::set(std::string_view name, std::vector<std::string> values) {
  for (RecordedParam& param : params)
    if (param.name == name) {
      param.values = std::move(values);
      return;
    }
  params.push_back({std::string(name), std::move(values)});
}

std::string formatJailRecord(const JailRecord& record) {
  std::string text = "jid\t" + std::to_string(record.jid) + "\n";
  text += "init\t" + std::to_string(record.initPid) + "\t" + std::to_string(record.initStartTime) + "\n";
  const auto namespaceLine = [](const char* key, const NamespaceId& ns) {
    return std::string(key) + "\t" + std::to_string(ns.device) + "\t" + std::to_string(ns.inode) + "\n";
  };
  text += namespaceLine("pidns", record.jailNamespace);
  text += namespaceLine("owner", record.ownerNamespace);
  text += "parent\t" + std::to_string(record.parentJid) + "\n";
  for (const RecordedParam& param : record.params) {
    text += "param\t";
    text += escapeField(param.name, kTabFieldEscapes);
    for (const std::string& value : param.values) {
      text += '\t';
      text += escapeField(value, kTabFieldEscapes);
    }
    text += '\n';
  }
  if (!record.vnetInterfaces.empty()) {
    text += "vnetif";
    for (const std::string& interface : record.vnetInterfaces) text += "\t" + escapeField(interface, kTabFieldEscapes);
    text += "\n";
  }
  return text;
}

std::optional<JailRecord> parseJailRecord(std::string_view text) {
  JailRecord record;
  bool sawJid = false;
  bool sawInit = false;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::vector<std::string_view> fields = splitAt(text.substr(at, end - at), '\t');
    at = end + 1;
    if (fields.size() == 1 && fields[0].empty()) continue;
    if (fields[0] == "jid" && fields.size() == 2) {
      std::optional<long> jid = parseInteger(fields[1]);
      if (!jid || *jid <= 0) return std::nullopt;
      record.jid = static_cast<int>(*jid);
      sawJid = true;
    } else if (fields[0] == "init" && fields.size() == 3) {
      std::optional<long> pid = parseInteger(fields[1]);
      if (!pid || *pid <= 0) return std::nullopt;
      record.initPid = static_cast<pid_t>(*pid);
      record.initStartTime = std::strtoull(std::string(fields[2]).c_str(), nullptr, 10);
      sawInit = true;
    } else if ((fields[0] == "pidns" || fields[0] == "owner") && fields.size() == 3) {
      NamespaceId& ns = fields[0] == "pidns" ? record.jailNamespace : record.ownerNamespace;
      std::optional<unsigned long long> device = parseUnsigned(fields[1]);
      std::optional<unsigned long long> inode = parseUnsigned(fields[2]);
      if (!device || !inode) return std::nullopt;
      ns = {*device, *inode};
    } else if (fields[0] == "parent" && fields.size() == 2) {
      std::optional<long> parent = parseInteger(fields[1]);
      if (!parent || *parent < 0) return std::nullopt;
      record.parentJid = static_cast<int>(*parent);
    } else if (fields[0] == "param" && fields.size() >= 2) {
      RecordedParam param;
      std::optional<std::string> name = unescapeField(fields[1], kTabFieldEscapes);
      if (!name) return std::nullopt;
      param.name = *name;
      for (size_t i = 2; i < fields.size(); ++i) {
        std::optional<std::string> value = unescapeField(fields[i], kTabFieldEscapes);
        if (!value) return std::nullopt;
        param.values.push_back(*value);
      }
      record.params.push_back(std::move(param));
    } else if (fields[0] == "vnetif" && fields.size() >= 2) {
      for (size_t i = 1; i < fields.size(); ++i) {
        std::optional<std::string> interface = unescapeField(fields[i], kTabFieldEscapes);
        if (!interface) return std::nullopt;
        record.vnetInterfaces.push_back(*interface);
      }
    } else {
      return std::nullopt;
    }
  }
  if (!sawJid || !sawInit) return std::nullopt;
  return record;
}

}  // namespace rcjail::compat
