// fstab line parsing and the FreeBSD-to-Linux mount translation.
#include "fstab_entry.h"

#include <sys/mount.h>

#include <array>
#include <utility>

#include "text_fields.h"

namespace rcjail::compat {
namespace {

constexpr std::string_view kBlanks = " \t\f\v\r\n";

struct FlagOption {
  std::string_view name;
  unsigned long set;
  unsigned long clear;
};

constexpr std::array kFlagOptions{
    FlagOption{"ro", MS_RDONLY, 0},          FlagOption{"rdonly", MS_RDONLY, 0},
    FlagOption{"rw", 0, MS_RDONLY},          FlagOption{"nosuid", MS_NOSUID, 0},
    FlagOption{"suid", 0, MS_NOSUID},        FlagOption{"nodev", MS_NODEV, 0},
    FlagOption{"dev", 0, MS_NODEV},          FlagOption{"noexec", MS_NOEXEC, 0},
    FlagOption{"exec", 0, MS_NOEXEC},        FlagOption{"noatime", MS_NOATIME, 0},
    FlagOption{"atime", 0, MS_NOATIME},      FlagOption{"nodiratime", MS_NODIRATIME, 0},
    FlagOption{"relatime", MS_RELATIME, 0},  FlagOption{"strictatime", MS_STRICTATIME, 0},
    FlagOption{"sync", MS_SYNCHRONOUS, 0},   FlagOption{"async", 0, MS_SYNCHRONOUS},
    FlagOption{"dirsync", MS_DIRSYNC, 0},    FlagOption{"defaults", 0, 0},
};

// Options that mean something only to FreeBSD's mount(8) or to boot.
constexpr std::array<std::string_view, 8> kFreeBsdOnlyOptions{
    "late", "noauto", "failok", "userquota", "groupquota", "nfsv4acls", "acls", "multilabel"};

bool contains(auto& list, std::string_view word) {
  for (std::string_view item : list)
    if (item == word) return true;
  return false;
}

}  // namespace

FstabLine parseFstabLine(std::string_view line) {
  FstabLine out;
  const std::vector<std::string> words = splitFields(line, kBlanks);
  if (words.empty()) return out;
  if (words.size() < 3) {
    out.error = "missing information";
    return out;
  }
  // fstab(5) fields carry blanks and control characters as vis(3) escapes.
  std::optional<std::string> source = unescapeField(words[0], kVisEscapes);
  std::optional<std::string> target = unescapeField(words[1], kVisEscapes);
  if (!source || !target) {
    out.error = "fstab parse error";
    return out;
  }
  out.entry = MountEntry{*source, *target, words[2], words.size() > 3 ? words[3] : std::string()};
  return out;
}

std::vector<std::string> fstabFileLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    line = line.substr(0, line.find('#'));
    if (line.find_first_not_of(kBlanks) != std::string_view::npos) lines.emplace_back(line);
    at = end + 1;
  }
  return lines;
}

LinuxMount linuxMountFor(const MountEntry& entry) {
  LinuxMount out;
  out.source = entry.source;
  out.target = entry.target;
  out.fstype = entry.type;
  if (entry.type == "nullfs" || entry.type == "bind") out.kind = MountKind::Bind;
  if (entry.type == "devfs") out.kind = MountKind::Devfs;
  if (entry.type == "fdescfs") out.kind = MountKind::Fdescfs;
  if (entry.type == "procfs" || entry.type == "linprocfs") out.fstype = "proc";
  if (entry.type == "linsysfs") out.fstype = "sysfs";

  size_t at = 0;
  const std::string_view options = entry.options;
  while (at < options.size()) {
    size_t end = options.find(',', at);
    if (end == std::string_view::npos) end = options.size();
    const std::string_view option = options.substr(at, end - at);
    at = end + 1;
    if (option.empty() || contains(kFreeBsdOnlyOptions, option)) continue;
    if (option == "bind" || option == "rbind") {
      out.kind = MountKind::Bind;
      continue;
    }
    bool known = false;
    for (const FlagOption& flag : kFlagOptions) {
      if (flag.name != option) continue;
      out.flags = (out.flags | flag.set) & ~flag.clear;
      known = true;
    }
    if (known) continue;
    if (!out.data.empty()) out.data += ',';
    out.data += option;
  }
  return out;
}

std::string mountCommandText(const MountEntry& entry) {
  std::string text = "mount -t " + entry.type;
  if (!entry.options.empty()) text += " -o " + entry.options;
  return text + " " + entry.source + " " + entry.target;
}

}  // namespace rcjail::compat
