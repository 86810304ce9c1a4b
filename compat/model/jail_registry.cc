// The state directory: files, lock, jid allocation.
#include "jail_registry.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "jail_kernel_params.h"

namespace rcjail::compat {
namespace {

constexpr int kJailMax = 999999;  // FreeBSD's JAIL_MAX
constexpr std::string_view kSuffix = ".jail";

std::runtime_error ioError(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

std::optional<std::string> readWholeFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Write to a temporary file in the same directory, then rename over.
void writeAtomically(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".tmp" + std::to_string(getpid());
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw ioError(temporary);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (close(fd) != 0 || !written) {
    unlink(temporary.c_str());
    throw ioError(temporary);
  }
  if (rename(temporary.c_str(), path.c_str()) != 0) {
    unlink(temporary.c_str());
    throw ioError(path);
  }
}

}  // namespace

JailRegistry::JailRegistry(std::string directory, NamespaceId caller, InitProbe probe)
    : directory_(std::move(directory)), caller_(caller), probe_(std::move(probe)) {}

JailRegistry::Lock::Lock(Lock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

JailRegistry::Lock::~Lock() {
  if (fd_ >= 0) close(fd_);  // closing drops the flock
}

JailRegistry::Lock JailRegistry::lock() const {
  std::error_code error;
  // Made here, it is root's and writable by nobody else, whatever the umask.
  if (std::filesystem::create_directories(directory_, error)) chmod(directory_.c_str(), 0755);
  if (error) throw std::runtime_error(directory_ + ": " + error.message());
  const std::string path = directory_ + "/.lock";
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) throw ioError(path);
  if (flock(fd, LOCK_EX) != 0) {
    close(fd);
    throw ioError(path);
  }
  return Lock(fd);
}

std::string JailRegistry::fileOf(int jid) const {
  return directory_ + "/" + std::to_string(jid) + std::string(kSuffix);
}

std::vector<std::string> JailRegistry::recordFileNames() const {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory_, error)) {
    std::string name = entry.path().filename().string();
    if (name.size() > kSuffix.size() && name.ends_with(kSuffix)) names.push_back(std::move(name));
  }
  return names;
}

std::vector<JailRecord> JailRegistry::readAll() const {
  std::vector<JailRecord> records;
  for (const std::string& name : recordFileNames()) {
    std::optional<std::string> text = readWholeFile(directory_ + "/" + name);
    if (!text) continue;
    std::optional<JailRecord> record = parseJailRecord(*text);
    if (!record || name != std::to_string(record->jid) + std::string(kSuffix)) continue;
    records.push_back(std::move(*record));
  }
  std::sort(records.begin(), records.end(),
            [](const JailRecord& a, const JailRecord& b) { return a.jid < b.jid; });
  return records;
}

RegistryView JailRegistry::view() const { return viewRegistry(readAll(), caller_, probe_); }

std::vector<JailRecord> JailRegistry::list() const { return view().visible; }

std::optional<JailRecord> JailRegistry::findByJid(int jid) const {
  const std::vector<JailRecord> all = readAll();
  for (const JailRecord& record : all)
    if (record.jid == jid) return seenByCaller(all, record, caller_, probe_);
  return std::nullopt;
}

bool JailRegistry::jidTaken(int jid) const {
  const RegistryView seen = view();
  if (std::find(seen.gone.begin(), seen.gone.end(), jid) != seen.gone.end()) return false;
  return access(fileOf(jid).c_str(), F_OK) == 0;
}

std::optional<JailRecord> JailRegistry::findByName(std::string_view name) const {
  // Only records whose own name ends the dotted name are probed.
  const std::vector<JailRecord> all = readAll();
  for (const JailRecord& record : all) {
    const std::string own = record.ownName();
    if (!name.ends_with(own) || (name.size() > own.size() && name[name.size() - own.size() - 1] != '.')) continue;
    std::optional<JailRecord> seen = seenByCaller(all, record, caller_, probe_);
    if (seen && seen->name() == name) return seen;
  }
  return std::nullopt;
}

std::optional<JailRecord> JailRegistry::find(std::string_view jidOrName) const {
  const bool digits = !jidOrName.empty() &&
                      std::all_of(jidOrName.begin(), jidOrName.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  if (digits) {
    std::optional<long> jid = parseInteger(jidOrName);
    if (!jid || *jid <= 0 || *jid > kJailMax) return std::nullopt;
    return findByJid(static_cast<int>(*jid));
  }
  return findByName(jidOrName);
}

int JailRegistry::allocateJid(const Lock&) const {
  const std::string lastFile = directory_ + "/lastjid";
  int last = 0;
  if (std::optional<std::string> text = readWholeFile(lastFile)) {
    std::optional<long> number = parseInteger(text->substr(0, text->find('\n')));
    if (number && *number > 0 && *number < kJailMax) last = static_cast<int>(*number);
  }
  // Every record file counts, also those of other namespaces' jails and
  // those that cannot be read: their names are enough.
  std::set<int> used;
  for (const std::string& name : recordFileNames())
    if (std::optional<long> jid = parseInteger(name.substr(0, name.size() - kSuffix.size())))
      used.insert(static_cast<int>(*jid));
  int jid = last;
  for (int tries = 0; tries < kJailMax; ++tries) {
    jid = jid + 1 >= kJailMax ? 1 : jid + 1;
    if (used.count(jid)) continue;
    writeAtomically(lastFile, std::to_string(jid) + "\n");
    return jid;
  }
  throw std::runtime_error("no available jail IDs");
}

void JailRegistry::write(const JailRecord& record) const {
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) throw std::runtime_error(directory_ + ": " + error.message());
  writeAtomically(fileOf(record.jid), formatJailRecord(record));
}

void JailRegistry::remove(int jid) const {
  if (unlink(fileOf(jid).c_str()) != 0 && errno != ENOENT) throw ioError(fileOf(jid));
}

RegistryView JailRegistry::removeStale(const Lock&) const {
  RegistryView seen = view();
  for (int jid : seen.gone) remove(jid);
  return seen;
}

std::optional<JailRecord> JailRegistry::current() const { return currentJail(readAll(), caller_, probe_); }

}  // namespace rcjail::compat
