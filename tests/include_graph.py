#!/usr/bin/env python3
"""Checks the layering that src/README.md describes, from the sources alone.

Each folder of src/ and compat/ is a layer; src/README.md's tables say which
layers each one may use. This reads every quoted #include and fails on
  - an include of a header that lives in a layer the including one may not use;
  - an include cycle between units (a unit is NAME.h with NAME.cc);
  - in src/verbs, a file of one verb that includes the header of another
    (a verb is the first word of a file's name: check_rules.h is check's;
    verb_*.h are shared by all): what two verbs share belongs below them;
  - a source file over 400 lines;
  - with --functions, a function over 60 lines (by Universal Ctags, where
    installed) whose comment above it does not say why it must be "one
    piece"; without it such functions are listed as notes only.
The build enforces the first rule too (each layer is a library that sees only
the headers of the libraries it links); this says it in words and also covers
what the compiler cannot see, such as cycles inside one layer.

Usage: include_graph.py [--functions] [SOURCE_DIR]   (exit 0 clean, 1 findings, 77 no map)
"""
import json
import os
import re
import shutil
import subprocess
import sys

MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
VERBS = "src/verbs"
SHARED_VERB = "verb"
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def read_layers(top):
    """{folder: set of folders it may use}, folders relative to top."""
    path = os.path.join(top, "src", "README.md")
    if not os.path.exists(path):
        return None
    layers = {}
    compat = False
    for line in open(path, encoding="utf-8"):
        if line.startswith("compat/"):
            compat = True
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("folder", "---") or not line.startswith("|"):
            continue
        name = cells[0] if "/" in cells[0] else ("compat/" if compat else "src/") + cells[0]
        uses = set()
        for word in cells[2].split():
            uses.add(word if "/" in word else "src/" + word)
        layers[name] = uses
    return layers


def sources(top, layers):
    for folder in layers:
        base = os.path.join(top, folder)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            if name.endswith((".h", ".cc")):
                yield folder, name


def main():
    args = sys.argv[1:]
    strict_functions = "--functions" in args
    args = [a for a in args if a != "--functions"]
    top = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    layers = read_layers(top)
    if layers is None:
        print("include_graph: no src/README.md here")
        return 77
    problems = []
    where = {}  # header name -> folder
    files = list(sources(top, layers))
    for folder, name in files:
        if name.endswith(".h"):
            if name in where:
                problems.append(f"{folder}/{name}: header name also in {where[name]}/ (names must be unique)")
            where[name] = folder
    for top_level in ("src", "compat"):
        for name in sorted(os.listdir(os.path.join(top, top_level))):
            if name.endswith((".h", ".cc")) and not name.endswith("_main.cc"):
                problems.append(f"{top_level}/{name}: outside every layer folder")

    edges = {}
    for folder, name in files:
        unit = f"{folder}/{os.path.splitext(name)[0]}"
        path = os.path.join(top, folder, name)
        lines = open(path, encoding="utf-8").read().split("\n")
        if len(lines) - 1 > MAX_FILE_LINES:
            problems.append(f"{folder}/{name}: {len(lines) - 1} lines (at most {MAX_FILE_LINES})")
        for number, line in enumerate(lines, 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            header = os.path.basename(match.group(1))
            target = where.get(header)
            if target is None:
                continue
            if target != folder and target not in layers[folder]:
                problems.append(f"{folder}/{name}:{number}: includes {target}/{header}, "
                                f"but {folder} may use only: {' '.join(sorted(layers[folder])) or 'nothing'}")
            if folder == VERBS and target == VERBS and verb_of(header) not in (verb_of(name), SHARED_VERB):
                problems.append(f"{folder}/{name}:{number}: includes {header}, the header of another verb "
                                f"(what verbs share belongs in a lower layer)")
            other = f"{target}/{os.path.splitext(header)[0]}"
            if other != unit:
                edges.setdefault(unit, set()).add(other)
    problems += [f"include cycle: {' -> '.join(c)}" for c in cycles(edges)]
    if strict_functions and shutil.which("ctags") is None and os.environ.get("RCJAIL_REQUIRE_ALL_TESTS") == "1":
        problems.append("--functions needs ctags (Universal Ctags), and RCJAIL_REQUIRE_ALL_TESTS=1 asks for every check")
    functions = long_functions(top, files)
    if strict_functions:
        problems += functions
    else:
        for f in functions:
            print("note: " + f)
    for p in problems:
        print(p)
    print(f"include_graph: {len(files)} files in {len(layers)} layers, {len(problems)} problem(s)")
    return 1 if problems else 0


def verb_of(name):
    """The verb a file of src/verbs belongs to: the first word of its name."""
    return os.path.splitext(name)[0].split("_")[0]


def cycles(edges):
    """Strongly connected components of more than one unit (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def long_functions(top, files):
    ctags = shutil.which("ctags")
    if ctags is None:
        print("include_graph: no ctags here, function lengths not checked")
        return []
    problems = []
    for folder, name in files:
        if not name.endswith(".cc"):
            continue
        path = os.path.join(top, folder, name)
        out = subprocess.run([ctags, "--output-format=json", "--fields=+ne", "--kinds-C++=f",
                              "--language-force=C++", "-f", "-", path],
                             capture_output=True, text=True, check=False).stdout
        lines = open(path, encoding="utf-8").read().split("\n")
        for row in out.splitlines():
            tag = json.loads(row)
            start, end = tag.get("line"), tag.get("end")
            if not start or not end or end - start + 1 <= MAX_FUNCTION_LINES:
                continue
            above = "\n".join(lines[max(0, start - 8):start - 1])
            if "one piece" not in above:
                problems.append(f"{folder}/{name}:{start}: {tag['name']} is {end - start + 1} lines "
                                f"(at most {MAX_FUNCTION_LINES}, or a comment above saying why it is one piece)")
    return problems


if __name__ == "__main__":
    sys.exit(main())
