// The create and remove sequences of one jail, their rollback, how a
// command string is run, and the dependency plan across jails.
#include <boost/test/unit_test.hpp>

#include "fs_root.h"
#include "jail_dependencies.h"
#include "jail_steps.h"
#include "shell_command.h"

using namespace rcjail;
using namespace rcjail::compat;

namespace {

JailSpec specOf(const std::string& conf) {
  JailConf parsed = parseJailConfText(FsRoot("/"), conf, "test.conf");
  BOOST_REQUIRE(parsed.jails.size() == 1u);
  return buildJailSpec(parsed.jails.front(), true);
}

std::optional<std::string> noFile(const std::string&, std::string& error) {
  error = "No such file or directory";
  return std::nullopt;
}

std::optional<std::string> fstabFile(const std::string&, std::string&) {
  return std::string("# comment\n/usr/ports /j/usr/ports nullfs ro 0 0\n");
}

std::string addressOf(const Step& step) {
  return step.address.address + "/" + std::to_string(step.address.prefixLength);
}

// One word per step: the kind and what it works on.
std::string outline(const std::vector<Step>& steps) {
  std::string text;
  for (const Step& step : steps) {
    if (!text.empty()) text += " | ";
    switch (step.kind) {
      case StepKind::HostCommand: text += "host:" + step.command; break;
      case StepKind::JailCommand: text += "jail:" + (step.command.empty() ? step.argv.front() : step.command); break;
      // What the netlink request carries (the argv is only its text).
      case StepKind::AddAddress: text += "add:" + addressOf(step); break;
      case StepKind::RemoveAddress: text += "del:" + addressOf(step); break;
      case StepKind::SpawnHolder: text += "namespaces"; break;
      case StepKind::Mount: text += "mount:" + step.mount.type; break;
      case StepKind::Create: text += "create"; break;
      case StepKind::MoveInterface: text += "vnet:" + step.interface; break;
      case StepKind::ReturnInterface: text += "unvnet:" + step.interface; break;
      case StepKind::ClearPersist: text += "done"; break;
      case StepKind::Terminate: text += "term"; break;
      case StepKind::Remove: text += "remove"; break;
      case StepKind::KillHolder: text += "kill"; break;
      case StepKind::Fail: text += "fail:" + step.message; break;
    }
  }
  return text;
}

const char* kFullJail = R"(j {
  path = /j; interface = em0; ip4.addr = 192.0.2.1, 192.0.2.2; ip6.addr = 2001:db8::1;
  mount = "tmpfs /j/tmp tmpfs rw"; mount.fstab = /etc/fstab.j; mount.devfs; mount.procfs;
  vnet.interface = e0b;
  exec.prepare = prep; exec.prestart = pre1, pre2; exec.created = made; exec.start = start;
  command = cmd; exec.poststart = post; exec.prestop = prestop; exec.stop = stop;
  exec.poststop = poststop; exec.release = release;
})";

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_jail_steps)

BOOST_AUTO_TEST_CASE(create_sequence_in_freebsd_order) {
  BOOST_TEST(outline(createSteps(specOf(kFullJail), fstabFile)) ==
             "host:prep | add:192.0.2.1/32 | add:192.0.2.2/32 | add:2001:db8::1/128 | namespaces | mount:tmpfs | "
             "mount:nullfs | mount:devfs | mount:procfs | host:pre1 | host:pre2 | create | host:made | vnet:e0b | "
             "jail:start | jail:cmd | host:post | done");
}

BOOST_AUTO_TEST_CASE(remove_sequence_in_freebsd_order) {
  BOOST_TEST(outline(removeSteps(specOf(kFullJail), {})) ==
             "host:prestop | jail:stop | unvnet:e0b | term | remove | host:poststop | del:2001:db8::1/128 | "
             "del:192.0.2.2/32 | del:192.0.2.1/32 | host:release");
}

BOOST_AUTO_TEST_CASE(removal_hands_back_the_recorded_interfaces_too) {
  // Configured ones first, then those only the record knows, each once.
  BOOST_TEST(outline(removeSteps(specOf(kFullJail), {"e0b", "e7b"})) ==
             "host:prestop | jail:stop | unvnet:e0b | unvnet:e7b | term | remove | host:poststop | "
             "del:2001:db8::1/128 | del:192.0.2.2/32 | del:192.0.2.1/32 | host:release");
  BOOST_TEST(outline(removeSteps(specOf("j { path = /j; }"), {"a", "b"})) == "unvnet:a | unvnet:b | term | remove");
}

BOOST_AUTO_TEST_CASE(a_bare_jail) {
  JailSpec spec = specOf("j { path = /j; }");
  BOOST_TEST(outline(createSteps(spec, noFile)) == "namespaces | create | done");
  BOOST_TEST(outline(removeSteps(spec, {})) == "term | remove");
}

BOOST_AUTO_TEST_CASE(mount_problems_become_failing_steps) {
  BOOST_TEST(outline(createSteps(specOf("j { path = /j; mount.fstab = /nope; }"), noFile)) ==
             "namespaces | fail:mount.fstab: /nope: No such file or directory | create | done");
  BOOST_TEST(outline(createSteps(specOf("j { mount.devfs; }"), noFile)) ==
             "namespaces | fail:mount.devfs: no jail root path defined | create | done");
  BOOST_TEST(outline(createSteps(specOf("j { path = /j; mount = \"tmpfs /j/tmp\"; }"), noFile)) ==
             "namespaces | fail:mount: tmpfs /j/tmp: missing information | create | done");
}

BOOST_AUTO_TEST_CASE(command_line_command_is_one_argv) {
  JailConfJail jail;
  jail.params = {{"path", {"/"}, true, {}}, {"command", {"/bin/echo", "a b"}, true, {}}};
  std::vector<Step> steps = createSteps(buildJailSpec(jail, false), noFile);
  BOOST_REQUIRE(steps.size() == 4u);
  BOOST_TEST(steps[2].argv == (std::vector<std::string>{"/bin/echo", "a b"}));
}

BOOST_AUTO_TEST_CASE(what_undoes_a_step) {
  std::vector<Step> steps = createSteps(specOf(kFullJail), fstabFile);
  std::vector<Step> undo;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it)
    if (std::optional<Step> u = undoStep(*it)) undo.push_back(*u);
  // The exec.* commands are not run again; the namespaces take the mounts along.
  BOOST_TEST(outline(undo) ==
             "unvnet:e0b | remove | kill | del:2001:db8::1/128 | del:192.0.2.2/32 | del:192.0.2.1/32");
}

BOOST_AUTO_TEST_CASE(address_commands) {
  InterfaceAddress address{false, "em0", "192.0.2.1", 24, "192.0.2.255"};
  BOOST_TEST(addressCommand(address, true) ==
             (std::vector<std::string>{"ip", "-4", "addr", "add", "192.0.2.1/24", "dev", "em0", "broadcast",
                                       "192.0.2.255"}));
  BOOST_TEST(addressCommand(address, false) ==
             (std::vector<std::string>{"ip", "-4", "addr", "del", "192.0.2.1/24", "dev", "em0"}));
}

BOOST_AUTO_TEST_CASE(shell_or_split) {
  CommandLine plain = commandFromString("  /bin/sh   /etc/rc ");
  BOOST_TEST(plain.argv == (std::vector<std::string>{"/bin/sh", "/etc/rc"}));
  BOOST_TEST(!plain.background);
  BOOST_TEST(plain.text() == "/bin/sh /etc/rc");
  CommandLine shell = commandFromString("echo $HOME > /tmp/x");
  BOOST_TEST(shell.argv == (std::vector<std::string>{"/bin/sh", "-c", "echo $HOME > /tmp/x"}));
  BOOST_TEST(shell.text() == "/bin/sh -c echo $HOME > /tmp/x");
  CommandLine background = commandFromString("daemon -f&");
  BOOST_TEST(background.argv == (std::vector<std::string>{"daemon", "-f"}));
  BOOST_TEST(background.background);
  BOOST_TEST(commandFromString("a & b").argv.front() == "/bin/sh");
  BOOST_TEST(commandFromString("a$b&").argv.front() == "/bin/sh");
  BOOST_TEST(commandFromString(" \t").argv.empty());
}

BOOST_AUTO_TEST_CASE(dependencies_pull_in_and_order) {
  std::vector<DependencyNode> jails{{"b", {"a"}}, {"a", {}}, {"c", {}}, {"a.child", {}}};
  DependencyPlan create = planDependencies(jails, {true, false, false, false}, false);
  BOOST_TEST(create.selected == (std::vector<bool>{true, true, false, false}));
  BOOST_TEST(create.pulledIn == (std::vector<bool>{false, true, false, false}));
  BOOST_REQUIRE(create.edges.size() == 1u);
  BOOST_TEST(create.edges[0].dependant == 0u);
  BOOST_TEST(create.edges[0].dependency == 1u);
  BOOST_TEST(!create.edges[0].light);

  // Removing a takes along what depends on it, also the light child a.child.
  DependencyPlan remove = planDependencies(jails, {false, true, false, false}, true);
  BOOST_TEST(remove.selected == (std::vector<bool>{true, true, false, true}));
  BOOST_TEST(remove.edges.size() == 2u);
  BOOST_TEST(remove.edges[1].light);
}

BOOST_AUTO_TEST_CASE(dependency_errors) {
  DependencyPlan plan = planDependencies({{"x", {"nope"}}, {"p", {"q"}}, {"q", {"p"}}}, {true, true, false}, false);
  BOOST_TEST(plan.errors[0] == std::vector<std::string>{"depends on undefined jail \"nope\""});
  BOOST_TEST(plan.errors[1] == std::vector<std::string>{"dependency loop"});
  BOOST_TEST(plan.errors[2] == std::vector<std::string>{"dependency loop"});
}

BOOST_AUTO_TEST_SUITE_END()
