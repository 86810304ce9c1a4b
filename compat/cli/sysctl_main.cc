// sysctl(8) for rcjail on Linux (jail_sysctl): reads oids the way FreeBSD's
// does, `sysctl [-nq] NAME...`, for the few that sysctlAnswer knows. An
// unknown oid gives "sysctl: unknown oid 'NAME'" and status 1, as there.
#include <iostream>
#include <string>

#include "sysctl_answers.h"

int main(int argc, char** argv) {
  bool valuesOnly = false, quiet = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; ++i) {
    for (const char* flag = argv[i] + 1; *flag; ++flag) {
      if (*flag == 'n') {
        valuesOnly = true;
      } else if (*flag == 'q') {
        quiet = true;
      } else {
        std::cerr << "usage: sysctl [-nq] name ...\n";
        return 1;
      }
    }
  }
  int status = 0;
  for (; i < argc; ++i) {
    const std::string name = argv[i];
    std::optional<std::string> value = rcjail::compat::sysctlAnswer(name);
    if (!value) {
      if (!quiet) std::cerr << "sysctl: unknown oid '" << name << "'\n";
      status = 1;
      continue;
    }
    std::cout << (valuesOnly ? "" : name + ": ") << *value << "\n";
  }
  return status;
}
