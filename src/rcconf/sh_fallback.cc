// The /bin/sh fallback of the rc.conf reader. The script below mirrors what
// the native path does (rc.subr's load_rc_config and its `dot`), writes what
// it sources and every variable to fd 9 as NUL-terminated records, and leaves
// fds 1 and 2 to the files' own output, which is handed on byte for byte; the
// shell's error messages in it also become the result's errors.
//
// With a root other than "/" the shell runs chrooted there (Chroot, what
// --root asks for), or, for HostPaths, only the paths this script sources
// itself are mapped (/etc/defaults/rc.conf, /etc/rc.conf, rc.conf.d). Paths
// inside the files (the rc_conf_files that source_rc_confs reads, `.`
// commands, `[ -r /path ]`, globs) are the host's, since sh cannot be told to
// look elsewhere.
#include "sh_fallback.h"

#include <algorithm>
#include <map>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

#include "rc_conf_locations.h"
#include "shell_child.h"
#include "sh_messages.h"
#include "sh_word.h"

namespace rcjail {

namespace {

// @START@: the variables that are not in the environment; @ROOT@: the root
// prefix; @SERVICE@: NAME of load_rc_config NAME. The functions keep the
// locals of rc.subr's load_rc_config and dot, which the files see. The dump
// keeps only names that are valid and set; `set` output may hold other lines
// (multi-line values, bash's functions), which the checks skip.
constexpr std::string_view kScript = R"SH(__rcjail_dump() {
	set | while IFS= read -r __rcjail_l; do
		case $__rcjail_l in *=*) ;; *) continue ;; esac
		__rcjail_n=${__rcjail_l%%=*}
		case $__rcjail_n in ''|[0-9]*|*[!A-Za-z0-9_]*|__rcjail_*) continue ;; esac
		eval "[ -n \"\${${__rcjail_n}+x}\" ]" || continue
		eval "printf '%s%s=%s\\0' \"\$1\" \"\$__rcjail_n\" \"\${${__rcjail_n}}\""
	done
	[ "${2-}" = flags ] || return 0
	export -p | while IFS= read -r __rcjail_l; do
		case $__rcjail_l in
		'export '*) __rcjail_l=${__rcjail_l#export } ;;
		'declare -'*) __rcjail_l=${__rcjail_l#declare -* } ;;
		*) continue ;;
		esac
		printf 'X%s\0' "${__rcjail_l%%=*}"
	done
	readonly -p | while IFS= read -r __rcjail_l; do
		case $__rcjail_l in
		'readonly '*) __rcjail_l=${__rcjail_l#readonly } ;;
		'declare -'*) __rcjail_l=${__rcjail_l#declare -* } ;;
		*) continue ;;
		esac
		printf 'R%s\0' "${__rcjail_l%%=*}"
	done
} >&9
__rcjail_dump B
trap 'printf "E%s\0" "${LINENO-}" >&9' EXIT
@START@__rcjail_root=@ROOT@
__rcjail_map() {
	case $1 in
	/*) __rcjail_path=$__rcjail_root$1 ;;
	*) __rcjail_path=$1 ;;
	esac
}
__rcjail_dot() {
	local f verify
	for f in "$@"; do
		__rcjail_map "$f"
		if [ -f "$__rcjail_path" ] && [ -s "$__rcjail_path" ]; then
			printf 'F%s\0' "$f" >&9
			. "$__rcjail_path"
		fi
	done
}
__rcjail_load() {
	local _name _rcvar_val _var _defval _v _msg _new _d _dot
	_name=$1
	_dot=dot
	__rcjail_map /etc/defaults/rc.conf
	if [ -r "$__rcjail_path" ]; then
		printf 'D%s\0' 'Sourcing /etc/defaults/rc.conf' >&9
		__rcjail_dot /etc/defaults/rc.conf
		printf 'C%s\0' "$rc_conf_files" >&9
		case "$(type source_rc_confs 2>/dev/null)" in
		*function*) source_rc_confs ;;
		esac
		printf 'C%s\0' "$rc_conf_files" >&9
	else
		__rcjail_map /etc/rc.conf
		if [ -r "$__rcjail_path" ]; then
			printf 'D%s\0' "Sourcing /etc/rc.conf (/etc/defaults/rc.conf doesn't exist)." >&9
			__rcjail_dot /etc/rc.conf
		fi
	fi
	for _d in /etc ${local_startup}; do
		[ -n "$_name" ] || break
		_d=${_d%/rc.d}
		__rcjail_dir=$_d/rc.conf.d/$_name
		__rcjail_map "$__rcjail_dir"
		if [ -f "$__rcjail_path" ]; then
			printf 'D%s\0' "Sourcing $__rcjail_dir" >&9
			__rcjail_dot "$__rcjail_dir"
		elif [ -d "$__rcjail_path" ]; then
			local _rc
			for _rc in "$__rcjail_path"/*; do
				_rc=$__rcjail_dir/${_rc##*/}
				__rcjail_map "$_rc"
				if [ -f "$__rcjail_path" ]; then
					printf 'D%s\0' "Sourcing $_rc" >&9
					__rcjail_dot "$_rc"
				fi
			done
		fi
	done
}
__rcjail_load @SERVICE@
__rcjail_dump A flags
)SH";

void replaceAll(std::string& text, std::string_view from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

bool chrooted(const RcConfOptions& options) {
  return options.confinement == RcConfOptions::ShellConfinement::Chroot && !options.root.isSystemRoot();
}

std::string buildScript(const RcConfOptions& options, const Variables& start) {
  std::string assignments;
  for (const auto& [name, v] : start.all()) {
    if (!v.exported) assignments += name + "=" + shSingleQuote(v.value) + "\n";
    if (v.readonly) assignments += "readonly " + name + "\n";
  }
  std::string script(kScript);
  replaceAll(script, "@START@", assignments);
  replaceAll(script, "@ROOT@", shSingleQuote(chrooted(options) ? "" : options.root.prefix()));
  replaceAll(script, "@SERVICE@", shSingleQuote(options.service));
  return script;
}

// The shell, bounded by the reader's time limit (shell_child.h).
ShellRun runShell(const RcConfOptions& options, const std::string& script, const Variables& start) {
  std::vector<std::string> env;
  for (const auto& [name, v] : start.all())
    if (v.exported) env.push_back(name + "=" + v.value);
  ShellChildLimits limits;
  limits.time = options.limits.time;
  if (!chrooted(options)) return runShellChild({options.shell, "-c", script, options.arg0}, env, limits);
  // The shell of the root, run inside it: the host's paths are out of reach.
  const std::string refused = "needs " + options.shell + ", which must run chrooted into " +
                              options.root.prefix() + " (--root) and cannot: ";
  if (geteuid() != 0) throw ConfigError({}, refused + "only root can chroot");
  if (access(options.root.map(options.shell).c_str(), X_OK) != 0)
    throw ConfigError({}, refused + options.root.prefix() + " has no " + options.shell);
  return runShellChild({"/usr/sbin/chroot", options.root.prefix(), options.shell, "-c", script, options.arg0}, env,
                       limits);
}

std::vector<std::string> splitBlanks(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while ((start = text.find_first_not_of(" \t\n", start)) != std::string::npos) {
    std::size_t end = text.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string readOrEmpty(const FsRoot& root, const std::string& path) {
  try {
    return root.readFile(path);
  } catch (const ConfigError&) {
    return "";
  }
}

// The shell's messages on stderr, with host paths under the root made
// configuration paths again. dash does not always name the file: the last
// file read whose line holds the command the message begins with is taken.
std::vector<RcConfMessage> shellErrors(const RcConfOptions& options, const ShellRun& run,
                                       const std::vector<std::string>& files) {
  const std::string& root = options.root.prefix();
  auto isFile = [&options](const std::string& path) {  // chrooted, the shell names the root's paths
    struct stat st;
    const std::string host = chrooted(options) ? options.root.map(path) : path;
    return stat(host.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  std::vector<RcConfMessage> out;
  for (const std::string& text : lines(run.err)) {
    std::optional<ShMessage> m = parseShMessage(text, options.arg0, isFile);
    if (!m) continue;
    std::string file = m->file;
    if (!root.empty() && file.rfind(root + "/", 0) == 0) file.erase(0, root.size());
    if (file.empty() && m->line > 0) {
      const std::string command = m->message.substr(0, m->message.find(": "));
      for (auto it = files.rbegin(); it != files.rend() && file.empty(); ++it) {
        if (lineOf(readOrEmpty(options.root, *it), m->line).find(command) != std::string_view::npos) file = *it;
      }
      if (file.empty() && !files.empty()) file = files.back();
    }
    out.push_back({{file, m->line}, m->message});
  }
  return out;
}

// Why the shell stopped before the end of the load: at an `exit` on the
// line it gave (bash and busybox give $LINENO to the EXIT trap), else on the
// error it printed last (a status not 0) unless the text of the files read
// has an `exit` after it, else at that `exit` (last file first).
RcConfStop shellStop(const RcConfOptions& options, const ShellRun& run, const std::vector<RcConfMessage>& errors,
                     const std::vector<std::string>& files, int exitLine) {
  const std::string status = std::to_string(run.status);
  const std::string exitReason = "exit " + status + " while loading: rc.d/jail stops here with status " + status;
  std::optional<Location> lastExit;
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    for (int n : exitCommandLines(readOrEmpty(options.root, *it))) {
      if (n == exitLine) return {{*it, n}, run.status, exitReason};
      if (!lastExit) lastExit = Location{*it, n};
    }
  }
  std::vector<std::string> errLines = lines(run.err);
  while (!errLines.empty() && errLines.back().empty()) errLines.pop_back();
  const bool errorLast = !errors.empty() && !errLines.empty() && errLines.back().size() >= errors.back().message.size() &&
                         errLines.back().compare(errLines.back().size() - errors.back().message.size(),
                                                 std::string::npos, errors.back().message) == 0;
  if (run.status != 0 && errorLast) {
    const Location& error = errors.back().where;
    auto order = [&](const std::string& file) { return std::find(files.rbegin(), files.rend(), file) - files.rbegin(); };
    const bool exitAfter = lastExit && (order(lastExit->file) < order(error.file) ||
                                        (lastExit->file == error.file && lastExit->line > error.line));
    if (!exitAfter) return {error, run.status, errors.back().message};
  }
  if (lastExit) return {*lastExit, run.status, exitReason};
  return {{files.empty() ? "" : files.back(), 0}, run.status, exitReason};
}


// What the script wrote to fd 9: the variables before and after the load
// (B, A), exported and readonly names (X, R), files and debug lines (F, D,
// and C for the rc_conf_files list), the line of an `exit` (E).
struct Dump {
  std::map<std::string, std::string> before, after;
  std::set<std::string> exported, readonly;
  bool finished = false;  // the A records came: the load ran to its end
  int exitLine = 0;
};

Dump readDump(const RcConfOptions& options, const std::string& text, RcConfResult& result) {
  Dump dump;
  std::set<std::string> confFiles;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\0', pos);
    if (end == std::string::npos) end = text.size();
    std::string record = text.substr(pos, end - pos);
    pos = end + 1;
    if (record.empty()) continue;
    char tag = record[0];
    std::string body = record.substr(1);
    std::size_t eq = body.find('=');
    switch (tag) {
      case 'B': dump.before[body.substr(0, eq)] = body.substr(eq + 1); break;
      case 'A':
        dump.after[body.substr(0, eq)] = body.substr(eq + 1);
        dump.finished = true;
        break;
      case 'X': dump.exported.insert(body); break;
      case 'R': dump.readonly.insert(body); break;
      case 'F': result.files.push_back(body); break;
      case 'D': result.debug.push_back(body); break;
      case 'C':
        // source_rc_confs reads these (the shell cannot say which): every
        // readable one, once, as the stock function does. The list comes
        // before the call and after it, since a file may change it.
        for (const std::string& f : splitBlanks(body)) {
          if (options.root.readable(f) && confFiles.insert(f).second) result.files.push_back(f);
        }
        break;
      case 'E':
        if (!body.empty() && body.size() < 10 && body.find_first_not_of("0123456789") == std::string::npos)
          dump.exitLine = std::stoi(body);
        break;
      default: break;
    }
  }
  return dump;
}

// The variables after the load, with their flags and best-effort locations
// (see loadRcConfigWithShell in the header).
void setVariables(const RcConfOptions& options, const Variables& start, const Dump& dump, RcConfResult& result) {
  std::map<std::string, Location> assigned = findAssignments(options.root, result.files);
  Location lastFile{result.files.empty() ? "" : result.files.back(), 0};
  for (const auto& [name, value] : dump.after) {
    if (!isShName(name)) continue;
    const Variable* initial = start.find(name);
    auto shellOwn = dump.before.find(name);
    if (initial == nullptr && shellOwn != dump.before.end() && shellOwn->second == value) continue;
    Location where = lastFile;
    if (auto it = assigned.find(name); it != assigned.end()) {
      where = it->second;
    } else if (initial != nullptr && initial->value == value) {
      where = initial->where;
    }
    result.vars.set(name, value, where);
    Variable& v = result.vars.slot(name);
    v.exported = dump.exported.count(name) > 0;
    v.readonly = dump.readonly.count(name) > 0;
  }
}

}  // namespace

std::string shSingleQuote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

RcConfResult loadRcConfigWithShell(const RcConfOptions& options, const Variables& start) {
  ShellRun run = runShell(options, buildScript(options, start), start);
  RcConfResult result;
  result.evaluatedByShell = true;
  Dump dump = readDump(options, run.dump, result);
  if (run.timedOut) {
    throw ConfigError({result.files.empty() ? "" : result.files.back(), 0},
                      timeLimitMessage(options.limits.time) + " (" + options.shell + " was stopped)");
  }
  result.out = std::move(run.out);
  result.errors = shellErrors(options, run, result.files);
  if (!dump.finished) {
    result.stop = shellStop(options, run, result.errors, result.files, dump.exitLine);
    result.err = std::move(run.err);
    return result;
  }
  result.err = std::move(run.err);
  setVariables(options, start, dump, result);
  return result;
}

}  // namespace rcjail
