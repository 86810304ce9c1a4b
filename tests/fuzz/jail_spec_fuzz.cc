// libFuzzer target for compat's step from a parsed jail.conf to what the
// Linux jail(8) does with each jail: arbitrary bytes parsed as
// /etc/jail.conf under an empty root, then every jail sorted into a JailSpec
// (as `jail -c`, `-r` and `-e` do), its -e and -J lines, its registry record,
// its creation and removal steps and what undoes each. The fstab files a jail
// names are given their own path as text, so that the fuzzer reaches the
// fstab reader through the configuration. No exception may come out but
// JailConfError with a message, and nothing may crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fs_root.h"
#include "jail_conf.h"
#include "jail_spec.h"
#include "jail_steps.h"

namespace {

using namespace rcjail;
using namespace rcjail::compat;

// ip_hostname makes jail(8) resolve host.hostname, which would go to the
// network: the jail is taken without it.
void dropHostnameLookup(JailConfJail& jail) {
  std::erase_if(jail.params, [](const JailConfParam& p) { return jailConfEqualOpts(p.name, "ip_hostname"); });
}

void exercise(JailConfJail jail) {
  dropHostnameLookup(jail);
  const JailSpec spec = buildJailSpec(jail, true);
  (void)describeForJidFile(spec, 0, "\t");
  (void)describeForJidFile(spec, 7, " ");
  (void)describeLegacyForJidFile(spec, 7, " ");
  const JailRecord record = recordForNewJail(spec, 7, HostFacts{"host", "", "6.1.0"});
  (void)describeKernelParams(record.params);
  const FileReader fstabIsItsName = [](const std::string& path, std::string&) -> std::optional<std::string> {
    return path;
  };
  for (const Step& step : createSteps(spec, fstabIsItsName)) (void)undoStep(step);
  (void)removeSteps(spec, spec.vnetInterfaces);
  for (const InterfaceAddress& alias : spec.ip4Aliases) (void)addressCommand(alias, true);
  for (const InterfaceAddress& alias : spec.ip6Aliases) (void)addressCommand(alias, false);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const FsRoot root("/nonexistent/rcjail-fuzz-root");
  try {
    JailConf conf = parseJailConfText(root, text, "/etc/jail.conf", "/etc");
    for (JailConfJail& jail : conf.jails) exercise(std::move(jail));
  } catch (const JailConfError& e) {
    if (e.messages().empty()) std::abort();
  }
  return 0;
}
