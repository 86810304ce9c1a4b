// rcjail: everything happens in runCommandLine; main only hands over.
#include <string>
#include <vector>

#include "command_line.h"

extern char** environ;

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return rcjail::runCommandLine(argv[0], args, environ);
}
