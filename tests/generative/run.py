#!/usr/bin/env python3
"""Generative test of protoc-gen-cpp-svc: random valid trees through the real
protoc, the plugin and the compiler.

For each tree (gentree.py): protoc --cpp_out --cpp-svc_out over the tree's
files (files of a shared package marked external get their own, separate
protoc run first, as a library built elsewhere would), then every .cc our
plugin wrote, and one translation unit including every header it wrote, is
compiled with `-std=c++17 -Wall -Wextra -Werror -fsyntax-only` (g++, and
clang++ with --clang). A failure is a plugin crash, a rejection (the generator
writes only trees the plugin is supposed to accept) or a compiler error or
warning. Failing trees are printed with the command that reproduces them and
kept under --keep DIR/<seed>/ (proto files + case.json + failure.txt).

    run.py --seeds 1,2,3 [--size small] [--features ci] [--jobs 2]
    run.py --trees 500 --seed 1000 --jobs 1          # a campaign: seeds 1000..1499
    run.py --fresh 3                                 # random seeds, printed
    run.py --case tests/generative/regressions/<name> # a kept tree, its expectation

`--features ci` is every feature but those listed in known-failures.txt
(the classes still failing on main); `--features all`, `safe`, `dangerous` or
a comma list (`safe,std_deprecated`, `all,-streaming`) pick others.
Exit status: 0 when every tree met its expectation. Standard library only.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gentree  # noqa: E402

KNOWN_FAILURES = os.path.join(HERE, "known-failures.txt")


def known_failures():
    """Features whose trees are still expected to fail: name -> comment."""
    out = {}
    with open(KNOWN_FAILURES, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)
            name = line[0].strip()
            if name:
                out[name] = line[1].strip() if len(line) > 1 else ""
    return out


def resolve_features(spec):
    """gentree's feature spec, plus `ci`: every feature not in known-failures.txt."""
    ci = ",".join(sorted(set(gentree.FEATURES) - set(known_failures())))
    items = [ci if item.strip() == "ci" else item for item in spec.split(",")]
    return gentree.parse_features(",".join(items))


def run(cmd, cwd=None, timeout=600):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return -999, f"timeout after {timeout}s: {' '.join(cmd)}\n{(e.output or b'').decode()}"


def signature(text):
    """A short, stable name for the first problem in a tool's output."""
    if "Plugin killed by signal" in text:
        m = re.search(r"Plugin killed by signal (\d+)", text)
        return f"plugin crash (signal {m.group(1)})"
    for line in text.splitlines():
        if "error:" in line or "warning:" in line:
            flag = re.search(r"\[(-W[^\]]+)\]", line)
            msg = line.split("error:", 1)[-1].strip()
            if flag:
                return "compile: " + flag.group(1)
            msg = re.sub(r"[‘'][^’']*[’']", "'…'", msg)
            msg = re.sub(r"\"[^\"]*\"", "\"…\"", msg)
            return "compile: " + msg[:120]
    return text.strip().splitlines()[0][:160] if text.strip() else "unknown"


def rejection_signature(text):
    lines = [l for l in text.splitlines()
             if re.match(r"^[^ ]+\.proto:\d+:\d+: ", l) and ": warning: " not in l]
    if not lines:
        return "plugin failed: " + (text.strip().splitlines() or ["?"])[-1][:160]
    msg = lines[0].split(": ", 1)[1]
    msg = re.sub(r"\"[^\"]*\"", "\"…\"", msg)
    msg = re.sub(r"\b[\w.]+\.[\w.]+\b", "…", msg)
    return "rejected: " + msg[:140]


class Tools:
    def __init__(self, args):
        self.protoc = args.protoc
        self.plugin = os.path.abspath(args.plugin)
        self.proto_dir = os.path.join(REPO, "proto")
        self.includes = [os.path.join(REPO, "include"), os.path.abspath(args.gen_dir)]
        self.cxx = [c for c in [args.cxx] + (["clang++"] if args.clang else []) if c]
        self.cmake = args.cmake
        self.all_cc = args.all_cc


def protoc_cmd(tools, tree, out, files):
    return [tools.protoc, f"-I{tree}", f"-I{tools.proto_dir}",
            f"--plugin=protoc-gen-cpp-svc={tools.plugin}",
            f"--cpp_out={out}", f"--cpp-svc_out={out}"] + files


def check_tree(tools, tree, case, work):
    """Runs one tree. Returns (ok, klass, detail, files_compiled)."""
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)
    for group in ([case["external"]] if case["external"] else []) + [case["generate"]]:
        code, text = run(protoc_cmd(tools, tree, out, group))
        if code != 0:
            if "Plugin killed by signal" in text:
                return False, signature(text), text, 0
            if "--cpp-svc_out:" in text or "protoc-gen-cpp-svc" in text:
                return False, rejection_signature(text), text, 0
            return False, "generator: protoc rejected the tree", text, 0
    # protobuf 3.21 writes `namespace private`; users run the project's fix-up.
    pb = glob.glob(os.path.join(out, "**", "*.pb.h"), recursive=True) + \
        glob.glob(os.path.join(out, "**", "*.pb.cc"), recursive=True)
    if pb:
        code, text = run([tools.cmake, "-DKEYWORDS=private", "-DFILES=" + "|".join(pb),
                          "-P", os.path.join(REPO, "cmake", "CppSvcFixKeywordNamespaces.cmake")])
        if code != 0:
            return False, "runner: keyword fix-up failed", text, 0
    sources = sorted(p for p in glob.glob(os.path.join(out, "**", "*.cc"), recursive=True)
                     if tools.all_cc or not p.endswith(".pb.cc"))
    headers = sorted(p for p in glob.glob(os.path.join(out, "**", "*.h"), recursive=True)
                     if not p.endswith(".pb.h"))
    if not sources:
        return False, "no .cc written by the plugin", "", 0
    # Every header of the run in one translation unit: names of different
    # packages and files must not clash when a program uses them together.
    unity = os.path.join(work, "all_headers.cc")
    with open(unity, "w", encoding="utf-8") as f:
        for h in headers:
            f.write(f'#include "{os.path.relpath(h, out)}"\n')
    compiled = 0
    for cxx in tools.cxx:
        for source in sources + [unity]:
            cmd = [cxx, "-std=c++17", "-Wall", "-Wextra", "-Werror", "-fsyntax-only",
                   f"-I{out}"] + [f"-I{i}" for i in tools.includes] + [source]
            code, text = run(cmd)
            compiled += 1
            if code != 0:
                return False, signature(text), f"$ {' '.join(cmd)}\n{text}", compiled
    return True, None, "", compiled


def repro_command(args, seed=None, case_dir=None):
    base = [os.path.relpath(__file__, REPO), "--plugin", args.plugin, "--gen-dir", args.gen_dir]
    if case_dir:
        return " ".join(base + ["--case", case_dir])
    return " ".join(base + ["--seeds", str(seed), "--size", args.size,
                            "--features", ",".join(sorted(args.feature_set)) or "none"])


def one_seed(args, tools, seed):
    work = tempfile.mkdtemp(prefix=f"gen-{seed}-", dir=args.work)
    tree = os.path.join(work, "tree")
    try:
        case = gentree.generate_tree(seed, tree, args.size, args.feature_set)
        ok, klass, detail, compiled = check_tree(tools, tree, case, work)
        kept = None
        if not ok and args.keep:
            kept = os.path.join(args.keep, str(seed))
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(tree, kept)
            with open(os.path.join(kept, "failure.txt"), "w", encoding="utf-8") as f:
                f.write(f"{klass}\n\n{detail[:20000]}")
        return seed, ok, klass, detail, compiled, kept, len(case["generate"])
    finally:
        if not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)


def run_case(args, tools, case_dir):
    """A kept tree: it must pass, or, while its class is a known failure, still fail."""
    with open(os.path.join(case_dir, "case.json"), encoding="utf-8") as f:
        case = json.load(f)
    klass = case.get("class")
    known = known_failures()
    expect_fail = klass in known
    work = tempfile.mkdtemp(prefix="gen-case-", dir=args.work)
    try:
        ok, sig, detail, compiled = check_tree(tools, case_dir, case, work)
    finally:
        if not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)
    name = os.path.basename(os.path.normpath(case_dir))
    # A tree the plugin must refuse, with exactly this located diagnostic (two
    # proto names that can only become one C++ name, say).
    rejection = case.get("expect_rejection")
    if rejection is not None:
        refused = not ok and rejection in detail
        print(f"case {name}: class {klass or '-'}, "
              f"{'rejected as expected' if refused else 'NOT rejected as expected: ' + rejection}")
        if not refused:
            print(detail[-6000:])
        return 0 if refused else 1
    print(f"case {name}: class {klass or '-'}, {compiled} files compiled, "
          f"{'passes' if ok else 'fails: ' + sig}")
    if expect_fail and ok:
        print(f"  FIXED: {klass} now passes; delete the line `{klass}` from "
              f"{os.path.relpath(KNOWN_FAILURES, REPO)} so CI generates it and expects success")
        return 1
    if expect_fail:
        print(f"  still a known failure ({known[klass]}); expected, as listed in "
              f"{os.path.relpath(KNOWN_FAILURES, REPO)}")
        return 0
    if not ok:
        print(detail[-6000:])
        return 1
    return 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n", 1)[1])
    default_build = os.path.join(REPO, "build")
    parser.add_argument("--plugin", default=os.path.join(default_build, "protoc-gen-cpp-svc"))
    parser.add_argument("--gen-dir", default=os.path.join(default_build, "gen"),
                        help="the build's generated runtime protos (gen/svc/annotations.pb.h)")
    parser.add_argument("--protoc", default=shutil.which("protoc") or "protoc")
    parser.add_argument("--cmake", default=shutil.which("cmake") or "cmake")
    parser.add_argument("--cxx", default="g++")
    parser.add_argument("--clang", action="store_true", help="also compile with clang++")
    parser.add_argument("--all-cc", action="store_true",
                        help="also compile protoc's own .pb.cc files")
    parser.add_argument("--seeds", help="comma-separated seeds")
    parser.add_argument("--trees", type=int, help="number of consecutive seeds from --seed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fresh", type=int, help="this many random seeds (printed)")
    parser.add_argument("--case", action="append", default=[],
                        help="a kept tree directory (with case.json); repeatable")
    parser.add_argument("--size", default="small", choices=sorted(gentree.SIZES))
    parser.add_argument("--features", default="ci")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--minutes", type=float,
                        help="start no new tree after this many minutes (campaigns)")
    parser.add_argument("--keep", help="copy failing trees to KEEP/<seed>/")
    parser.add_argument("--keep-work", action="store_true", help="do not delete work dirs")
    parser.add_argument("--work", default=None, help="where work dirs go (default: $TMPDIR)")
    args = parser.parse_args(argv)
    args.feature_set = resolve_features(args.features)
    tools = Tools(args)
    for path in (args.plugin, os.path.join(args.gen_dir, "gen", "svc", "annotations.pb.h")):
        if not os.path.exists(path):
            print(f"missing {path}: build the plugin first (scripts/build.sh or "
                  f"cmake --build build --target protoc-gen-cpp-svc)", file=sys.stderr)
            return 2

    if args.case:
        return max(run_case(args, tools, c) for c in args.case)

    if args.seeds:
        seeds = [int(s) for s in args.seeds.split(",") if s]
    elif args.trees:
        seeds = list(range(args.seed, args.seed + args.trees))
    elif args.fresh:
        seeds = [random.SystemRandom().randrange(1, 2**31) for _ in range(args.fresh)]
        print(f"fresh seeds: {','.join(map(str, seeds))}")
    else:
        parser.error("give --seeds, --trees, --fresh or --case")

    print(f"features: {','.join(sorted(args.feature_set))}; size {args.size}; "
          f"{len(seeds)} trees; jobs {args.jobs}", flush=True)
    start = time.time()
    failures = {}
    compiled_total = 0
    protos_total = 0
    deadline = start + args.minutes * 60 if args.minutes else None

    def results():
        """Trees in seed order; with --minutes, no new tree starts after the deadline."""
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            pending = []
            queue = list(seeds)
            while queue or pending:
                while queue and len(pending) < max(1, args.jobs) and \
                        (deadline is None or time.time() < deadline):
                    seed = queue.pop(0)
                    pending.append(pool.submit(one_seed, args, tools, seed))
                if not pending:
                    break
                yield pending.pop(0).result()

    ran = 0
    for seed, ok, klass, detail, compiled, kept, protos in results():
        ran += 1
        compiled_total += compiled
        protos_total += protos
        if ok:
            continue
        failures.setdefault(klass, []).append(seed)
        print(f"FAIL seed {seed}: {klass}\n  reproduce: {repro_command(args, seed)}"
              + (f"\n  kept: {kept}" if kept else ""), flush=True)
        tail = [l for l in detail.splitlines() if "error" in l or "Plugin" in l or
                re.match(r"^[^ ]+\.proto:\d+", l)][:4]
        for line in tail:
            print("    " + line[:300])
    elapsed = time.time() - start
    failed = sum(len(v) for v in failures.values())
    print(f"summary: {ran} trees, {protos_total} proto files, {compiled_total} files "
          f"compiled, {failed} failures, {elapsed:.0f} s")
    for klass, seeds_ in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(seeds_):4}  {klass}  (seeds {','.join(map(str, seeds_[:8]))}"
              f"{' …' if len(seeds_) > 8 else ''})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
