#!/bin/sh
# packaging/make-distfile and make-distinfo: the port's distribution file is
# the same bytes each time it is made from a commit (in any checkout), holds
# every file of the commit under rcjail-VERSION/ with one owner and one time,
# has what the build needs and installs what PLIST_FILES lists once
# extracted on its own, and make-distinfo describes it as `make makesum`
# would.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"
command -v git >/dev/null 2>&1 || skip "git not found"
git -C "$SOURCE_DIR" rev-parse --git-dir >/dev/null 2>&1 ||
	skip "$SOURCE_DIR is not a git checkout (make-distfile archives a commit)"
# python3 reads the archive's entries and digests the file, the same way on
# Linux and FreeBSD.
command -v python3 >/dev/null 2>&1 || skip "python3 not found"
PACKAGING=$SOURCE_DIR/packaging
port_var() { sh "$PACKAGING/port-var" "$1" "$PACKAGING/freebsd/Makefile"; }
commit=$(git -C "$SOURCE_DIR" rev-parse HEAD)
name=rcjail-$(git -C "$SOURCE_DIR" show HEAD:packaging/freebsd/Makefile | sh "$PACKAGING/port-var" DISTVERSION -)

# Twice from this checkout, once from a fresh clone (other file times).
first=$(sh "$PACKAGING/make-distfile" -o "$WORK/first") || first="make-distfile failed"
check "the file is DIR/rcjail-DISTVERSION.tar.gz" "$WORK/first/$name.tar.gz" "$first"
sleep 1
second=$(sh "$PACKAGING/make-distfile" -o "$WORK/second" HEAD) || second="make-distfile failed"
check "made twice: the same bytes" same "$(cmp -s "$first" "$second" && echo same || echo different)"
git clone -q --no-checkout --shared "$SOURCE_DIR" "$WORK/clone" && git -C "$WORK/clone" checkout -q "$commit"
clone=$(sh "$WORK/clone/packaging/make-distfile" -o "$WORK/clone-out") || clone="make-distfile failed"
check "made from another checkout: the same bytes" same "$(cmp -s "$first" "$clone" && echo same || echo different)"
check "nothing but the file left in DIR" "$name.tar.gz" "$(ls -A "$WORK/first")"

# Contents: every file of the commit, nothing else, root's, at the commit's time.
entries() {	# entries FILE WHAT: one line per entry of the archive
	python3 -c '
import sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    for m in t.getmembers():
        if sys.argv[2] == "files" and not m.isdir(): print(m.name)
        if sys.argv[2] == "owners": print(f"{m.uid}/{m.gid}")
        if sys.argv[2] == "times": print(int(m.mtime))
' "$1" "$2" | LC_ALL=C sort -u
}
tracked=$(git -C "$SOURCE_DIR" ls-tree -r --name-only HEAD | sed "s|^|$name/|" | LC_ALL=C sort -u)
check "the files of the commit, under $name/" "$tracked" "$(entries "$first" files)"
check "one owner: 0/0" "0/0" "$(entries "$first" owners)"
check "one time: the commit's" "$(git -C "$SOURCE_DIR" log -1 --format=%ct HEAD)" "$(entries "$first" times)"

# distinfo: the lines of makesum, from this file's digest and size.
sum=$(python3 -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$first")
size=$(wc -c < "$first" | tr -d ' ')
expected=$(printf 'TIMESTAMP = 1767225600\nSHA256 (%s) = %s\nSIZE (%s) = %s' "$name.tar.gz" "$sum" "$name.tar.gz" "$size")
check "distinfo, SOURCE_DATE_EPOCH set" "$expected" "$(SOURCE_DATE_EPOCH=1767225600 sh "$PACKAGING/make-distinfo" "$first")"
before=$(date +%s)
stamp=$(unset SOURCE_DATE_EPOCH; sh "$PACKAGING/make-distinfo" "$first" | sed -n 's/^TIMESTAMP = //p')
check "distinfo: TIMESTAMP is the time of the run" yes \
	"$([ "$stamp" -ge "$before" ] && [ "$stamp" -le "$(date +%s)" ] && echo yes || echo no)"
capture "$WORK/out" "$WORK/err" sh "$PACKAGING/make-distinfo" "$WORK/missing.tar.gz"
check "distinfo of a missing file: status 1" 1 "$STATUS"

# A commit whose port and CMakeLists.txt disagree on the version makes no file.
sed 's/^DISTVERSION=.*/DISTVERSION=	9.9.9/' "$WORK/clone/packaging/freebsd/Makefile" > "$WORK/Makefile.9.9.9"
cp "$WORK/Makefile.9.9.9" "$WORK/clone/packaging/freebsd/Makefile"
git -C "$WORK/clone" -c user.name=test -c user.email=test@rcjail.example commit -q -am "version 9.9.9"
capture "$WORK/out" "$WORK/err" sh "$WORK/clone/packaging/make-distfile" -o "$WORK/mismatch"
check "versions disagree: status 1" 1 "$STATUS"
check "versions disagree: says which" 1 "$(grep -c "DISTVERSION (9.9.9) is not the project VERSION of CMakeLists.txt" "$WORK/err")"
check "versions disagree: no file" "" "$(ls -A "$WORK/mismatch" 2>/dev/null)"

# Extracted alone, it configures (CMake stops at a listed file that is
# missing), and it holds every file of this tree that the build read: the
# sources and headers of each object of $BUILD_DIR, tests and compat programs
# included, from Ninja's record of them (or, with another generator, by
# preprocessing every compiler command of the extracted tree).
# RCJAIL_DISTFILE_BUILD=1 also compiles the program from it as the port does
# (CMAKE_OFF, CMAKE_ARGS) and runs it: minutes rather than seconds.
mkdir "$WORK/src"
tar -xzf "$first" -C "$WORK/src"
tree=$WORK/src/$name
check "LICENSE_FILE is in the distribution file" yes \
	"$([ -f "$(port_var LICENSE_FILE | sed "s|\${WRKSRC}|$tree|")" ] && echo yes || echo no)"
if cmake -S "$tree" -B "$WORK/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON > "$WORK/build.log" 2>&1; then
	configured=yes
else
	configured=no
	tail -n 30 "$WORK/build.log"
fi
check "configures from the extracted file alone" yes "$configured"
if [ -f "$BUILD_DIR/build.ninja" ] && command -v ninja >/dev/null 2>&1; then
	read_files=$(ninja -C "$BUILD_DIR" -t deps | python3 -c '
import os, sys
build, source, tree = (os.path.realpath(p) for p in sys.argv[1:])
read = set()
for line in sys.stdin:
    if line.startswith("    "):
        path = os.path.realpath(os.path.join(build, line.strip()))
        if path.startswith(source + os.sep) and not path.startswith(build + os.sep):
            read.add(os.path.relpath(path, source))
missing = sorted(p for p in read if not os.path.isfile(os.path.join(tree, p)))
print(f"{len(read) > 100}, missing: {missing}")
' "$BUILD_DIR" "$SOURCE_DIR" "$tree")
	check "holds every source and header the build read" "True, missing: []" "$read_files"
else
	# Headers the build generates (the BPF skeleton of compat/) come from
	# sources of the extracted tree: make them before preprocessing.
	if [ "$configured" = yes ] && [ "$(uname -s)" = Linux ]; then
		cmake --build "$WORK/build" --target compat_bpf >> "$WORK/build.log" 2>&1 ||
			tail -n 30 "$WORK/build.log"
	fi
	preprocessed=$(python3 - "$WORK/build/compile_commands.json" "$tree/src" <<'EOF_PY'
import json, os, shlex, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
entries = json.load(open(sys.argv[1]))
def preprocess(entry):
    words = shlex.split(entry["command"])
    # The object file named by -o becomes /dev/null; -E stops before compiling.
    command = [w for i, w in enumerate(words) if w != "-o" and (i == 0 or words[i - 1] != "-o")]
    command += ["-E", "-o", os.devnull]
    done = subprocess.run(command, cwd=entry["directory"], capture_output=True, text=True)
    if done.returncode != 0:
        print(entry["file"], done.stderr[:400], file=sys.stderr)
    return done.returncode == 0
with ThreadPoolExecutor(2) as pool:
    failed = list(pool.map(preprocess, entries)).count(False)
compiled = {os.path.realpath(e["file"]) for e in entries}
sources = {os.path.realpath(os.path.join(d, f)) for d, _, fs in os.walk(sys.argv[2]) for f in fs if f.endswith(".cc")}
print(f"{failed} failed, {len(sources - compiled)} of src/ not compiled, {len(entries) > 0}")
EOF_PY
)
	check "every compiler command preprocesses" "0 failed, 0 of src/ not compiled, True" "$preprocessed"
fi
if [ "${RCJAIL_DISTFILE_BUILD:-0}" = 1 ]; then
	set --
	for o in $(port_var CMAKE_OFF); do set -- "$@" "-D$o=OFF"; done
	command -v ccache >/dev/null 2>&1 && set -- "$@" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
	# shellcheck disable=SC2046
	if cmake -S "$tree" -B "$WORK/port-build" -DCMAKE_BUILD_TYPE=Release $(port_var CMAKE_ARGS) "$@" \
		> "$WORK/port-build.log" 2>&1 && cmake --build "$WORK/port-build" >> "$WORK/port-build.log" 2>&1; then
		built=yes
	else
		built=no
		tail -n 30 "$WORK/port-build.log"
	fi
	check "builds from the extracted file alone" yes "$built"
	check "the program built from it" "rcjail $(port_var DISTVERSION)" "$("$WORK/port-build/src/rcjail" --version 2>&1)"
fi
binary=$RCJAIL
[ -x "$WORK/port-build/src/rcjail" ] && binary=$WORK/port-build/src/rcjail
installed=$(TMPDIR=$WORK sh "$tree/packaging/make-plist" "$tree" "$binary") || installed="make-plist failed"
check "the extracted tree installs PLIST_FILES" "$(port_var PLIST_FILES | LC_ALL=C sort)" "$installed"
finish
