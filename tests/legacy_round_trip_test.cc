// Property: what the legacy translation writes (default mode), read back by
// the jail.conf parser, gives exactly the values the administrator wrote,
// and no parameter they did not write.
#include <boost/test/unit_test.hpp>

#include <random>
#include <set>

#include "jail_conf.h"
#include "legacy_config_writer.h"
#include "rc_conf_reader.h"

using namespace rcjail;

namespace {

// Bytes an administrator may put in a value. `$` is only followed by
// characters that keep it literal for jail(8): fix A leaves `$` as is, so
// `$name` stays a jail.conf reference (tested separately below).
std::string randomValue(std::mt19937& rng, bool allowEmpty) {
  static const std::string pieces[] = {"a", "Z", "0", " ", "  ", "\"", "'", "\\", "\\\\", "$ ", "$;", "$$", ";",
                                       "#", "//", "/*", "*/", "{", "}", ",", "=", "+=", "\n", "\t", "|", "&",
                                       "echo 'hello world'", "/bin/sh -c \"x\"", "\\n", "\\\"", "é"};
  std::uniform_int_distribution<int> len(allowEmpty ? 0 : 1, 8);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1);
  std::string out;
  int n = len(rng);
  for (int i = 0; i < n; ++i) out += pieces[pick(rng)];
  if (out.empty() && !allowEmpty) out = "x";
  std::string safe;
  for (size_t i = 0; i < out.size(); ++i) {
    safe += out[i];
    if (out[i] != '$') continue;
    char next = i + 1 < out.size() ? out[i + 1] : ' ';
    if (next == '{' || next == '_' || isalpha(static_cast<unsigned char>(next))) safe += ' ';
  }
  return safe;
}

std::vector<std::string> valuesOf(const JailConfJail& jail, const std::string& name) {
  const JailConfParam* p = jail.find(name);
  return p ? p->values : std::vector<std::string>{};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(legacy_round_trip)

BOOST_AUTO_TEST_CASE(generated_values_read_back_exactly) {
  std::mt19937 rng(20261129);
  FsRoot root("/nonexistent-root");
  const std::set<std::string> allowed = {
      "host.hostname", "path", "interface", "ip4.addr", "allow.raw_sockets", "exec.clean", "exec.system_user",
      "exec.jail_user", "exec.prestart", "exec.poststart", "exec.prestop", "exec.poststop", "exec.start",
      "exec.stop", "exec.consolelog", "allow.set_hostname", "allow.sysvipc", "enforce_statfs", "osrelease",
      "exec.fib", "name"};
  for (int round = 0; round < 400; ++round) {
    Variables vars;
    addBuiltinDefaults(vars);
    std::string host = randomValue(rng, false), path = randomValue(rng, false);
    std::string start = randomValue(rng, false), stop = randomValue(rng, true);
    std::string pre0 = randomValue(rng, false), pre1 = randomValue(rng, false);
    std::string after0 = randomValue(rng, false), log = randomValue(rng, false);
    std::string release = randomValue(rng, false), fib = std::to_string(rng() % 16);
    vars.set("jail_r_hostname", host);
    vars.set("jail_r_rootdir", path);
    vars.set("jail_r_ip", "192.0.2.7");
    vars.set("jail_r_exec_start", start);
    vars.set("jail_r_exec_stop", stop);
    vars.set("jail_r_exec_prestart0", pre0);
    vars.set("jail_r_exec_prestart1", pre1);
    vars.set("jail_r_exec_afterstart0", after0);
    vars.set("jail_r_consolelog", log);
    vars.set("jail_r_osrelease", release);
    vars.set("jail_r_fib", fib);
    LegacyConfig config = writeLegacyConfig({vars, {"r", "r"}, Quirks::Fixed, root, "2026-11-29 00:00:00", {}});

    JailConf parsed;
    try {
      parsed = parseJailConfText(root, config.text, "/var/run/jail.r.conf");
    } catch (const JailConfError& e) {
      BOOST_FAIL("generated file does not parse: " + e.messages().front() + "\n" + config.text);
    }
    BOOST_REQUIRE_EQUAL(parsed.jails.size(), 1u);
    const JailConfJail& jail = parsed.jails[0];
    BOOST_TEST(jail.errors.empty());
    BOOST_TEST(valuesOf(jail, "host.hostname") == std::vector<std::string>{host});
    BOOST_TEST(valuesOf(jail, "path") == std::vector<std::string>{path});
    BOOST_TEST(valuesOf(jail, "exec.prestart") == (std::vector<std::string>{pre0, pre1}));
    BOOST_TEST(valuesOf(jail, "exec.start") == (std::vector<std::string>{start, after0}));
    BOOST_TEST(valuesOf(jail, "exec.stop") == std::vector<std::string>{stop});
    BOOST_TEST(valuesOf(jail, "exec.consolelog") == std::vector<std::string>{log});
    BOOST_TEST(valuesOf(jail, "osrelease") == std::vector<std::string>{release});
    BOOST_TEST(valuesOf(jail, "exec.fib") == std::vector<std::string>{fib});
    for (const JailConfParam& p : jail.params) BOOST_TEST(allowed.count(p.name), "unexpected parameter " << p.name);
  }
}

BOOST_AUTO_TEST_CASE(stock_mode_breaks_on_quotes_and_fixed_does_not) {
  FsRoot root("/nonexistent-root");
  Variables vars;
  addBuiltinDefaults(vars);
  vars.set("jail_q_hostname", "q");
  vars.set("jail_q_rootdir", "/j/q");
  vars.set("jail_q_ip", "192.0.2.7");
  vars.set("jail_q_exec_start", "/bin/sh -c \"echo 'hello world'\"");
  auto text = [&](Quirks q) { return writeLegacyConfig({vars, {"q", "q"}, q, root, "t", {}}).text; };
  BOOST_CHECK_THROW(parseJailConfText(root, text(Quirks::Stock), "stock.conf"), JailConfError);
  JailConf fixed = parseJailConfText(root, text(Quirks::Fixed), "fixed.conf");
  BOOST_TEST(valuesOf(fixed.jails[0], "exec.start") ==
             std::vector<std::string>{"/bin/sh -c \"echo 'hello world'\""});
}

BOOST_AUTO_TEST_CASE(dollar_name_stays_a_jail_conf_reference) {
  FsRoot root("/nonexistent-root");
  Variables vars;
  addBuiltinDefaults(vars);
  vars.set("jail_d_hostname", "d.example.org");
  vars.set("jail_d_rootdir", "/j/$name");
  vars.set("jail_d_ip", "192.0.2.7");
  JailConf parsed =
      parseJailConfText(root, writeLegacyConfig({vars, {"d", "d"}, Quirks::Fixed, root, "t", {}}).text, "d.conf");
  BOOST_TEST(valuesOf(parsed.jails[0], "path") == std::vector<std::string>{"/j/d"});
}

BOOST_AUTO_TEST_SUITE_END()
