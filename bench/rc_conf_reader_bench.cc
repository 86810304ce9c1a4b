// Benchmark of the rc.conf reader: an rc.conf of 10,000 jail_* assignments
// (2,500 jails) read natively, against `/bin/sh -c '. FILE'` for scale, and
// the reader's own /bin/sh fallback, which also dumps every variable.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <string>
#include <sys/wait.h>

#include "rc_conf_reader.h"

namespace {

constexpr int kJails = 2500;  // four assignments each

// A fixture tree in /tmp with /etc/rc.conf, removed at exit.
class Tree {
 public:
  Tree() {
    char name[] = "/tmp/rcjail-bench.XXXXXX";
    root_ = mkdtemp(name);
    std::filesystem::create_directories(root_ + "/etc");
    std::ofstream out(root_ + "/etc/rc.conf");
    out << "jail_enable=\"YES\"\n";
    for (int i = 0; i < kJails; ++i) {
      std::string n = "j" + std::to_string(i);
      out << "jail_" << n << "_rootdir=\"/usr/jail/" << n << "\"\n"
          << "jail_" << n << "_hostname=\"" << n << ".example.org\"\t# the host name\n"
          << "jail_" << n << "_ip=\"192.0.2." << i % 250 << "\"\n"
          << "jail_list=\"${jail_list} " << n << "\"\n";
    }
  }
  ~Tree() { std::filesystem::remove_all(root_); }
  const std::string& root() const { return root_; }
  std::string rcConf() const { return root_ + "/etc/rc.conf"; }

 private:
  std::string root_;
};

const Tree& tree() {
  static const Tree t;
  return t;
}

rcjail::RcConfResult load(rcjail::RcConfOptions::Mode mode) {
  rcjail::RcConfOptions options{rcjail::FsRoot(tree().root())};
  options.mode = mode;
  return rcjail::loadRcConfig(options, rcjail::Variables());
}

void NativeLoad(benchmark::State& state) {
  for (auto _ : state) {
    rcjail::RcConfResult result = load(rcjail::RcConfOptions::Mode::Native);
    benchmark::DoNotOptimize(result);
  }
  state.counters["assignments/s"] =
      benchmark::Counter(4.0 * kJails, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(NativeLoad)->Unit(benchmark::kMillisecond);

void ShellDot(benchmark::State& state) {
  std::string script = ". " + tree().rcConf();
  for (auto _ : state) {
    char sh[] = "/bin/sh", c[] = "-c";
    char* argv[] = {sh, c, script.data(), nullptr};
    char* envp[] = {nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv, envp) != 0) {
      state.SkipWithError("cannot run /bin/sh");
      break;
    }
    int status = 0;
    waitpid(pid, &status, 0);
  }
}
BENCHMARK(ShellDot)->Unit(benchmark::kMillisecond);

void ShellFallbackLoad(benchmark::State& state) {
  for (auto _ : state) {
    rcjail::RcConfResult result = load(rcjail::RcConfOptions::Mode::Shell);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(ShellFallbackLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
