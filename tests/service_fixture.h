// What the tests of start, stop and the rc.d/jail verbs share: a scratch
// root with an empty /var/run, rc.conf's built-in defaults, a captured
// console, a scripted jail(8) and a clock stopped at 0.
#pragma once

#include <ctime>
#include <functional>

#include "fake_jail_system.h"
#include "fs_root.h"
#include "rc_conf_reader.h"
#include "test_support.h"
#include "variables.h"

namespace rcjail::testing {

struct ServiceFixture {
  TempDir dir;
  FsRoot root{dir.path()};
  Variables vars;
  CapturedConsole cap;
  FakeJailSystem sys;
  std::function<std::time_t()> clock = [] { return std::time_t(0); };

  ServiceFixture() {
    addBuiltinDefaults(vars);
    dir.write("var/run/.keep", "");
  }
};

}  // namespace rcjail::testing
