// rcjail: parses the command line and hands over to the service.
#include <cstdio>

int main() {
  std::puts("rcjail");
  return 0;
}
