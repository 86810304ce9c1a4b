// The user namespace that jail(8) inside a jail makes its child jails in:
// each case runs in a forked child (inChildProcess), which reports what it
// found as text; the test process itself changes nothing.
#include <fcntl.h>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <sstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "linux_namespaces.h"
#include "test_precondition.h"

using namespace rcjail::compat;
namespace utf = boost::unit_test;

namespace {

// Root with CAP_SYS_ADMIN, CAP_SETUID, CAP_SETGID and CAP_SETFCAP: what
// making and mapping a user namespace takes.
boost::test_tools::assertion_result asRoot(utf::test_unit_id) {
  return rcjail::testing::requirement(geteuid() == 0 && mayMakeNamespaces(), "root with CAP_SYS_ADMIN");
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ino_t userNamespace() {
  struct stat st{};
  return stat("/proc/self/ns/user", &st) == 0 ? st.st_ino : 0;
}

// Takes capability `number` out of the effective and permitted sets.
bool dropCapability(int number) {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  std::array<__user_cap_data_struct, 2> data{};
  if (syscall(SYS_capget, &header, data.data()) != 0) return false;
  const unsigned bit = 1U << (number % 32);
  data[number / 32].effective &= ~bit;
  data[number / 32].permitted &= ~bit;
  return syscall(SYS_capset, &header, data.data()) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_linux_namespaces, *utf::precondition(asRoot))

BOOST_AUTO_TEST_CASE(without_cap_sys_admin_no_namespaces_are_made) {
  const std::string found = inChildProcess([] {
    if (!dropCapability(CAP_SYS_ADMIN)) return std::string("capset failed");
    return mayMakeNamespaces() ? std::string("still may make namespaces") : std::string();
  });
  BOOST_TEST(found == "");
}

BOOST_AUTO_TEST_CASE(the_mapped_user_namespace_maps_every_id_to_itself) {
  const ino_t host = userNamespace();
  const std::string found = inChildProcess([host] {
    if (!dropCapability(CAP_SYS_ADMIN)) return std::string("capset failed");
    if (std::string error = enterMappedUserNamespace(); !error.empty()) return "enter: " + error;
    std::ostringstream out;
    out << "uid_map:" << readFile("/proc/self/uid_map") << "gid_map:" << readFile("/proc/self/gid_map")
        << "uid " << getuid() << " new " << (userNamespace() != host) << " may " << mayMakeNamespaces();
    return out.str();
  });
  BOOST_TEST(found ==
             "uid_map:         0          0 4294967295\n"
             "gid_map:         0          0 4294967295\n"
             "uid 0 new 1 may 1");
}

// The host's root may be mapped into a user namespace only by a process
// with CAP_SETFCAP (user_namespaces(7)): children.max grants it.
BOOST_AUTO_TEST_CASE(mapping_root_takes_cap_setfcap) {
  const ino_t host = userNamespace();
  const std::string found = inChildProcess([host] {
    if (!dropCapability(CAP_SYS_ADMIN) || !dropCapability(CAP_SETFCAP)) return std::string("capset failed");
    const std::string error = enterMappedUserNamespace();
    return (userNamespace() == host ? "same namespace: " : "moved: ") + error;
  });
  BOOST_TEST(found.starts_with("same namespace: write /proc/"), found);
  BOOST_TEST(found.ends_with("/uid_map: Operation not permitted"), found);
}

BOOST_AUTO_TEST_CASE(closing_descriptors_can_keep_one) {
  const std::string found = inChildProcess([] {
    const int null = open("/dev/null", O_RDONLY);
    const int first = 200, kept = 201, last = 202;
    if (null < 0 || dup2(null, first) != first || dup2(null, kept) != kept || dup2(null, last) != last)
      return std::string("no descriptors 200 to 202");
    closeDescriptorsFrom(first, kept);
    std::ostringstream out;
    out << (fcntl(first, F_GETFD) >= 0) << (fcntl(kept, F_GETFD) >= 0) << (fcntl(last, F_GETFD) >= 0);
    return out.str();
  });
  // The first and the last closed, the kept one open (the child's pipe to
  // the test lies below them all).
  BOOST_TEST(found == "010");
}

BOOST_AUTO_TEST_SUITE_END()
