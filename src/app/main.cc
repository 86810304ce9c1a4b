// rcjail: everything happens in runCommandLine; main only hands over. Memory
// running out is the one failure no stage reports itself: it ends here with a
// message and status 1, not an abort and a core dump at boot.
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "command_line.h"

extern char** environ;

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    return rcjail::runCommandLine(argv[0], args, environ);
  } catch (const std::bad_alloc&) {
    std::cerr << "rcjail: out of memory; if a configuration file makes values grow without end, fix it\n";
    return 1;
  }
}
