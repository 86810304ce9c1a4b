// Differential test of the rc.conf reader: every snippet of
// tests/data/rcconf-snippets is loaded natively (Mode::Native) and by /bin/sh
// (Mode::Shell), and both must leave the same variables: names, values and
// the exported and readonly flags. Locations are not compared (the fallback's
// are a best effort).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "rc_conf_fixture.h"
#include "rc_conf_reader.h"

namespace rcjail {
namespace {

std::vector<std::string> snippetFiles() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(RCJAIL_TEST_DATA "/rcconf-snippets")) {
    if (entry.path().extension() == ".sh") out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string describe(const Variable* v) {
  if (v == nullptr) return "(unset)";
  std::string out = "\"" + v->value + "\"";
  if (v->exported) out += " exported";
  if (v->readonly) out += " readonly";
  return out;
}

// Every difference between the two results, one line each.
std::string differences(const Variables& native, const Variables& shell) {
  std::set<std::string> names;
  for (const auto& [name, v] : native.all()) names.insert(name);
  for (const auto& [name, v] : shell.all()) names.insert(name);
  std::string out;
  for (const std::string& name : names) {
    const Variable* a = native.find(name);
    const Variable* b = shell.find(name);
    if (a && b && a->value == b->value && a->exported == b->exported && a->readonly == b->readonly) continue;
    out += "\n  " + name + ": native " + describe(a) + ", sh " + describe(b);
  }
  return out;
}

RcConfResult load(const std::string& root, const Variables& initial, RcConfOptions::Mode mode) {
  RcConfOptions options{FsRoot(root)};
  options.mode = mode;
  return loadRcConfig(options, initial);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rc_conf_differential)

BOOST_AUTO_TEST_CASE(there_are_enough_snippets) { BOOST_TEST(snippetFiles().size() >= 150u); }

BOOST_DATA_TEST_CASE(native_and_sh_agree, boost::unit_test::data::make(snippetFiles()), snippet) {
  auto fixture = testing::RcConfFixture::parse(
      testing::readTestFile(RCJAIL_TEST_DATA "/rcconf-snippets/" + snippet));
  testing::TempDir dir;
  fixture.write(dir);
  const Variables initial = fixture.initial();
  if (fixture.error) {
    BOOST_CHECK_THROW(load(dir.path(), initial, RcConfOptions::Mode::Native), ConfigError);
    // The shell prints the error itself and stops: the load has no end.
    BOOST_TEST(load(dir.path(), initial, RcConfOptions::Mode::Shell).stop.has_value(), snippet);
    return;
  }
  RcConfResult native, shell;
  try {
    native = load(dir.path(), initial, RcConfOptions::Mode::Native);
  } catch (const ConfigError& e) {
    BOOST_FAIL(snippet << ": native: " << e.describe());
  }
  try {
    shell = load(dir.path(), initial, RcConfOptions::Mode::Shell);
  } catch (const ConfigError& e) {
    BOOST_FAIL(snippet << ": sh: " << e.describe());
  }
  BOOST_TEST(!native.evaluatedByShell);
  BOOST_TEST(shell.evaluatedByShell);
  std::string diff = differences(native.vars, shell.vars);
  BOOST_CHECK_MESSAGE(diff.empty(), snippet << ":" << diff);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
