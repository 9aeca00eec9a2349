#!/usr/bin/env bash
# How much time protoc-gen-cpp-svc adds to protoc, and how long its output
# takes to compile next to protoc's own, on synthetic trees
# (scripts/synthetic-tree.py: N domains of v1, v2, v3 and private, ~22
# messages a file, every feature the plugin supports).
#
#   scripts/generator-speed.sh [options]
#
#   --sizes "1 4 16"      domains per tree (default "1 4 16")
#   --large               also 64 and 128 domains (several more minutes)
#   --reps N              protoc runs per command and size (default 7)
#   --compile-domains N   tree size whose output is compiled (default 1)
#   --compile-reps N      compilations per file (default 2)
#   --cxxflags "FLAGS"    optimisation flags for the compile step (default
#                         "-O0"; the project's default build is "-O2 -g")
#   --no-compile          skip the compile step
#   --build-dir DIR       where the plugin is built, Release (default build-speed)
#   --work DIR            keep trees and outputs in DIR (default: a temporary
#                         directory, removed at the end)
#   --chain N             instead: time protoc + plugin on one file of N
#                         messages, each with a field of the next (the last
#                         with a rule), declared top-down and bottom-up; the
#                         two should take about the same (has_rules and
#                         carries_deprecated propagate in one pass)
#
# For each size it times, alternating, (a) protoc --cpp_out, (b) protoc
# --cpp_out --cpp-svc_out on the same tree, and (c) the plugin alone, fed the
# CodeGeneratorRequest protoc sent it (captured once through a dumping plugin),
# and prints medians: (b)-(a) is the plugin's share, (b)/(a) should be <= 2.0,
# and the marginal cost per added domain should stay flat (linear growth).
# Then g++ compiles every generated .cc of one tree, one file at a time, ours
# (each proto's .svc.cc, with -Werror) alternating with
# protoc's (.pb.cc); the target is ours <= theirs. Wall times are medians;
# the CPU columns (user+sys of the process tree) are less sensitive to other
# load on the machine (protoc 3.21 reads a plugin's response 4 KB per
# select(), ~1,500 context switches for 16 domains, which a busy machine
# turns into waiting). The default run takes about 2.5 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

sizes="1 4 16"
reps=7
compile_domains=1
compile_reps=2
cxxflags="-O0"
compile=1
build_dir="$root/build-speed"
work=""
chain=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --large) sizes="$sizes 64 128"; shift ;;
    --reps) reps="$2"; shift 2 ;;
    --compile-domains) compile_domains="$2"; shift 2 ;;
    --compile-reps) compile_reps="$2"; shift 2 ;;
    --cxxflags) cxxflags="$2"; shift 2 ;;
    --no-compile) compile=0; shift ;;
    --build-dir) build_dir="$(realpath -m "$2")"; shift 2 ;;
    --work) work="$(realpath -m "$2")"; shift 2 ;;
    --chain) chain="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "generator-speed: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

for tool in protoc cmake ninja g++ python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "generator-speed: $tool is missing; run scripts/setup.sh (python3: apt-get install python3)" >&2
    exit 1
  fi
done

# The plugin, Release, in its own build directory (ninja rebuilds if needed).
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCPPSVC_BUILD_TESTS=OFF -DCPPSVC_BUILD_EXAMPLES=OFF -DCPPSVC_BUILD_BENCHMARKS=OFF >/dev/null ||
    { echo "generator-speed: configuring $build_dir failed" >&2; exit 1; }
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
if [ "$build_type" != Release ]; then
  echo "generator-speed: warning: $build_dir is a $build_type build, not Release" >&2
fi
if ! log=$(ninja -C "$build_dir" protoc-gen-cpp-svc 2>&1); then
  echo "$log" >&2
  exit 1
fi

cleanup=""
if [ -z "$work" ]; then
  work=$(mktemp -d /tmp/cppsvc-speed.XXXXXX)
  cleanup="$work"
fi
trap 'if [ -n "$cleanup" ]; then rm -rf "$cleanup"; fi' EXIT
mkdir -p "$work"

echo "generator-speed: $(protoc --version), $("$build_dir/protoc-gen-cpp-svc" --version 2>/dev/null || echo protoc-gen-cpp-svc),"\
  "$(g++ --version | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$chain" != 0 ]; then
  for order in top-down bottom-up; do
    CHAIN="$chain" ORDER="$order" python3 - > "$work/chain-$order.proto" <<'PY'
import os
n, top_down = int(os.environ["CHAIN"]), os.environ["ORDER"] == "top-down"
print('syntax = "proto3";\npackage acme.chain;\nimport "gen/svc/annotations.proto";')
for k in range(n):
    i = k if top_down else n - 1 - k
    if i + 1 < n:
        print(f"message M{i} {{ M{i + 1} next = 1; }}")
    else:
        print(f"message M{i} {{ string id = 1 [(gen.svc.field).validate = {{ required: true }}]; }}")
PY
    mkdir -p "$work/out-$order"
    times=()
    for r in $(seq "$reps"); do
      TIMEFORMAT=%R
      times+=("$( { time protoc -I "$work" -I "$root/proto" \
        --plugin=protoc-gen-cpp-svc="$build_dir/protoc-gen-cpp-svc" \
        --cpp-svc_out="$work/out-$order" "chain-$order.proto" >&2; } 2>&1 | tail -1)")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (reps + 1) / 2 ))p")
    echo "chain of $chain messages, $order: median of $reps protoc + plugin runs: ${median} s"
  done
  exit 0
fi

ROOT="$root" BUILD="$build_dir" WORK="$work" SIZES="$sizes" REPS="$reps" \
COMPILE="$compile" COMPILE_DOMAINS="$compile_domains" COMPILE_REPS="$compile_reps" \
CXXFLAGS_SPEED="$cxxflags" python3 - <<'PY'
import os, resource, shlex, statistics, subprocess, sys, time

root, build, work = os.environ["ROOT"], os.environ["BUILD"], os.environ["WORK"]
sizes = [int(s) for s in os.environ["SIZES"].split()]
reps = int(os.environ["REPS"])
plugin = os.path.join(build, "protoc-gen-cpp-svc")


def run(cmd, cwd=None, stdin_path=None):
    """Runs cmd; returns (wall s, cpu s of it and its children). Fails loudly
    on a non-zero exit or any output on stderr (a diagnostic)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if stdin_path:
        stdin.close()
    if result.returncode != 0 or result.stderr:
        sys.exit(f"generator-speed: {shlex.join(cmd)} (in {cwd}) failed:\n"
                 + result.stderr.decode(errors="replace"))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def med(values):
    return statistics.median(values)


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).rjust(w) for c, w in zip(r, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    for r in rows:
        print(line(r))


# ---- Trees, and the request protoc sends the plugin ------------------------------
dump = os.path.join(work, "dump-request.sh")
with open(dump, "w") as f:
    # A response with only supported_features = FEATURE_PROTO3_OPTIONAL: no files.
    f.write('#!/bin/sh\ncat > "$CPPSVC_SPEED_REQUEST"\nprintf \'\\020\\001\'\n')
os.chmod(dump, 0o755)

trees = {}
for n in sizes:
    tree = os.path.join(work, f"tree-{n}")
    listing = subprocess.run(
        [sys.executable, os.path.join(root, "scripts", "synthetic-tree.py"),
         "--domains", str(n), "--out", tree, "--list"],
        check=True, capture_output=True, text=True).stdout.split()
    messages = 0
    for rel in listing:
        with open(os.path.join(tree, rel)) as f:
            messages += sum(1 for l in f if l.lstrip().startswith("message "))
    out_a, out_b = os.path.join(work, f"out-{n}-a"), os.path.join(work, f"out-{n}-b")
    os.makedirs(out_a, exist_ok=True)
    os.makedirs(out_b, exist_ok=True)
    base = ["protoc", "-I", tree, "-I", os.path.join(root, "proto")]
    request = os.path.join(work, f"request-{n}.bin")
    os.environ["CPPSVC_SPEED_REQUEST"] = request
    run(base + [f"--plugin=protoc-gen-dump={dump}", f"--dump_out={work}"] + listing)
    trees[n] = dict(
        files=len(listing), messages=messages, request=request, out_b=out_b,
        a=base + [f"--cpp_out={out_a}"] + listing,
        b=base + [f"--plugin=protoc-gen-cpp-svc={plugin}", f"--cpp_out={out_b}",
                  f"--cpp-svc_out={out_b}"] + listing,
        c=[plugin])

# ---- protoc with and without the plugin ------------------------------------------
print(f"\n## protoc alone (a), protoc + plugin (b), plugin alone on the saved request (c)")
print(f"medians of {reps} runs each, alternating a/b/c; (b)-(a) is the plugin's share\n")
results = {}
for n in sizes:
    t = trees[n]
    for k in "abc":  # warm-up: page cache, dynamic loader
        run(t[k], stdin_path=t["request"] if k == "c" else None)
    # (c) reports problems inside its response; make sure it generated the files.
    with open(t["request"], "rb") as request:
        response = subprocess.run(t["c"], stdin=request, capture_output=True, check=True).stdout
    if b".svc.cc" not in response or len(response) < 10000:
        sys.exit(f"generator-speed: the plugin alone did not generate the tree of {n}:\n"
                 + response[:2000].decode(errors="replace"))
    samples = {k: [] for k in "abc"}
    orders = ["abc", "bca", "cab"]
    for r in range(reps):
        for k in orders[r % 3]:
            samples[k].append(run(t[k], stdin_path=t["request"] if k == "c" else None))
    results[n] = {k: (med([w for w, _ in v]), med([c for _, c in v])) for k, v in samples.items()}

rows = []
for n in sizes:
    a, b, c = (results[n][k][0] for k in "abc")
    t = trees[n]
    rows.append([n, t["files"], t["messages"], ms(a), ms(b), ms(b - a), f"{b / a:.2f}",
                 ms(c), ms(b / n), ms((b - a) / n)])
table(["domains", "files", "messages", "(a) --cpp_out", "(b) + --cpp-svc_out", "(b)-(a)",
       "(b)/(a)", "(c) plugin alone", "(b) per domain", "(b)-(a) per domain"], rows)
print("\nCPU time (user+sys, protoc and the plugin together):\n")
rows = []
for n in sizes:
    a, b, c = (results[n][k][1] for k in "abc")
    rows.append([n, ms(a), ms(b), ms(b - a), f"{b / a:.2f}", ms(c)])
table(["domains", "(a) cpu", "(b) cpu", "(b)-(a) cpu", "(b)/(a) cpu", "(c) cpu"], rows)
if len(sizes) > 1:
    print("\nMarginal cost of each added domain between consecutive sizes (flat = linear):\n")
    rows = []
    for lo, hi in zip(sizes, sizes[1:]):
        def per(k, i):
            return (results[hi][k][i] - results[lo][k][i]) / (hi - lo)
        rows.append([f"{lo} -> {hi}", ms(per("a", 0)), ms(per("b", 0)),
                     ms(per("b", 0) - per("a", 0)), ms(per("c", 0)),
                     ms(per("a", 1)), ms(per("b", 1)), ms(per("b", 1) - per("a", 1)),
                     ms(per("c", 1))])
    table(["domains", "(a)", "(b)", "(b)-(a)", "(c)",
           "(a) cpu", "(b) cpu", "(b)-(a) cpu", "(c) cpu"], rows)

# ---- Compile time: ours vs protoc's ------------------------------------------------
if os.environ["COMPILE"] == "1":
    n = int(os.environ["COMPILE_DOMAINS"])
    if n not in trees:
        sys.exit(f"generator-speed: --compile-domains {n} is not one of --sizes")
    compile_reps = int(os.environ["COMPILE_REPS"])
    flags = os.environ["CXXFLAGS_SPEED"].split()
    out = trees[n]["out_b"]
    ours, theirs, testing_headers = [], [], []
    for dirpath, _, names in os.walk(out):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), out)
            if name.endswith(".pb.cc"):
                theirs.append(rel)
            elif name.endswith(".svc.cc"):
                ours.append(rel)
            elif name.endswith(".svc.testing.h"):
                testing_headers.append(rel)
    ours.sort()
    theirs.sort()
    # protoc writes `namespace private`; fix it up as cppsvc_generate does.
    pb = [os.path.join(out, f) for f in theirs] + [os.path.join(out, f[:-2] + "h") for f in theirs]
    subprocess.run(["cmake", "-DKEYWORDS=private", "-DFILES=" + "|".join(pb), "-P",
                    os.path.join(root, "cmake", "CppSvcFixKeywordNamespaces.cmake")], check=True)
    common = ["g++", "-std=c++17"] + flags + ["-Wall", "-Wextra", "-I", out,
              "-I", os.path.join(root, "include"), "-I", os.path.join(build, "gen")]
    def cmd(rel):
        werror = [] if rel in theirs else ["-Werror"]
        return common + werror + ["-c", rel, "-o", os.devnull]
    queue = []  # ours and theirs interleaved
    for i in range(max(len(ours), len(theirs))):
        queue += ours[i:i + 1] + theirs[i:i + 1]
    times = {f: [] for f in queue}
    for r in range(compile_reps):
        for f in (queue if r % 2 == 0 else list(reversed(queue))):
            times[f].append(run(cmd(f), cwd=out))
    def lines(rel):
        with open(os.path.join(out, rel)) as fh:
            return sum(1 for _ in fh)
    print(f"\n## Compile time, {n} domain(s): g++ {' '.join(flags)}, one file at a time")
    print(f"medians of {compile_reps} compilations each, ours alternating with protoc's\n")
    rows = []
    for f in ours + theirs:
        rows.append([f, "ours" if f in ours else "protoc", lines(f),
                     f"{med([w for w, _ in times[f]]):.2f} s",
                     f"{med([c for _, c in times[f]]):.2f} s"])
    table(["file", "by", "lines", "wall", "cpu"], rows)
    def total(files, i):
        return sum(med([x[i] for x in times[f]]) for f in files)
    print()
    rows = []
    for label, files in [("protoc's .pb.cc", theirs), ("ours (.svc.cc)", ours)]:
        rows.append([label, len(files), sum(lines(f) for f in files),
                     f"{total(files, 0):.2f} s", f"{total(files, 1):.2f} s",
                     f"{total(files, 0) / total(theirs, 0):.2f}",
                     f"{total(files, 1) / total(theirs, 1):.2f}"])
    table(["sum", "files", "lines", "wall", "cpu", "wall / protoc's", "cpu / protoc's"], rows)
    # The conversion-test helpers are header only: what a test that includes
    # one pays (a TU of just that #include), for reference.
    testing_headers.sort()
    rows = []
    for rel in testing_headers:
        source = os.path.join(out, rel + ".check.cc")
        with open(source, "w") as fh:
            fh.write(f'#include "{rel}"\n')
        spent = [run(common + ["-Werror", "-c", source, "-o", os.devnull], cwd=out)
                 for _ in range(compile_reps)]
        os.remove(source)
        rows.append([rel, f"{med([w for w, _ in spent]):.2f} s", f"{med([c for _, c in spent]):.2f} s"])
    print("\nA test file that only includes a .svc.testing.h (header only; compiled by tests, not by")
    print("every build of the generated code):\n")
    table(["header", "wall", "cpu"], rows)
PY
