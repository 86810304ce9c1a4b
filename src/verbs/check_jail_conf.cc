// check's jail.conf rules: every file a start may read must parse (the
// messages are jail(8)'s own), every `depend` must name a jail of the same
// file and form no cycle, and no file of /etc/jail.conf.d may sit there unread.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "check_rules.h"
#include "jail_names.h"
#include "text_fields.h"

namespace rcjail {

namespace {

std::vector<std::string> dropinFiles(const FsRoot& root) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root.map("/etc/jail.conf.d"), ec))
    if (entry.is_regular_file(ec)) out.push_back("/etc/jail.conf.d/" + entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// "FILE line N: message" -> the location and the message alone.
Finding fromJailMessage(const std::string& text, const Location& fallback) {
  auto at = text.find(" line ");
  if (at != std::string::npos) {
    size_t colon = text.find(": ", at);
    std::string number = colon == std::string::npos ? "" : text.substr(at + 6, colon - at - 6);
    if (!number.empty() && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return {Severity::Error, {text.substr(0, at), std::stoi(number)}, "", text.substr(colon + 2), ""};
  }
  return {Severity::Error, fallback, "", text, ""};
}

void checkDepends(const JailConf& conf, const std::string& file, std::vector<Finding>& out) {
  std::map<std::string, const JailConfJail*> byName;
  for (const JailConfJail& j : conf.jails) byName.emplace(j.name, &j);
  for (const JailConfJail& j : conf.jails) {
    const JailConfParam* depend = j.find("depend");
    for (const std::string& target : j.values("depend"))
      if (!byName.count(target))
        out.push_back({Severity::Error, depend ? depend->where : j.where, j.name,
                       "depend: jail \"" + target + "\" is not defined in " + file, ""});
  }
  // Depth-first search; a back edge is a cycle, reported once from where it closes.
  std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
  std::vector<std::string> path;
  std::set<std::string> reported;
  std::function<void(const JailConfJail&)> visit = [&](const JailConfJail& j) {
    state[j.name] = 1;
    path.push_back(j.name);
    for (const std::string& target : j.values("depend")) {
      auto it = byName.find(target);
      if (it == byName.end()) continue;
      if (state[target] == 1) {
        auto start = std::find(path.begin(), path.end(), target);
        std::string cycle;
        std::vector<std::string> members(start, path.end());
        for (const std::string& n : members) cycle += n + " -> ";
        std::vector<std::string> key = members;
        std::sort(key.begin(), key.end());
        std::string keyText;
        for (const std::string& k : key) keyText += k + " ";
        if (reported.insert(keyText).second) {
          const JailConfParam* depend = j.find("depend");
          out.push_back({Severity::Error, depend ? depend->where : j.where, j.name, "depend cycle: " + cycle + target, ""});
        }
      } else if (state[target] == 0) {
        visit(*it->second);
      }
    }
    path.pop_back();
    state[j.name] = 2;
  };
  for (const JailConfJail& j : conf.jails)
    if (state[j.name] == 0) visit(j);
}

void checkFile(const CheckInputs& in, const std::string& file, const std::set<std::string>& wanted,
               std::vector<Finding>& out) {
  JailConf conf;
  try {
    conf = parseJailConfFile(in.env.root, file, in.env.jailConfGrammar);
  } catch (const JailConfError& e) {
    for (const std::string& m : e.messages()) {
      out.push_back(fromJailMessage(m, e.where()));
      placeMissingSemicolon(in.env.root, out.back());
    }
    return;
  }
  for (const JailConfJail& j : conf.jails) {
    if (!wanted.empty() && !wanted.count(j.name)) continue;
    for (std::size_t i = 0; i < j.errors.size(); ++i)
      out.push_back({Severity::Error, j.errorLocations[i], j.name, j.errors[i], ""});
    for (const std::string& e : checkJailConfInternalValues(j)) {
      const JailConfParam* p = j.find(e.substr(0, e.find(':')));
      out.push_back({Severity::Error, p ? p->where : j.where, j.name, e, ""});
    }
  }
  checkDepends(conf, file, out);
  checkBlocks(conf, out);
}

void checkUnreadDropins(const CheckInputs& in, std::vector<Finding>& out) {
  const std::string& jailConf = in.vars.get("jail_conf");
  const bool included = includesJailConfDir(in.env.root, jailConf);
  const bool haveList = !splitFields(in.vars.get("jail_list")).empty();
  for (const std::string& file : dropinFiles(in.env.root)) {
    std::string base = file.substr(file.rfind('/') + 1);
    if (base.size() < 6 || base.compare(base.size() - 5, 5, ".conf") != 0) {
      out.push_back({Severity::Warning, {file, 0}, "", "never read: only files ending in .conf are read from /etc/jail.conf.d/", ""});
      continue;
    }
    if (included) continue;
    std::string name = base.substr(0, base.size() - 5);
    auto reader = std::find_if(in.all.begin(), in.all.end(), [&](const ConfiguredJail& j) {
      return j.listed && j.settings && j.settings->configFile == file;
    });
    if (reader != in.all.end()) continue;
    std::string why;
    if (!haveList)
      why = "jail_list is empty, so a start reads " + jailConf + " only, and it does not include /etc/jail.conf.d/";
    else if (std::none_of(in.all.begin(), in.all.end(), [&](const ConfiguredJail& j) { return j.listed && j.name == name; }))
      why = name + " is not in jail_list and " + jailConf + " does not include /etc/jail.conf.d/";
    else
      why = "jail " + name + " reads another file";
    out.push_back({Severity::Warning, {file, 0}, "", "never read: " + why, ""});
  }
}

}  // namespace

void checkJailConf(const CheckInputs& in, std::vector<Finding>& out) {
  std::set<std::string> files;
  std::set<std::string> wanted;
  for (const ConfiguredJail& j : in.jails) wanted.insert(j.name);
  const bool everything = in.jails.size() == in.all.size();
  const std::string& jailConf = in.vars.get("jail_conf");
  if (everything && in.env.root.readable(jailConf)) files.insert(jailConf);
  if (everything)
    for (const std::string& f : dropinFiles(in.env.root))
      if (f.size() > 5 && f.compare(f.size() - 5, 5, ".conf") == 0) files.insert(f);
  for (const ConfiguredJail& j : in.jails)
    if (j.settings && !j.settings->rcConfStyle() && in.env.root.readable(j.settings->configFile))
      files.insert(j.settings->configFile);
  for (const std::string& f : files) checkFile(in, f, everything ? std::set<std::string>{} : wanted, out);
  if (everything) checkUnreadDropins(in, out);
}

}  // namespace rcjail
