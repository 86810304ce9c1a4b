// bench_peak_rss FILE COMMAND [ARG...]: runs COMMAND and writes its peak
// resident set size in KiB, then its CPU time (user and system, with the
// children it waited for) in microseconds, one a line, to FILE; exits with
// COMMAND's status. CPU time is the figure a busy machine disturbs least.
//
// The kernel counts a process's peak RSS from before its exec too, when it
// still shared its parent's pages; measured from a Python parent, that is
// Python's size. Started from this small program instead, the figure is
// the command's own.
#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: bench_peak_rss FILE COMMAND [ARG...]\n", stderr);
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    execv(argv[2], argv + 2);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) return 2;
  if (FILE* out = std::fopen(argv[1], "w")) {
    long cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000L + usage.ru_utime.tv_usec +
               usage.ru_stime.tv_usec;
    std::fprintf(out, "%ld\n%ld\n", usage.ru_maxrss, cpu);
    std::fclose(out);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
