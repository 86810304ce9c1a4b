// fstab(5) lines as jail(8) reads them from `mount` and `mount.fstab`, and
// what each becomes on Linux: nullfs a bind mount, procfs/linprocfs proc,
// devfs a fresh /dev, fdescfs a /dev/fd link, everything else mount(2).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcjail::compat {

struct MountEntry {
  std::string source;   // fs_spec, unescaped
  std::string target;   // fs_file, unescaped
  std::string type;     // fs_vfstype
  std::string options;  // fs_mntops ("" when absent)
};

struct FstabLine {
  std::optional<MountEntry> entry;  // nullopt and no error: a blank line
  std::string error;                // "missing information", "fstab parse error"
};

// One mount line. Fields are separated by blanks; dump and pass are
// ignored; the first two fields are unescaped as strunvis(3) does (\040 is
// a space).
FstabLine parseFstabLine(std::string_view line);

// The mount lines of an fstab file: `#` starts a comment, blank lines go.
std::vector<std::string> fstabFileLines(std::string_view text);

// How an entry is mounted on Linux.
enum class MountKind {
  Syscall,  // mount(source, target, fstype, flags, data)
  Bind,     // bind source on target, then remount with flags when ro etc.
  Devfs,    // tmpfs with the usual device nodes
  Fdescfs,  // /dev/fd as a link to /proc/self/fd
};

struct LinuxMount {
  MountKind kind = MountKind::Syscall;
  std::string source;
  std::string target;
  std::string fstype;
  unsigned long flags = 0;  // MS_* flags from the options
  std::string data;         // the options mount(2) passes on to the file system
};

// The Linux form of an entry; FreeBSD-only options (late, noauto, failok,
// quotas, acls) are dropped.
LinuxMount linuxMountFor(const MountEntry& entry);

// "mount -t TYPE [-o OPTS] SOURCE TARGET", the line jail(8) would run.
std::string mountCommandText(const MountEntry& entry);

}  // namespace rcjail::compat
