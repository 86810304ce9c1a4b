// A scripted jail(8)/jls(8)/jexec(8) for the unit tests: a table of running
// jails, jids handed out from 1, failures on request, and a record of every
// command line. Safe to call from several threads (the ordering driver runs
// jails in parallel); `delays` makes a jail(8) call on a jail take time and
// `hang` makes `jail -c` on a jail create it and then never end by itself.
#pragma once

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <set>
#include <string>
#include <vector>

#include "jail_system.h"

namespace rcjail::testing {

class FakeJailSystem : public JailSystem {
 public:
  std::vector<std::vector<std::string>> calls;
  std::vector<std::pair<std::string, int>> running;  // name, jid, in creation order
  std::set<std::string> failCreate, failRemove;
  std::vector<std::string> allJails;  // what `jail -f FILE -c` creates
  std::map<std::string, std::string> sysctls = {{"kern.features.vimage", "1"},
                                                {"net.inet6.ip6.dad_count", "1"}};
  int nextJid = 1;
  // sysrc(8): the file that holds jail_enable, or "" when none does.
  std::string sysrcFile = "/etc/rc.conf";

  std::map<std::string, std::chrono::milliseconds> delays;  // jail(8) on NAME takes this long
  std::set<std::string> hang;                                // jail -c NAME hangs once it made the jail
  std::set<std::string> hangRemove;                          // jail -r NAME hangs and removes nothing
  std::map<std::string, std::string> paths;                  // jls's path of NAME (default /j/NAME)

  std::unique_ptr<RunningProcess> start(const RunRequest& request) override {
    struct Done : RunningProcess {
      RunResult r;
      RunResult wait() override { return r; }
    };
    auto done = std::make_unique<Done>();
    const std::string target = request.argv.empty() ? "" : request.argv.back();
    const bool isJail = !request.argv.empty() && base(request.argv[0]) == "jail";
    const bool creates = std::find(request.argv.begin(), request.argv.end(), "-c") != request.argv.end();
    std::chrono::milliseconds delay{0};
    const bool removes = std::find(request.argv.begin(), request.argv.end(), "-r") != request.argv.end();
    bool hangs = false, hangsRemoving = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      calls.push_back(request.argv);
      if (isJail && delays.count(target)) delay = delays[target];
      hangs = isJail && creates && hang.count(target);
      hangsRemoving = isJail && removes && hangRemove.count(target);
    }
    if ((hangs || hangsRemoving) && request.deadline) std::this_thread::sleep_until(*request.deadline);
    if (delay.count()) std::this_thread::sleep_for(delay);
    std::lock_guard<std::mutex> lock(mutex_);
    if (hangsRemoving) {
      done->r.status = 128 + 9;
      done->r.timedOut = true;
      return done;
    }
    done->r = handle(request.argv);
    if (hangs) {  // killed at its deadline, the jail half up
      done->r.status = 128 + 9;
      done->r.timedOut = true;
    }
    return done;
  }

  std::optional<std::string> sysctl(const std::string& name) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = sysctls.find(name);
    if (it == sysctls.end()) return std::nullopt;
    return it->second;
  }

  bool isRunning(const std::string& name) const { return jidOf(name) > 0; }
  int jidOf(const std::string& name) const {
    for (auto& [n, j] : running)
      if (n == name) return j;
    return 0;
  }
  // The command lines, one string each, for compact assertions.
  std::vector<std::string> commandLines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> out;
    for (auto& c : calls) {
      std::string line;
      for (auto& a : c) line += (line.empty() ? "" : " ") + a;
      out.push_back(line);
    }
    return out;
  }

 private:
  mutable std::mutex mutex_;
  static std::string base(const std::string& path) { return path.substr(path.rfind('/') + 1); }
  std::string pathOf(const std::string& name) const {
    auto it = paths.find(name);
    return it == paths.end() ? "/j/" + name : it->second;
  }

  RunResult handle(const std::vector<std::string>& argv) {
    RunResult r;
    std::string program = base(argv[0]);
    if (program == "jail") return jail(argv);
    if (program == "jls") return jls(argv);
    if (program == "sysrc") return sysrc(argv);
    if (program == "jexec") {
      r.status = argv.size() > 1 && isRunning(argv[1]) ? 0 : 1;
      return r;
    }
    r.status = 127;
    r.output = argv[0] + ": not found\n";
    return r;
  }

  RunResult sysrc(const std::vector<std::string>& argv) {
    RunResult r;
    const std::string& op = argv[1];
    if (op == "-vs") r.output = sysrcFile + ": jail_enable: NO -> " + argv[3].substr(argv[3].find('=') + 1) + "\n";
    if (op == "-lEs") r.output = "/etc/rc.conf /etc/rc.conf.local /etc/rc.conf.d/jail\n";
    if (op == "-Fif") r.status = argv[2] == sysrcFile ? 0 : 1;
    if (op == "-x") r.status = sysrcFile.empty() ? 1 : 0;
    return r;
  }

  RunResult create(const std::string& name, bool printJid, bool quiet) {
    RunResult r;
    if (isRunning(name)) {
      r.status = 1;
      r.output = "jail: " + name + ": jail already exists\n";
    } else if (failCreate.count(name)) {
      r.status = 1;
      r.output = "jail: " + name + ": simulated failure\n";
    } else {
      running.emplace_back(name, nextJid++);
      r.output = printJid ? std::to_string(nextJid - 1) + "\n" : quiet ? "" : name + ": created\n";
    }
    return r;
  }

  RunResult jail(const std::vector<std::string>& argv) {
    bool create = false, remove = false, printJid = false, quiet = false;
    std::string name;
    for (size_t i = 1; i < argv.size(); ++i) {
      const std::string& a = argv[i];
      if (a == "-f" || a == "-p") {
        ++i;
      } else if (a == "-c") {
        create = true;
      } else if (a == "-r" || a == "-R") {
        remove = true;
      } else if (a == "-i") {
        printJid = true;
      } else if (a == "-q") {
        quiet = true;
      } else if (a.rfind("-", 0) != 0) {
        name = a;
      }
    }
    RunResult r;
    if (create && name.empty()) {
      for (const std::string& n : allJails) {
        RunResult one = this->create(n, false, quiet);
        r.output += one.output;
        if (one.status) r.status = 1;
      }
      return r;
    }
    if (create) return this->create(name, printJid, quiet);
    if (remove) {
      if (failRemove.count(name)) {
        r.status = 1;
        r.output = "jail: " + name + ": simulated removal failure\n";
      } else if (!isRunning(name)) {
        r.status = 1;
        r.output = "jail: \"" + name + "\" not found\n";
      } else {
        running.erase(std::find_if(running.begin(), running.end(), [&](auto& p) { return p.first == name; }));
        if (!quiet) r.output = name + ": removed\n";
      }
    }
    return r;
  }

  RunResult jls(const std::vector<std::string>& argv) {
    RunResult r;
    std::vector<std::string> args(argv.begin() + 1, argv.end());
    if (args.size() >= 2 && args[0] == "-j") {
      int jid = jidOf(args[1]);
      if (!jid) {
        r.status = 1;
        r.output = "jls: jail \"" + args[1] + "\" not found\n";
      } else if (args.size() > 2) {
        r.output = std::to_string(jid) + (args.back() == "path" ? " " + pathOf(args[1]) : "") + "\n";
      }
      return r;
    }
    for (auto& [n, j] : running) {
      if (args == std::vector<std::string>{"jid", "name"}) r.output += std::to_string(j) + " " + n + "\n";
      if (args == std::vector<std::string>{"jid", "name", "path"})
        r.output += std::to_string(j) + " " + n + " " + pathOf(n) + "\n";
      if (args == std::vector<std::string>{"name"}) r.output += n + "\n";
    }
    if (args == std::vector<std::string>{"-N"}) r.output = " JID  IP Address      Hostname                      Path\n";
    return r;
  }
};

}  // namespace rcjail::testing
