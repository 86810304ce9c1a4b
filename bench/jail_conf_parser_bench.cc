// How long reading a large jail.conf takes: many jails under global defaults,
// a wildcard block and enforced values, with variables in every jail; the
// worst case of a global statement between every two jails; and one long
// value with many references (the lexer and substitution must stay linear).
#include <benchmark/benchmark.h>

#include <string>

#include "jail_conf.h"

namespace {

std::string manyJails(int count) {
  std::string text = R"(# generated for the benchmark
$domain = "example.org";
exec.start = "/bin/sh /etc/rc";
exec.stop = "/bin/sh /etc/rc.shutdown jail";
exec.clean;
mount.devfs;
devfs_ruleset = 4;
path = "/usr/jails/$name";
host.hostname = "$name.$domain";
exec.consolelog = "/var/log/jail_${name}_console.log";
"web.*" { allow.raw_sockets; exec.poststart += "logger started $name"; }
)";
  std::string previous;
  for (int i = 0; i < count; ++i) {
    std::string name = (i % 4 == 0 ? "web.j" : "j") + std::to_string(i);
    text += name + " {\n";
    text += "\tip4.addr = \"em0|10." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ".1/24\";\n";
    text += "\t$n = " + std::to_string(i) + ";\n";
    text += "\texec.start += \"echo jail $n on ${host.hostname}\";\n";
    text += "\texec.prestart += 'mkdir -p /usr/jails/" + name + "';\n";
    text += "\tallow.nomount;\n\tpersist;\n";
    if (!previous.empty()) text += "\tdepend = \"" + previous + "\";\n";
    text += "}\n";
    previous = name;
  }
  text += "* { securelevel = 3; enforce_statfs = 2; }\n";
  return text;
}

// A global statement after every jail: each one starts a new `*` block that
// applies to every jail, so the merge does jails x globals work.
std::string interleavedGlobals(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += "j" + std::to_string(i) + " { path = \"/j/$name\"; }\n";
    text += "g" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
  }
  return text;
}

std::string longValue(int references) {
  std::string text = "$v = value;\nj { long = \"";
  for (int i = 0; i < references; ++i) text += "text \\\"quoted\\\" $v ";
  return text + "\"; }\n";
}

void parse(benchmark::State& state, const std::string& text, int items) {
  for (auto _ : state) {
    rcjail::JailConf conf = rcjail::parseJailConfText(rcjail::FsRoot(), text, "bench.conf");
    benchmark::DoNotOptimize(conf);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * items);
}

void BM_ManyJails(benchmark::State& state) {
  int count = static_cast<int>(state.range(0));
  parse(state, manyJails(count), count);
}

void BM_InterleavedGlobals(benchmark::State& state) {
  int count = static_cast<int>(state.range(0));
  parse(state, interleavedGlobals(count), count);
}

void BM_LongValue(benchmark::State& state) {
  int references = static_cast<int>(state.range(0));
  parse(state, longValue(references), references);
}

}  // namespace

BENCHMARK(BM_ManyJails)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_InterleavedGlobals)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LongValue)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
