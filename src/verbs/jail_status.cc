// The `status -a` report over the inventory of configured jails.
#include "jail_status.h"

#include <optional>

#include "host_features.h"
#include "jail_list.h"
#include "json_text.h"
#include "running_jail.h"
#include "text_fields.h"
#include "timestamp.h"

namespace rcjail {

namespace {

std::string joined(const std::vector<std::string>& words, const std::string& sep) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : sep) + w;
  return out;
}

std::string field(const std::optional<JailConfJail>& block, const char* name) {
  return block ? block->last(name) : "";
}

std::vector<std::string> addresses(const std::optional<JailConfJail>& block) {
  if (!block) return {};
  std::vector<std::string> out = block->values("ip4.addr");
  for (const std::string& a : block->values("ip6.addr")) out.push_back(a);
  return out;
}

std::string describeRecord(const std::optional<HistoryRecord>& r) {
  if (!r) return "-";
  return resultName(r->result) + " " + localTimestamp(r->time);
}

// Where a jail is configured; "" for a running jail nothing configures.
std::string configuredAt(const ConfiguredJail& j) {
  return j.settings || !j.where.file.empty() ? j.where.str() : "";
}

// The jid line of a jail jls does not show.
std::string notShown(const StatusOptions& options) {
  return options.unknown.empty() ? "- (not running)" : "? (unknown: " + options.unknown + ")";
}

Json jsonRecord(const std::optional<HistoryRecord>& r) {
  if (!r) return nullptr;
  return Json{{"time", static_cast<long long>(r->time)},
              {"result", resultName(r->result)},
              {"boot", r->boot},
              {"duration_ms", r->durationMs},
              {"output", r->output}};
}

// What jls (name and path) and /var/run say of each jail, where they do not fit.
std::map<std::string, std::string> stateNotes(const VerbContext& ctx, const std::vector<ConfiguredJail>& jails) {
  const std::map<std::string, RunningJail> running = listRunningJails(ctx.system, ctx.vars);
  std::map<std::string, std::string> notes;
  for (const ConfiguredJail& j : jails) {
    // A running jail that nothing configures is said to be so already.
    if (configuredAt(j).empty()) continue;
    auto it = running.find(j.name);
    std::optional<RunningJail> up = it == running.end() ? std::nullopt : std::optional<RunningJail>(it->second);
    std::string note = describeRunState(up, readJidFile(ctx.root, j.name), field(j.block, "path"), j.name);
    if (!note.empty()) notes[j.name] = note;
  }
  return notes;
}

}  // namespace

std::string formatStatus(const std::vector<ConfiguredJail>& jails, const std::map<std::string, std::string>& jids,
                         const std::vector<HistoryRecord>& history, const StatusOptions& options,
                         const std::map<std::string, std::string>& notes) {
  auto noteOf = [&notes](const std::string& name) {
    auto it = notes.find(name);
    return it == notes.end() ? std::string() : it->second;
  };
  std::string out;
  if (options.json) {
    Json list = Json::array();
    for (const ConfiguredJail& j : jails) {
      auto jid = jids.find(j.name);
      LastOutcomes last = lastOutcomes(history, j.name);
      // jls prints the jid as a number; keep it one in JSON, whatever else as text.
      Json jidValue = jid == jids.end() ? Json(nullptr) : Json(jid->second);
      if (jid != jids.end() && !jid->second.empty() && jid->second.size() < 10 &&
          jid->second.find_first_not_of("0123456789") == std::string::npos) jidValue = std::stoi(jid->second);
      list.push_back(Json{{"name", j.name},
                          {"jid", jidValue},
                          {"hostname", field(j.block, "host.hostname")},
                          {"addresses", addresses(j.block)},
                          {"path", field(j.block, "path")},
                          {"state_note", noteOf(j.name).empty() ? Json(nullptr) : Json(noteOf(j.name))},
                          {"state", jid != jids.end() ? "running" : options.unknown.empty() ? "stopped" : "unknown"},
                          {"configured", configuredAt(j).empty() ? Json(nullptr) : Json(configuredAt(j))},
                          {"listed", j.listed},
                          {"problem", j.problem},
                          {"errors", j.errors},
                          {"last_start", jsonRecord(last.start)},
                          {"last_stop", jsonRecord(last.stop)}});
    }
    return jsonText(list);
  }
  for (const ConfiguredJail& j : jails) {
    auto jid = jids.find(j.name);
    LastOutcomes last = lastOutcomes(history, j.name);
    std::vector<std::string> addrs = addresses(j.block);
    out += j.name + "\n";
    const std::string note = noteOf(j.name);
    std::string shown = jid != jids.end() ? jid->second + (note.empty() ? "" : " (" + note + ")")
                        : options.unknown.empty() ? "- (not running" + (note.empty() ? "" : "; " + note) + ")"
                                                  : notShown(options);
    out += "  jid:        " + shown + "\n";
    out += "  hostname:   " + (field(j.block, "host.hostname").empty() ? "-" : field(j.block, "host.hostname")) + "\n";
    out += "  addresses:  " + (addrs.empty() ? "-" : joined(addrs, " ")) + "\n";
    out += "  path:       " + (field(j.block, "path").empty() ? "-" : field(j.block, "path")) + "\n";
    out += "  configured: " + (configuredAt(j).empty() ? "-" : configuredAt(j)) + (j.listed ? " (jail_list)" : "") +
           (j.problem.empty() ? "" : " (" + j.problem + ")") + "\n";
    for (const std::string& e : j.errors) out += "  error:      " + e + " (jail(8) fails it)\n";
    out += "  last start: " + describeRecord(last.start) + "\n";
    out += "  last stop:  " + describeRecord(last.stop) + "\n";
  }
  return out;
}

int runStatusAll(const VerbContext& ctx, const std::vector<std::string>& args) {
  StatusOptions options;
  for (const std::string& a : args) {
    if (a == "--json") {
      options.json = true;
    } else if (a != "-a" && a != "--all") {
      ctx.console.printError("usage: rcjail status -a [--json]\n");
      return 1;
    }
  }
  const std::vector<std::string> errors = configurationErrors(ctx.vars, ctx.root);
  for (const std::string& e : errors) ctx.console.error(e);
  const RunningJails running = runningJails(ctx.system, ctx.vars, processCredentials());
  options.unknown = running.unknown;
  const std::vector<ConfiguredJail> jails = jailsToReport(ctx.vars, ctx, running);
  ctx.console.flush();
  ctx.console.print(formatStatus(jails, running.jids, readHistory(ctx.root), options, stateNotes(ctx, jails)));
  ctx.console.flush();
  return errors.empty() ? 0 : 1;
}

int runList(const VerbContext& ctx, const std::vector<std::string>& args) {
  bool json = false;
  for (const std::string& a : args) {
    if (a != "--json") {
      ctx.console.printError("usage: rcjail list [--json]\n");
      return 1;
    }
    json = true;
  }
  const std::vector<std::string> errors = configurationErrors(ctx.vars, ctx.root);
  for (const std::string& e : errors) ctx.console.error(e);
  const RunningJails running = runningJails(ctx.system, ctx.vars, processCredentials());
  const std::vector<ConfiguredJail> jails = jailsToReport(ctx.vars, ctx, running);
  ctx.console.flush();
  StatusOptions options;
  options.json = true;
  options.unknown = running.unknown;
  ctx.console.print(json ? formatStatus(jails, running.jids, readHistory(ctx.root), options) : formatList(jails, running));
  if (!json && !running.unknown.empty()) ctx.console.printError("rcjail list: state unknown: " + running.unknown + "\n");
  ctx.console.flush();
  return errors.empty() ? 0 : 1;
}

}  // namespace rcjail
