// A jail's parameters sorted into what the Linux jail(8) does, the kernel
// parameter table's value rules, and the registry record and -J lines.
#include <boost/test/unit_test.hpp>

#include "fs_root.h"
#include "jail_kernel_params.h"
#include "jail_spec.h"

using namespace rcjail;
using namespace rcjail::compat;

namespace {

JailSpec specOf(const std::string& conf, const std::string& name) {
  JailConf parsed = parseJailConfText(FsRoot("/"), conf, "test.conf");
  const JailConfJail* jail = parsed.find(name);
  BOOST_REQUIRE(jail);
  return buildJailSpec(*jail, true);
}

std::string valuesOf(const std::vector<RecordedParam>& params, const std::string& name) {
  for (const RecordedParam& p : params)
    if (p.name == name) {
      std::string text;
      for (const std::string& v : p.values) text += (text.empty() ? "" : ",") + v;
      return text;
    }
  return "<absent>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_spec)

BOOST_AUTO_TEST_CASE(rc_d_generated_file) {
  JailSpec spec = specOf(R"(www {
    host.hostname = "www.example.org";
    path = "/usr/jail/www";
    interface = "em0";
    ip4.addr += "192.0.2.10/32";
    ip4.addr += "em1|192.0.2.11 netmask 255.255.255.0";
    ip6.addr += "2001:db8::10";
    allow.raw_sockets = 0;
    exec.clean;
    exec.system_user = "root";
    exec.jail_user = "root";
    exec.start += "/bin/sh /etc/rc";
    exec.stop = "/bin/sh /etc/rc.shutdown";
    exec.consolelog = "/var/log/jail_www_console.log";
    mount.devfs;
    devfs_ruleset = "5";
    mount.procfs;
    allow.set_hostname = 0;
    enforce_statfs = "2";
  })",
                         "www");
  BOOST_TEST(spec.errors.empty());
  BOOST_TEST(spec.configName == "www");
  BOOST_TEST(spec.name == "www");
  BOOST_TEST(spec.path == "/usr/jail/www");
  BOOST_TEST(spec.execClean);
  BOOST_TEST(spec.jailUser == "root");
  BOOST_TEST(spec.systemUser == "root");
  BOOST_TEST(spec.hook(Hook::Start) == std::vector<std::string>{"/bin/sh /etc/rc"});
  BOOST_TEST(spec.hook(Hook::Stop) == std::vector<std::string>{"/bin/sh /etc/rc.shutdown"});
  BOOST_TEST(spec.consoleLog == "/var/log/jail_www_console.log");
  BOOST_TEST(spec.mountDevfs);
  BOOST_TEST(spec.mountProcfs);
  BOOST_TEST(!spec.mountFdescfs);
  BOOST_TEST(spec.devfsRuleset == "5");
  BOOST_REQUIRE(spec.ip4Aliases.size() == 2u);
  BOOST_TEST(spec.ip4Aliases[0].interface == "em0");
  BOOST_TEST(spec.ip4Aliases[0].prefixLength == 32);
  BOOST_TEST(spec.ip4Aliases[1].interface == "em1");
  BOOST_TEST(spec.ip4Aliases[1].address == "192.0.2.11");
  BOOST_TEST(spec.ip4Aliases[1].prefixLength == 24);
  BOOST_REQUIRE(spec.ip6Aliases.size() == 1u);
  BOOST_TEST(spec.ip6Aliases[0].prefixLength == 128);
  BOOST_TEST(valuesOf(spec.kernelParams, "ip4.addr") == "192.0.2.10,192.0.2.11");
  BOOST_TEST(valuesOf(spec.kernelParams, "ip6.addr") == "2001:db8::10");
  BOOST_TEST(valuesOf(spec.kernelParams, "allow.raw_sockets") == "false");
  BOOST_TEST(valuesOf(spec.kernelParams, "enforce_statfs") == "2");
  BOOST_TEST(valuesOf(spec.kernelParams, "exec.clean") == "<absent>");
}

BOOST_AUTO_TEST_CASE(addresses_without_an_interface_get_no_alias) {
  JailSpec spec = specOf("j { ip4.addr = 192.0.2.1, 192.0.2.2/24; }", "j");
  BOOST_TEST(spec.ip4Aliases.empty());
  BOOST_TEST(valuesOf(spec.kernelParams, "ip4.addr") == "192.0.2.1,192.0.2.2");
}

BOOST_AUTO_TEST_CASE(address_errors) {
  BOOST_TEST(specOf("j { ip4.addr = 300.1.1.1; }", "j").errors ==
             std::vector<std::string>{"ip4.addr: not an IPv4 address: 300.1.1.1"});
  BOOST_TEST(specOf("j { ip6.addr = nope; }", "j").errors ==
             std::vector<std::string>{"ip6.addr: not an IPv6 address: nope"});
  BOOST_TEST(specOf("j { ip4.addr = \"em0|192.0.2.1/33\"; }", "j").errors ==
             std::vector<std::string>{"ip4.addr: em0|192.0.2.1/33: bad netmask"});
  BOOST_TEST(specOf("j { ip4.addr = \"em0|192.0.2.1 vhid 1\"; }", "j").errors.size() == 1u);
}

// An entry with no address in it once the interface, the netmask and the
// ifconfig words are taken off. jail(8) -e lists it as written; the kernel
// would get an empty address (none added), and an interface would get none.
BOOST_AUTO_TEST_CASE(entries_without_an_address) {
  JailSpec blanks = specOf("a { ip4.addr = \" \"; }", "a");
  BOOST_TEST(blanks.errors.empty());
  BOOST_TEST(valuesOf(blanks.kernelParams, "ip4.addr") == "");
  BOOST_TEST(blanks.ip4Aliases.empty());
  BOOST_TEST(describeForJidFile(blanks, 0, "|") == "name=a|ip4.addr=\" \"");
  JailSpec bar = specOf("a { ip4.addr = \"em0| \", 192.0.2.1; }", "a");
  BOOST_TEST(bar.errors == std::vector<std::string>{"ip4.addr: em0| : no address"});
  BOOST_TEST(valuesOf(bar.kernelParams, "ip4.addr") == "192.0.2.1");
  BOOST_TEST(describeForJidFile(bar, 0, "|") == "name=a|ip4.addr=\"em0| \",192.0.2.1");
  BOOST_TEST(specOf("a { interface = em0; ip6.addr = \"/64\"; }", "a").errors ==
             std::vector<std::string>{"ip6.addr: /64: no address"});
}

BOOST_AUTO_TEST_CASE(vnet_and_interfaces) {
  JailSpec spec = specOf("j { vnet; vnet.interface = epair0b, epair1b; }", "j");
  BOOST_TEST(spec.vnet);
  BOOST_TEST(spec.vnetInterfaces == (std::vector<std::string>{"epair0b", "epair1b"}));
  BOOST_TEST(valuesOf(spec.kernelParams, "vnet") == "new");
  BOOST_TEST(!specOf("j { vnet = inherit; }", "j").vnet);
}

BOOST_AUTO_TEST_CASE(no_prefixed_spellings) {
  JailSpec spec = specOf("j { persist; nopersist; allow.nomount; mount.nodevfs; }", "j");
  BOOST_TEST(!spec.persist);
  BOOST_TEST(valuesOf(spec.kernelParams, "persist") == "false");
  BOOST_TEST(valuesOf(spec.kernelParams, "allow.mount") == "false");
  BOOST_TEST(!spec.mountDevfs);
}

BOOST_AUTO_TEST_CASE(bad_values_fail_the_jail) {
  JailSpec spec = specOf("j { persist = maybe; stop.timeout = soon; exec.clean = perhaps; foo.bar; }", "j");
  std::vector<std::string> expected{"exec.clean: unknown boolean value \"perhaps\"",
                                    "stop.timeout: non-integer value \"soon\"",
                                    "persist: unknown boolean value \"maybe\"", "unknown parameter: foo.bar"};
  std::sort(spec.errors.begin(), spec.errors.end());
  std::sort(expected.begin(), expected.end());
  BOOST_TEST(spec.errors == expected);
  BOOST_TEST(specOf("j { dying; }", "j").errors == std::vector<std::string>{"dying: parameter is read-only"});
}

BOOST_AUTO_TEST_CASE(numeric_block_sets_the_jid) {
  JailSpec spec = specOf("5 { name = web; }", "5");
  BOOST_TEST(spec.jid.value_or(0) == 5);
  BOOST_TEST(spec.name == "web");
  BOOST_TEST(spec.lookupName() == "web");
}

BOOST_AUTO_TEST_CASE(timeouts_and_users) {
  JailSpec spec = specOf("j { exec.timeout = 30; stop.timeout = 0; exec.fib = 1; exec.system_jail_user; }", "j");
  BOOST_TEST(spec.execTimeout == 30);
  BOOST_TEST(spec.stopTimeout.value_or(-1) == 0);
  BOOST_TEST(spec.fib.value_or(0) == 1);
  BOOST_TEST(spec.systemJailUser);
  BOOST_TEST(!specOf("j { }", "j").stopTimeout.has_value());
}

BOOST_AUTO_TEST_CASE(command_line_jails_have_no_message_prefix) {
  JailConfJail jail;
  jail.params = {{"name", {"x"}, true, {}}, {"command", {"/bin/sh", "-c", "true"}, true, {}}};
  JailSpec spec = buildJailSpec(jail, false);
  BOOST_TEST(spec.configName.empty());
  BOOST_TEST(spec.messagePrefix().empty());
  BOOST_TEST(spec.commandIsArgv);
  BOOST_TEST(specOf("j { }", "j").messagePrefix() == "j: ");
}

BOOST_AUTO_TEST_CASE(record_fills_in_defaults) {
  JailSpec spec = specOf("j { path = /jails/j; host.hostname = j.example; ip4.addr = 192.0.2.1; }", "j");
  JailRecord record = recordForNewJail(spec, 3, HostFacts{"host", "", "6.1.0"});
  BOOST_TEST(record.jid == 3);
  BOOST_TEST(record.name() == "j");
  BOOST_TEST(record.path() == "/jails/j");
  BOOST_TEST(record.value("host.hostname") == "j.example");
  BOOST_TEST(record.value("ip4") == "new");
  // No ip6.addr and no ip6: FreeBSD leaves a non-vnet jail without IPv6 (kern_jail.c).
  BOOST_TEST(record.value("ip6") == "disable");
  BOOST_TEST(record.value("osrelease") == "6.1.0");
  BOOST_TEST(record.value("securelevel") == "-1");
  BOOST_TEST(record.value("persist") == "false");
  BOOST_TEST(record.values("ip6.addr").empty());
  BOOST_TEST(record.has("ip6.addr"));
  JailRecord unnamed = recordForNewJail(JailSpec{}, 4, HostFacts{"host", "", "6.1.0"});
  BOOST_TEST(unnamed.name() == "4");
  BOOST_TEST(unnamed.value("host.hostname") == "host");
  BOOST_TEST(unnamed.path() == "/");
  BOOST_TEST(unnamed.vnetInterfaces.empty());
}

BOOST_AUTO_TEST_CASE(record_keeps_the_vnet_interfaces) {
  JailConfJail jail;
  jail.params = {{"name", {"v"}, true, {}}, {"vnet", {}, false, {}}, {"vnet.interface", {"e0b", "e1b"}, true, {}}};
  JailRecord record = recordForNewJail(buildJailSpec(jail, false), 7, HostFacts{"host", "", "6.1.0"});
  BOOST_TEST(record.vnetInterfaces == (std::vector<std::string>{"e0b", "e1b"}));
  BOOST_TEST(!record.has("vnet.interface"));
}

BOOST_AUTO_TEST_CASE(jid_file_lines) {
  JailSpec spec = specOf("j { path = /j; exec.start = \"/bin/sh /etc/rc\"; persist; }", "j");
  BOOST_TEST(describeForJidFile(spec, 2, "\t") == "jid=2\tname=j\tpath=/j\texec.start=\"/bin/sh /etc/rc\"\tpersist");
  BOOST_TEST(describeForJidFile(spec, 0, "|") == "name=j|path=/j|exec.start=\"/bin/sh /etc/rc\"|persist");
  // A numbered block: jail(8) never lists `jid` among the parameters; the
  // name it gets from its number comes last.
  JailSpec numbered = specOf("path = \"/jails/$name\";\n123 { persist; }", "123");
  BOOST_TEST(describeForJidFile(numbered, 0, "|") == "path=/jails/123|persist|name=123");
  BOOST_TEST(describeForJidFile(numbered, 123, "|") == "jid=123|path=/jails/123|persist|name=123");
  BOOST_TEST(numbered.name == "123");
  BOOST_TEST((numbered.jid == std::optional<int>(123)));
  JailConfJail legacy;
  legacy.params = {{"path", {"/j"}, true, {}},
                   {"host.hostname", {"h"}, true, {}},
                   {"ip4.addr", {"192.0.2.1"}, true, {}},
                   {"ip6.addr", {"2001:db8::1"}, true, {}},
                   {"command", {"/bin/sh", "/etc/rc"}, true, {}}};
  JailSpec legacySpec = buildJailSpec(legacy, false);
  BOOST_TEST(describeLegacyForJidFile(legacySpec, 7, "\t") == "7\t/j\th\t192.0.2.1,2001:db8::1\t/bin/sh /etc/rc");
}

BOOST_AUTO_TEST_CASE(verbose_parameter_list) {
  BOOST_TEST(describeKernelParams({{"name", {"a"}}, {"persist", {"true"}}, {"allow.mount", {"false"}},
                                   {"host.hostname", {"a b"}}, {"ip4.addr", {"192.0.2.1", "192.0.2.2"}}}) ==
             "name=a persist allow.nomount host.hostname=\"a b\" ip4.addr=192.0.2.1,192.0.2.2");
}

BOOST_AUTO_TEST_CASE(parameter_value_rules) {
  const KernelParam& persist = *findKernelParam("persist");
  BOOST_TEST(normalizeKernelValue(persist, false, {}).values == std::vector<std::string>{"true"});
  BOOST_TEST(normalizeKernelValue(persist, true, {}).values == std::vector<std::string>{"false"});
  BOOST_TEST(normalizeKernelValue(persist, false, {"TRUE"}).values == std::vector<std::string>{"true"});
  BOOST_TEST(normalizeKernelValue(persist, false, {"0"}).values == std::vector<std::string>{"false"});
  BOOST_TEST(normalizeKernelValue(*findKernelParam("vnet"), false, {"1"}).values == std::vector<std::string>{"new"});
  BOOST_TEST(normalizeKernelValue(*findKernelParam("vnet"), false, {"x"}).error == "vnet: unknown jailsys value \"x\"");
  BOOST_TEST(normalizeKernelValue(*findKernelParam("securelevel"), false, {"x"}).error ==
             "securelevel: non-integer value \"x\"");
  BOOST_TEST(normalizeKernelValue(*findKernelParam("ip6.addr"), false, {"2001:DB8:0::1"}).values ==
             std::vector<std::string>{"2001:db8::1"});
  BOOST_TEST(resolveKernelParam("allow.nomount")->negated);
  BOOST_TEST(!resolveKernelParam("nopath"));  // not a boolean
  BOOST_TEST(!resolveKernelParam("exec.start"));
}

BOOST_AUTO_TEST_CASE(quoting_for_jid_files) {
  BOOST_TEST(quoteParamValue("plain") == "plain");
  BOOST_TEST(quoteParamValue("") == "\"\"");
  BOOST_TEST(quoteParamValue("a b") == "\"a b\"");
  BOOST_TEST(quoteParamValue("it's") == "\"it's\"");
  BOOST_TEST(quoteParamValue("say \"x\"") == "'say \"x\"'");
  BOOST_TEST(quoteParamValue("a\\b") == "a\\\\b");
}

BOOST_AUTO_TEST_SUITE_END()
