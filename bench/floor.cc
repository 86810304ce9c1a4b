// The floor of the whole-process benchmarks: the least any rc.d/jail
// replacement must do for N rc.conf-style jails. It writes the same
// generated /var/run/jail.NAME.conf files rcjail wrote (their text is given
// in a directory, read before the clock matters) and runs jail(8) and jls as
// often as the stock protocol needs, with captured output, then writes or
// removes the id files. No configuration is read or interpreted.
//
//   bench_floor start|stop ROOT TEMPLATES JAIL JLS
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Jail {
  std::string name;
  std::string config;  // the generated file's text
};

std::vector<Jail> readTemplates(const std::string& dir) {
  std::vector<Jail> jails;
  DIR* d = opendir(dir.c_str());
  if (!d) return jails;
  while (dirent* e = readdir(d)) {
    std::string file = e->d_name;
    // jail.NAME.conf
    if (file.size() < 11 || file.rfind("jail.", 0) != 0 || file.substr(file.size() - 5) != ".conf") continue;
    std::ifstream in(dir + "/" + file);
    std::stringstream text;
    text << in.rdbuf();
    jails.push_back({file.substr(5, file.size() - 10), text.str()});
  }
  closedir(d);
  std::sort(jails.begin(), jails.end(), [](const Jail& a, const Jail& b) { return a.name < b.name; });
  return jails;
}

// Temporary file and rename, as any careful writer must.
void writeFile(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  ssize_t ignored = write(fd, content.data(), content.size());
  (void)ignored;
  close(fd);
  rename(tmp.c_str(), path.c_str());
}

// Runs argv with stdout (and stderr) into a pipe; returns the exit status.
int run(const std::vector<std::string>& args, std::string* output) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return 127;
  }
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;)
    if (output) output->append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: bench_floor start|stop ROOT TEMPLATES JAIL JLS\n");
    return 2;
  }
  const std::string verb = argv[1], root = argv[2], jail = argv[4], jls = argv[5];
  const std::vector<Jail> jails = readTemplates(argv[3]);
  const std::string varRun = root + "/var/run/";
  for (const Jail& j : jails) {
    const std::string config = "/var/run/jail." + j.name + ".conf";
    writeFile(root + config, j.config);
    if (verb == "start") {
      std::string out, jid;
      if (run({jail, "-i", "-f", config, "-c", j.name}, &out) != 0) continue;
      run({jls, "-j", j.name, "jid"}, &jid);
      writeFile(varRun + "jail_" + j.name + ".id", jid);
    } else {
      if (run({jls, "-j", j.name}, nullptr) != 0) continue;
      std::string out;
      run({jail, "-q", "-f", config, "-r", j.name}, &out);
      run({jls, "-j", j.name}, nullptr);
      unlink((varRun + "jail_" + j.name + ".id").c_str());
    }
  }
  return 0;
}
