// .include: glob expansion and relative names under an FsRoot, included
// files in place (also inside a block), and the depth limit that also stops
// include loops.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "jail_conf.h"
#include "jail_conf_include.h"
#include "jail_conf_test_support.h"

namespace {

using jail_conf_test::errorsOfFile;
using jail_conf_test::jailNames;
using jail_conf_test::jailOf;
using jail_conf_test::kData;
using jail_conf_test::Strings;
using rcjail::FsRoot;
using rcjail::JailConf;
using rcjail::JailConfError;
using rcjail::JailConfJail;

// A scratch directory under /tmp, removed at the end of the test.
struct ScratchDir {
  std::string path;
  ScratchDir() {
    char pattern[] = "/tmp/rcjail-jailconf-XXXXXX";
    BOOST_REQUIRE(mkdtemp(pattern));
    path = pattern;
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path + "/" + name) << text; }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_conf_include)

BOOST_AUTO_TEST_CASE(relative_names) {
  BOOST_TEST(rcjail::jailConfIncludeBase("/etc/jail.conf") == "/etc/");
  BOOST_TEST(rcjail::jailConfIncludeBase("jail.conf") == "");
  BOOST_TEST(rcjail::resolveJailConfInclude("/etc/", "jail.conf.d/x.conf") == "/etc/jail.conf.d/x.conf");
  BOOST_TEST(rcjail::resolveJailConfInclude("/etc/", "/abs.conf") == "/abs.conf");
  BOOST_TEST(rcjail::resolveJailConfInclude("", "rel.conf") == "rel.conf");
}

BOOST_AUTO_TEST_CASE(glob_magic) {
  using rcjail::hasJailConfGlobMagic;
  BOOST_TEST(hasJailConfGlobMagic("/etc/jail.conf.d/*.conf"));
  BOOST_TEST(hasJailConfGlobMagic("/etc/jail?.conf"));
  BOOST_TEST(hasJailConfGlobMagic("/usr/local/etc/jail[.]conf"));
  BOOST_TEST(hasJailConfGlobMagic("/a[!x]b"));
  BOOST_TEST(!hasJailConfGlobMagic("/etc/jail.conf"));
  BOOST_TEST(!hasJailConfGlobMagic("/etc/jail\\*.conf"));
  BOOST_TEST(!hasJailConfGlobMagic("/etc/jail[.conf"));
  BOOST_TEST(!hasJailConfGlobMagic("/etc/jail[]"));
}

BOOST_AUTO_TEST_CASE(glob_expansion_under_a_root) {
  FsRoot root(kData);
  BOOST_TEST(rcjail::expandJailConfGlob(root, "/etc/jail.conf.d/*.conf") ==
             (Strings{"/etc/jail.conf.d/a.conf", "/etc/jail.conf.d/b.conf"}));
  BOOST_TEST(rcjail::expandJailConfGlob(root, "/etc/jail.conf.d/.*.conf") == (Strings{"/etc/jail.conf.d/.hidden.conf"}));
  BOOST_TEST(rcjail::expandJailConfGlob(root, "/*/jail.conf.d/sub/*") ==
             (Strings{"/etc/jail.conf.d/sub/extra.params"}));
  BOOST_TEST(rcjail::expandJailConfGlob(root, "/etc/jail[.]conf") == (Strings{"/etc/jail.conf"}));
  BOOST_TEST(rcjail::expandJailConfGlob(root, "/etc/jail[.]local").empty());
  BOOST_TEST(rcjail::expandJailConfGlob(root, "/nodir/*").empty());
}

BOOST_AUTO_TEST_CASE(typical_configuration_with_standard_includes) {
  JailConf conf = rcjail::parseJailConfFile(FsRoot(kData + "/typical"), "/etc/jail.conf");
  BOOST_TEST(jailNames(conf) == (Strings{"web", "builder", "db", "ci"}));
  BOOST_TEST(conf.files ==
             (Strings{"/etc/jail.conf", "/etc/jail.conf.d/db.conf", "/usr/local/etc/jail.conf.d/ci.conf"}));
  const JailConfJail& web = jailOf(conf, "web");
  BOOST_TEST(web.last("path") == "/srv/jails/web");
  BOOST_TEST(web.values("ip4.addr") == (Strings{"192.0.2.10", "192.0.2.11", "192.0.2.12"}));
  BOOST_TEST(*web.flag("mount.devfs"));
  const JailConfJail& builder = jailOf(conf, "builder");
  BOOST_TEST(builder.values("exec.start") == (Strings{""}));
  BOOST_TEST(builder.last("path") == "/");
  BOOST_TEST(!*builder.flag("mount.devfs"));
  BOOST_TEST(*builder.flag("persist"));
  const JailConfJail& db = jailOf(conf, "db");
  BOOST_TEST(db.last("ip4.addr") == "192.0.2.20");
  BOOST_TEST(db.last("path") == "/srv/jails/db");
  BOOST_TEST(db.values("depend") == (Strings{"web"}));
  BOOST_TEST(jailOf(conf, "ci").values("depend") == (Strings{"builder", "db"}));
  for (const JailConfJail& jail : conf.jails) BOOST_TEST(jail.errors.empty());
}

BOOST_AUTO_TEST_CASE(includes_with_globs_and_relative_paths) {
  JailConf conf = rcjail::parseJailConfFile(FsRoot(kData), "/etc/jail.conf");
  BOOST_TEST(conf.files == (Strings{"/etc/jail.conf", "/etc/jail.conf.d/a.conf",
                                    "/etc/jail.conf.d/sub/extra.params", "/etc/jail.conf.d/b.conf"}));
  BOOST_TEST(jailNames(conf) == (Strings{"alpha", "beta", "main"}));  // no .hidden.conf, no notes.txt
  const JailConfJail& alpha = jailOf(conf, "alpha");
  BOOST_TEST(alpha.where.str() == "/etc/jail.conf.d/a.conf:2");
  BOOST_TEST(alpha.values("exec.start") == (Strings{"/bin/sh /etc/rc", "/usr/local/bin/extra"}));
  BOOST_TEST(alpha.find("exec.start")->where.str() == "/etc/jail.conf.d/sub/extra.params:2");
  BOOST_TEST(*alpha.flag("persist"));
  BOOST_TEST(alpha.last("path") == "/usr/jails/alpha");
  BOOST_TEST(jailOf(conf, "main").last("host.hostname") == "main.example.org");
  BOOST_TEST(!jailOf(conf, "beta").find("persist"));
}

BOOST_AUTO_TEST_CASE(include_from_text_and_optional_files) {
  JailConf relative = rcjail::parseJailConfText(FsRoot(kData), ".include \"jail.conf.d/b.conf\";", "STDIN", "/etc");
  BOOST_TEST(jailNames(relative) == (Strings{"beta"}));
  BOOST_TEST(relative.files == (Strings{"STDIN", "/etc/jail.conf.d/b.conf"}));
  JailConf optional = rcjail::parseJailConfText(
      FsRoot(kData), ".include \"/etc/jail[.]conf\", \"/etc/none[.]conf\", \"/nodir/*/x.conf\";", "t");
  BOOST_TEST(jailNames(optional) == (Strings{"alpha", "beta", "main"}));
}

BOOST_AUTO_TEST_CASE(include_depth_limit) {
  ScratchDir dir;
  for (int level = 0; level < 32; ++level) {
    dir.write("level" + std::to_string(level) + ".conf", ".include \"level" + std::to_string(level + 1) + ".conf\";\n");
  }
  dir.write("level32.conf", "deepest { }\n");
  JailConf conf = rcjail::parseJailConfFile(FsRoot(), dir.path + "/level0.conf");
  BOOST_TEST(jailNames(conf) == (Strings{"deepest"}));
  BOOST_TEST(conf.files.size() == 33U);

  dir.write("level32.conf", ".include \"level33.conf\";\n");
  dir.write("level33.conf", "too_deep { }\n");
  try {
    rcjail::parseJailConfFile(FsRoot(), dir.path + "/level0.conf");
    BOOST_FAIL("no error");
  } catch (const JailConfError& e) {
    BOOST_TEST(e.messages() == (Strings{"maximum include depth exceeded"}));
    BOOST_TEST(e.where().str() == dir.path + "/level32.conf" + ":1");
  }
}

BOOST_AUTO_TEST_CASE(include_loops_hit_the_depth_limit) {
  BOOST_TEST(errorsOfFile("/loop/self.conf") == (Strings{"maximum include depth exceeded"}));
  BOOST_TEST(errorsOfFile("/loop/ping.conf") == (Strings{"maximum include depth exceeded"}));
  ScratchDir dir;  // a glob that matches its own file
  dir.write("a.conf", "a { }\n.include \"*.conf\";\n");
  dir.write("b.conf", "b { }\n");
  BOOST_TEST(errorsOfFile(dir.path + "/a.conf", FsRoot()) == (Strings{"maximum include depth exceeded"}));
}

BOOST_AUTO_TEST_SUITE_END()
