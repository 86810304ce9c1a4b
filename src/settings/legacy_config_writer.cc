// The legacy translation as data: one row per generated line or group of
// lines, in the order stock writes them, read by one loop. The row kinds are
// the modes of rc.d/jail's extract_var plus the handful of lines it writes by
// hand.
#include "legacy_config_writer.h"

#include <glob.h>

#include "address_list.h"
#include "jail_names.h"
#include "text_fields.h"

namespace rcjail {

namespace {

enum class Kind {
  Value,       // param = "v";            per-jail, else global, else default
  YesNo,       // param = 1|0;            boolean, yes gives 1
  NoYes,       // param = 0|1;            boolean, yes gives 0
  Numbered,    // param += "v";           suffix0, suffix1, ... (index rule below)
  Words,       // param = "w1", "w2";     the value split into words
  Flag,        // param;                  when the boolean (default NO) is yes
  Line,        // the literal text of `param`
  Addresses,   // ip4.addr / ip6.addr lines
  DadWait,     // exec.start += "sleep  N ";
  ExecStart,   // exec.start += "<start>";
  ExecStop,    // exec.stop = "<stop>";
  Fstab,       // mount.fstab = "<fstab>"; when readable
  DevfsRules,  // devfs_ruleset = "<n>"; after mount.devfs
  Parameters,  // free-form jail_<n>_parameters words
};

enum class When { Always, WithAddress, WithoutAddress };

struct Row {
  Kind kind;
  const char* suffix;  // rc.conf suffix after jail_<name>_ / jail_
  const char* param;   // jail.conf parameter (or literal line for Kind::Line)
  const char* fallback;// default when neither variable is set ("%s" = jail name)
  When when = When::Always;
};

const Row kRows[] = {
    {Kind::Value, "hostname", "host.hostname", ""},
    {Kind::Value, "rootdir", "path", ""},
    {Kind::Value, "interface", "interface", "", When::WithAddress},
    {Kind::Addresses, "ip", "", "", When::WithAddress},
    {Kind::DadWait, "", "exec.start", "", When::WithAddress},
    {Kind::Value, "fib", "exec.fib", "", When::WithAddress},
    {Kind::NoYes, "socket_unixiproute_only", "allow.raw_sockets", "YES", When::WithAddress},
    {Kind::Line, "", "vnet;", "", When::WithoutAddress},
    {Kind::Words, "vnet_interface", "vnet.interface", "", When::WithoutAddress},
    {Kind::Line, "", "exec.clean;", ""},
    {Kind::Line, "", "exec.system_user = \"root\";", ""},
    {Kind::Line, "", "exec.jail_user = \"root\";", ""},
    {Kind::Numbered, "exec_prestart", "exec.prestart", ""},
    {Kind::Numbered, "exec_poststart", "exec.poststart", ""},
    {Kind::Numbered, "exec_prestop", "exec.prestop", ""},
    {Kind::Numbered, "exec_poststop", "exec.poststop", ""},
    {Kind::ExecStart, "exec_start", "exec.start", ""},
    {Kind::Numbered, "exec_afterstart", "exec.start", ""},
    {Kind::ExecStop, "exec_stop", "exec.stop", ""},
    {Kind::Value, "consolelog", "exec.consolelog", "/var/log/jail_%s_console.log"},
    {Kind::Fstab, "fstab", "mount.fstab", "/etc/fstab.%s"},
    {Kind::Flag, "devfs_enable", "mount.devfs", "NO"},
    {Kind::DevfsRules, "devfs_ruleset", "devfs_ruleset", ""},
    {Kind::Flag, "fdescfs_enable", "mount.fdescfs", "NO"},
    {Kind::Flag, "procfs_enable", "mount.procfs", "NO"},
    {Kind::Flag, "mount_enable", "allow.mount", "NO"},
    {Kind::YesNo, "set_hostname_allow", "allow.set_hostname", "NO"},
    {Kind::YesNo, "sysvipc_allow", "allow.sysvipc", "NO"},
    {Kind::Value, "enforce_statfs", "enforce_statfs", "2"},
    {Kind::Value, "osreldate", "osreldate", ""},
    {Kind::Value, "osrelease", "osrelease", ""},
    {Kind::Parameters, "parameters", "", ""},
};

std::string withJailName(const char* pattern, const std::string& jail) {
  std::string out(pattern);
  if (auto at = out.find("%s"); at != std::string::npos) out.replace(at, 2, jail);
  return out;
}

// Pathname expansion of one unquoted word, as the stock `for _p in $_parameters` does.
std::vector<std::string> globWord(const std::string& word) {
  if (word.find_first_of("*?[") == std::string::npos) return {word};
  glob_t g{};
  std::vector<std::string> out;
  if (glob(word.c_str(), GLOB_NOCHECK, nullptr, &g) == 0)
    for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  else
    out.push_back(word);
  globfree(&g);
  return out;
}

class Writer {
 public:
  explicit Writer(const LegacyConfigInputs& in) : in_(in) {}

  LegacyConfig run() {
    const std::string& x = in_.jail.name;
    hasAddress_ = !perJail("ip").empty();
    out_.text = std::string(kGeneratedConfigHeader) + in_.timestamp + "\n" + x + " {\n";
    for (const Row& row : kRows) {
      if (row.when == When::WithAddress && !hasAddress_) continue;
      if (row.when == When::WithoutAddress && hasAddress_) continue;
      emit(row);
    }
    out_.text += "}\n";
    return std::move(out_);
  }

 private:
  const std::string& perJail(const std::string& suffix) const {
    return in_.vars.get(jailVariable(in_.jail.varName, suffix));
  }
  // ${jail_<jv>_<suffix>:-${jail_<suffix>:-default}}
  std::string merged(const std::string& suffix, const std::string& fallback) const {
    const std::string& own = perJail(suffix);
    if (!own.empty()) return own;
    const std::string& global = in_.vars.get("jail_" + suffix);
    return global.empty() ? fallback : global;
  }
  std::string quoted(const std::string& value) const {
    if (in_.quirks == Quirks::Stock) return "\"" + value + "\"";
    std::string out = "\"";
    for (char c : value) {
      if (c == '\\' || c == '"') out += '\\';
      out += c;
    }
    return out + "\"";
  }
  void line(const std::string& text) { out_.text += "\t" + text + "\n"; }
  bool yes(const Row& row) {
    return checkYesNo(jailVariable(in_.jail.varName, row.suffix),
                      merged(row.suffix, withJailName(row.fallback, in_.jail.name)),
                      out_.messages);
  }
  void warn(std::string text) { out_.messages.push_back({MessageLevel::Warning, std::move(text)}); }

  void emit(const Row& row) {
    const std::string param = row.param;
    switch (row.kind) {
      case Kind::Value: {
        std::string v = merged(row.suffix, withJailName(row.fallback, in_.jail.name));
        if (!v.empty()) line(param + " = " + quoted(v) + ";");
        break;
      }
      case Kind::YesNo:
        line(param + (yes(row) ? " = 1;" : " = 0;"));
        break;
      case Kind::NoYes:
        line(param + (yes(row) ? " = 0;" : " = 1;"));
        break;
      case Kind::Numbered:
        emitNumbered(row);
        break;
      case Kind::Words:
        emitWords(row);
        break;
      case Kind::Flag: {
        bool on = yes(row);
        if (on) line(param + ";");
        if (param == "mount.devfs") devfs_ = on;
        break;
      }
      case Kind::Line:
        line(param);
        break;
      case Kind::Addresses:
        emitAddresses();
        break;
      case Kind::DadWait:
        if (addresses_.hasInet6()) {
          int count = in_.dadCount ? in_.dadCount() : 1;
          line(param + " += \"sleep  " + std::to_string(count + 1) + " \";");
        }
        break;
      case Kind::ExecStart:
        line(param + " += " + quoted(legacyExecCommands(in_.vars, in_.jail.varName).start) + ";");
        break;
      case Kind::ExecStop:
        line(param + " = " + quoted(legacyExecCommands(in_.vars, in_.jail.varName).stop) + ";");
        break;
      case Kind::Fstab: {
        std::string fstab = merged(row.suffix, withJailName(row.fallback, in_.jail.name));
        if (in_.root.readable(fstab)) line(param + " = " + quoted(fstab) + ";");
        break;
      }
      case Kind::DevfsRules:
        if (devfs_) emitDevfsRuleset(merged(row.suffix, ""));
        break;
      case Kind::Parameters:
        emitParameters(merged(row.suffix, ""));
        break;
    }
  }

  // SUFFIX0, SUFFIX1, ...: one `+=` a value.
  void emitNumbered(const Row& row) {
    for (int i = 0;; ++i) {
      std::string v = merged(row.suffix + std::to_string(i), "");
      if (!v.empty())
        line(std::string(row.param) + " += " + quoted(v) + ";");
      else if (i != 0)
        break;  // an empty index 0 is skipped; any later gap ends the list
    }
  }

  // A word list: one quoted value a word, comma-separated.
  void emitWords(const Row& row) {
    std::vector<std::string> words = splitFields(merged(row.suffix, ""));
    if (words.empty()) return;
    std::string text = std::string(row.param) + " = ";
    for (size_t i = 0; i < words.size(); ++i)
      text += (i ? ", " : "") + quoted(words[i]);
    line(text + ";");
  }

  void emitAddresses() {
    std::string interface = merged("interface", "");
    addAddressOption(perJail("ip"), interface, in_.quirks, addresses_);
    for (int i = 0;; ++i) {
      const std::string& multi = perJail("ip_multi" + std::to_string(i));
      if (multi.empty()) break;
      addAddressOption(multi, interface, in_.quirks, addresses_);
    }
    for (const std::string& w : addresses_.warnings) warn(w);
    for (const JailAddress& a : addresses_.addresses)
      line(std::string(a.inet6 ? "ip6.addr" : "ip4.addr") + " += " + quoted(a.value) + ";");
  }

  void emitDevfsRuleset(const std::string& ruleset) {
    if (ruleset.empty() || ruleset == "devfsrules_jail") return;
    if (ruleset[0] >= '0' && ruleset[0] <= '9')
      line("devfs_ruleset = " + quoted(ruleset) + ";");
    else
      warn("devfs_ruleset must be an integer.");
  }

  void emitParameters(const std::string& parameters) {
    for (const std::string& word : splitFields(parameters)) {
      std::vector<std::string> expanded =
          in_.quirks == Quirks::Stock ? globWord(word) : std::vector<std::string>{word};
      for (std::string p : expanded) {
        if (!p.empty() && p.back() == ';') p.pop_back();
        line(p + ";");
      }
    }
  }

  const LegacyConfigInputs& in_;
  LegacyConfig out_;
  AddressList addresses_;
  bool hasAddress_ = false;
  bool devfs_ = false;  // mount.devfs was written: the ruleset row applies
};

}  // namespace

ExecPair legacyExecCommands(const Variables& vars, const std::string& varName) {
  const std::string& exec = vars.get(jailVariable(varName, "exec"));
  if (!exec.empty()) return {exec, ""};
  ExecPair pair{vars.get(jailVariable(varName, "exec_start")), vars.get(jailVariable(varName, "exec_stop"))};
  if (pair.start.empty()) {
    pair.start = "/bin/sh /etc/rc";
    if (pair.stop.empty()) pair.stop = "/bin/sh /etc/rc.shutdown jail";
  }
  return pair;
}

const std::vector<std::string>& legacySuffixes() {
  static const std::vector<std::string> suffixes = [] {
    std::vector<std::string> out;
    for (const Row& row : kRows)
      if (row.suffix[0]) out.emplace_back(row.suffix);
    for (const char* extra : {"ip_multi", "exec", "conf", "flags", "program", "consolecmd"})
      out.emplace_back(extra);
    return out;
  }();
  return suffixes;
}

LegacyConfig writeLegacyConfig(const LegacyConfigInputs& in) { return Writer(in).run(); }

}  // namespace rcjail
