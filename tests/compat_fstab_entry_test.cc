// fstab lines as jail(8) reads them and their Linux mount(2) form.
#include <sys/mount.h>

#include <boost/test/unit_test.hpp>

#include "fstab_entry.h"

using namespace rcjail::compat;

BOOST_AUTO_TEST_SUITE(compat_fstab_entry)

BOOST_AUTO_TEST_CASE(fields_dump_and_pass_ignored) {
  FstabLine line = parseFstabLine("/usr/ports  /jails/www/usr/ports\tnullfs ro 0 0");
  BOOST_REQUIRE(line.entry);
  BOOST_TEST(line.entry->source == "/usr/ports");
  BOOST_TEST(line.entry->target == "/jails/www/usr/ports");
  BOOST_TEST(line.entry->type == "nullfs");
  BOOST_TEST(line.entry->options == "ro");
  BOOST_TEST(line.error.empty());
}

BOOST_AUTO_TEST_CASE(options_are_optional) {
  FstabLine line = parseFstabLine("tmpfs /j/tmp tmpfs");
  BOOST_REQUIRE(line.entry);
  BOOST_TEST(line.entry->options.empty());
}

BOOST_AUTO_TEST_CASE(blank_and_short_lines) {
  BOOST_TEST(!parseFstabLine("   ").entry);
  BOOST_TEST(parseFstabLine("   ").error.empty());
  BOOST_TEST(parseFstabLine("tmpfs /j").error == "missing information");
}

BOOST_AUTO_TEST_CASE(vis_escapes_in_the_first_two_fields) {
  FstabLine line = parseFstabLine("/data/My\\040Files /j/My\\sFiles nullfs rw");
  BOOST_REQUIRE(line.entry);
  BOOST_TEST(line.entry->source == "/data/My Files");
  BOOST_TEST(line.entry->target == "/j/My Files");
  BOOST_TEST(parseFstabLine("/a\\q /b nullfs").error == "fstab parse error");
}

BOOST_AUTO_TEST_CASE(file_lines_without_comments) {
  BOOST_TEST(fstabFileLines("# header\n/a /j/a nullfs ro # why\n\n  \n/b /j/b nullfs rw") ==
             (std::vector<std::string>{"/a /j/a nullfs ro ", "/b /j/b nullfs rw"}));
}

BOOST_AUTO_TEST_CASE(nullfs_is_a_bind_mount) {
  LinuxMount m = linuxMountFor({"/usr/ports", "/j/usr/ports", "nullfs", "ro,nosuid"});
  BOOST_TEST((m.kind == MountKind::Bind));
  BOOST_TEST(m.flags == static_cast<unsigned long>(MS_RDONLY | MS_NOSUID));
  BOOST_TEST(m.data.empty());
}

BOOST_AUTO_TEST_CASE(freebsd_file_systems_get_linux_names) {
  BOOST_TEST(linuxMountFor({".", "/j/proc", "procfs", ""}).fstype == "proc");
  BOOST_TEST(linuxMountFor({".", "/j/proc", "linprocfs", ""}).fstype == "proc");
  BOOST_TEST(linuxMountFor({".", "/j/sys", "linsysfs", ""}).fstype == "sysfs");
  BOOST_TEST((linuxMountFor({".", "/j/dev", "devfs", "ruleset=4"}).kind == MountKind::Devfs));
  BOOST_TEST((linuxMountFor({".", "/j/dev/fd", "fdescfs", ""}).kind == MountKind::Fdescfs));
  BOOST_TEST((linuxMountFor({"/a", "/j/a", "ext4", "bind"}).kind == MountKind::Bind));
}

BOOST_AUTO_TEST_CASE(options_split_into_flags_and_data) {
  LinuxMount m = linuxMountFor({"tmpfs", "/j/tmp", "tmpfs", "rw,noexec,size=64m,late,mode=1777"});
  BOOST_TEST((m.kind == MountKind::Syscall));
  BOOST_TEST(m.fstype == "tmpfs");
  BOOST_TEST(m.flags == static_cast<unsigned long>(MS_NOEXEC));
  BOOST_TEST(m.data == "size=64m,mode=1777");
}

BOOST_AUTO_TEST_CASE(command_text_as_jail_8_shows_it) {
  BOOST_TEST(mountCommandText({"/a", "/j/a", "nullfs", "ro"}) == "mount -t nullfs -o ro /a /j/a");
  BOOST_TEST(mountCommandText({".", "/j/proc", "procfs", ""}) == "mount -t procfs . /j/proc");
}

BOOST_AUTO_TEST_SUITE_END()
