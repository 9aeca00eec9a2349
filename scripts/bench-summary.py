#!/usr/bin/env python3
"""Summarises a benchmark run: each figure against its baseline from the same run.

    scripts/bench-summary.py [DIR] [--compare OLD_DIR] [--out FILE]

reads the Google Benchmark JSON files scripts/bench.sh wrote into DIR
(default bench-results/: cppsvc_bench.json, cppsvc_events_bench.json,
cppsvc_plugin_bench.json), prints a Markdown table of the figures, their
baselines, the ratios and the targets, and writes it to DIR/summary.md (or
FILE). With --compare OLD_DIR it also shows each figure and ratio against the
same benchmark in OLD_DIR (a previous run), the change in percent, and flags
a ratio (or, where there is no baseline, a figure) that grew by more than 10%
as a regression; written to DIR/compare.md. Ratios compare two benchmarks of
one run, so they move much less than the figures on a shared machine.

With --benchmark_repetitions the medians are used. Python 3 standard library
only.
"""

import argparse
import json
import os
import re
import statistics
import sys

REGRESSION = 0.10  # a ratio (or figure) this much larger than before is flagged

# Each row: what is measured, the benchmark and metric, the baseline (a
# benchmark and metric of the same run, or None), and the target (a ratio
# "<=2.5x" or an absolute figure "<=150ns" / "<=2ms"), None when there is none.
#   metric: cpu (Google Benchmark's CPU time), wall (its real time; manual
#   time in the plugin bench), or a counter: cpu_ms, peak_rss_mb, response_mb.
# The targets are issue 14's.
CORE = "cppsvc_bench"
EVENTS = "cppsvc_events_bench"
PLUGIN = "cppsvc_plugin_bench"

COPY = (CORE, "BM_BaselineCopyFromV1Create", "cpu")


def core_rows():
    section = "Validators, converters and the chain (the example's v1 CreateRequest; CPU time)"
    return section, [
        ("validate, valid request", (CORE, "BM_ValidateCreateValid", "cpu"), COPY, None),
        ("validate, invalid request (2 violations), structured",
         (CORE, "BM_ValidateCreateInvalid", "cpu"), COPY, None),
        ("validate, invalid request, with its text",
         (CORE, "BM_ValidateCreateInvalidWithText", "cpu"), COPY, "<=150ns"),
        ("convert v1 -> v2 (ToNext)", (CORE, "BM_ConvertV1ToV2Create", "cpu"), COPY, None),
        ("convert v1 -> private (ToPrivate)", (CORE, "BM_ConvertV1ToPrivateCreate", "cpu"), COPY,
         None),
        ("by hand: serialise v1, parse as v2",
         (CORE, "BM_BaselineSerializeParseV1ToV2Create", "cpu"), COPY, None),
        ("convert the response back to v1",
         (CORE, "BM_ConvertCreateResponseBackToV1", "cpu"),
         (CORE, "BM_BaselineCopyFromV1CreateResponse", "cpu"), None),
        ("whole v1 Create through the chain",
         (CORE, "BM_CallV1CreateThroughChain", "cpu"),
         (CORE, "BM_BaselineCallImplementationDirectly", "cpu"), "<=2.5x"),
    ]


def events_rows():
    section = "Event envelopes against the bare payload (CPU time)"
    rows = []
    for arg, size in (("0", "77-byte"), ("1", "~1 KB")):
        target = "<=1.3x" if arg == "0" else None

        def pair(label, bench, base, target=None):
            rows.append((f"{size}: {label}", (EVENTS, f"{bench}/{arg}", "cpu"),
                         (EVENTS, f"{base}/{arg}", "cpu"), target))

        pair("pack + serialise", "BM_SerializeNewEnvelope", "BM_SerializeBarePayload", target)
        pair("parse + unpack, reused event", "BM_ViewUnpackReused", "BM_ParseReusedBarePayload",
             target)
        pair("parse + unpack, new event", "BM_ViewUnpack", "BM_ParseBarePayload")
        pair("generated PackTo (validates) vs validate + serialise",
             "BM_ValidatedSerializeNewEnvelope", "BM_ValidateSerializeBarePayload")
        pair("generated Unpack (validates) vs parse + validate",
             "BM_ValidatedViewUnpackReused", "BM_ParseValidateReusedBarePayload")
        pair("old two-step pack + serialise", "BM_PackSerializeEnvelope",
             "BM_SerializeBarePayload")
    return section, rows


def plugin_rows(sizes):
    section = ("The plugin executable against protoc --cpp_out on the same synthetic tree "
               "(per run of the child process)")
    rows = [
        ("start-up (empty request), CPU", (PLUGIN, "BM_PluginEmptyRequest", "cpu_ms"),
         (PLUGIN, "BM_BaselineSpawnTrue", "cpu_ms"), "<=2ms"),
        ("start-up (empty request), wall", (PLUGIN, "BM_PluginEmptyRequest", "wall"),
         (PLUGIN, "BM_BaselineSpawnTrue", "wall"), None),
        ("people example (3 files), CPU", (PLUGIN, "BM_PluginPeopleExample", "cpu_ms"),
         (PLUGIN, "BM_BaselineProtocCppOutPeopleExample", "cpu_ms"), None),
        ("people example (3 files), wall", (PLUGIN, "BM_PluginPeopleExample", "wall"),
         (PLUGIN, "BM_BaselineProtocCppOutPeopleExample", "wall"), None),
    ]
    for n in sizes:
        plugin = f"BM_PluginSyntheticTree/domains:{n}"
        protoc = f"BM_BaselineProtocCppOut/domains:{n}"
        rows += [
            (f"{n} domains: CPU", (PLUGIN, plugin, "cpu_ms"), (PLUGIN, protoc, "cpu_ms"), None),
            (f"{n} domains: wall", (PLUGIN, plugin, "wall"), (PLUGIN, protoc, "wall"), None),
            (f"{n} domains: peak RSS", (PLUGIN, plugin, "peak_rss_mb"),
             (PLUGIN, protoc, "peak_rss_mb"), None),
            (f"{n} domains: peak RSS / response size", (PLUGIN, plugin, "peak_rss_mb"),
             (PLUGIN, plugin, "response_mb"), "<=2x"),
        ]
    return section, rows


# ---- Reading Google Benchmark's JSON -------------------------------------------

TO_SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def base_name(name):
    """A benchmark's name without the suffixes Google Benchmark adds."""
    return re.sub(r"(/manual_time|/real_time|/process_time)+$", "", name)


def figures(entry):
    """The metrics of one JSON entry, times in seconds."""
    unit = TO_SECONDS[entry.get("time_unit", "ns")]
    values = {"cpu": entry["cpu_time"] * unit, "wall": entry["real_time"] * unit}
    skip = {"name", "run_name", "run_type", "repetitions", "repetition_index", "threads",
            "iterations", "real_time", "cpu_time", "time_unit", "family_index",
            "per_family_instance_index", "aggregate_name", "aggregate_unit", "label",
            "error_occurred", "error_message"}
    for key, value in entry.items():
        if key not in skip and isinstance(value, (int, float)):
            values[key] = float(value)
    return values


def load_file(path):
    """{"benchmarks": {benchmark: {metric: value}}, "context": ...} from one
    JSON file; medians when the run had repetitions."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    iterations, medians = {}, {}
    for entry in data.get("benchmarks", []):
        if entry.get("error_occurred"):
            continue
        name = base_name(entry.get("run_name", entry["name"]))
        if entry.get("run_type") == "aggregate":
            if entry.get("aggregate_name") == "median":
                medians[name] = figures(entry)
        else:
            iterations.setdefault(name, []).append(figures(entry))
    benchmarks = {}
    for name, runs in iterations.items():
        benchmarks[name] = {key: statistics.median(r[key] for r in runs if key in r)
                            for key in runs[0]}
    benchmarks.update(medians)
    return {"benchmarks": benchmarks, "context": data.get("context", {})}


def load_run(directory):
    """{binary: load_file(DIR/binary.json)} for every JSON file in DIR."""
    if not os.path.isdir(directory):
        sys.exit(f"bench-summary: no such directory: {directory}")
    # A binary whose benchmarks all missed --benchmark_filter leaves an empty file.
    return {file[:-len(".json")]: load_file(os.path.join(directory, file))
            for file in sorted(os.listdir(directory))
            if file.endswith(".json") and os.path.getsize(os.path.join(directory, file)) > 0}


def value(run, ref):
    if ref is None:
        return None
    binary, bench, metric = ref
    return run.get(binary, {}).get("benchmarks", {}).get(bench, {}).get(metric)


def allocations(run, ref):
    binary, bench, _ = ref
    return run.get(binary, {}).get("benchmarks", {}).get(bench, {}).get("allocs/op")


def plugin_sizes(*runs):
    sizes = set()
    for run in runs:
        for name in run.get(PLUGIN, {}).get("benchmarks", {}):
            m = re.match(r"BM_PluginSyntheticTree/domains:(\d+)$", name)
            if m:
                sizes.add(int(m.group(1)))
    return sorted(sizes)


# ---- Formatting -------------------------------------------------------------------


def show(metric, v):
    if v is None:
        return "-"
    if metric in ("cpu", "wall"):
        if v < 1e-6:
            return f"{v * 1e9:.0f} ns"
        if v < 1e-3:
            return f"{v * 1e6:.2f} µs"
        if v < 1:
            return f"{v * 1e3:.1f} ms"
        return f"{v:.2f} s"
    if metric == "cpu_ms":
        return f"{v:.1f} ms" if v < 1000 else f"{v / 1000:.2f} s"
    if metric.endswith("_mb"):
        return f"{v:.1f} MB"
    return f"{v:.3g}"


def with_allocations(run, ref, text):
    allocs = allocations(run, ref)
    return text if allocs is None else f"{text}, {allocs:.0f} allocs"


def ratio(run, row):
    _, ref, base, _ = row
    v, b = value(run, ref), value(run, base)
    return v / b if v is not None and b else None


def target_check(run, row):
    """The target and whether this run meets it."""
    _, ref, _, target = row
    if target is None:
        return ""
    m = re.match(r"<=([\d.]+)(x|ns|ms)$", target)
    bound, unit = float(m.group(1)), m.group(2)
    if unit == "x":
        got = ratio(run, row)
    elif unit == "ns":
        got = value(run, ref) and value(run, ref) * 1e9
    else:  # ms, of a cpu_ms counter
        got = value(run, ref)
    shown = target.replace("<=", "≤ ").replace("x", "×").replace("ns", " ns").replace("ms", " ms")
    if got is None:
        return shown
    return f"{shown} ({'met' if got <= bound else 'missed'})"


def table(header, lines):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(line) + " |" for line in lines]
    return out


def summary(run, sections):
    out = []
    for title, rows in sections:
        lines = []
        for row in rows:
            label, ref, base, _ = row
            v = value(run, ref)
            if v is None:
                continue
            r = ratio(run, row)
            base_text = "" if base is None else (
                f"{with_allocations(run, base, show(base[2], value(run, base)))} "
                f"({base[1] if base[1] != ref[1] else base[2]})")
            lines.append([label, with_allocations(run, ref, show(ref[2], v)), base_text,
                          f"{r:.2f}×" if r is not None else "", target_check(run, row)])
        if lines:
            out += [f"### {title}", ""]
            out += table(["work", "figure", "baseline (same run)", "ratio", "target"], lines)
            out.append("")
    return out


def change(new, old):
    if new is None or old is None or old == 0:
        return None
    return new / old - 1


def percent(delta):
    return "" if delta is None else f"{delta * 100:+.1f}%"


def comparison(run, old, sections):
    out, regressions = [], 0
    for title, rows in sections:
        lines = []
        for row in rows:
            label, ref, base, _ = row
            v, v_old = value(run, ref), value(old, ref)
            if v is None and v_old is None:
                continue
            r, r_old = ratio(run, row), ratio(old, row)
            d_value, d_ratio = change(v, v_old), change(r, r_old)
            watched = d_ratio if base is not None else d_value
            flag = ""
            if watched is not None and watched > REGRESSION:
                flag = "**regression**"
                regressions += 1
            elif watched is not None and watched < -REGRESSION:
                flag = "better"
            lines.append([label, show(ref[2], v_old), show(ref[2], v), percent(d_value),
                          "" if r_old is None else f"{r_old:.2f}×",
                          "" if r is None else f"{r:.2f}×", percent(d_ratio), flag])
        if lines:
            out += [f"### {title}", ""]
            out += table(["work", "before", "now", "change", "ratio before", "ratio now",
                          "ratio change", ""], lines)
            out.append("")
    out.append(f"{regressions} regression(s) over {REGRESSION * 100:.0f}% "
               "(ratios where there is a baseline, else figures).")
    return out, regressions


def context_line(run):
    for binary in (PLUGIN, CORE, EVENTS):
        context = run.get(binary, {}).get("context")
        if context:
            load = context.get("load_avg")
            load_text = (", load " + " ".join(f"{x:.1f}" for x in load)) if load else ""
            return (f"Run of {context.get('date', '?')} on {context.get('host_name', '?')}: "
                    f"{context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz"
                    f"{load_text}.")
    return ""


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default="bench-results",
                        help="directory of the run's JSON files (default bench-results)")
    parser.add_argument("--compare", metavar="OLD_DIR",
                        help="a previous run's directory to compare with")
    parser.add_argument("--out", help="where to write the table (default DIR/summary.md)")
    args = parser.parse_args(argv)

    run = load_run(args.dir)
    if not run:
        sys.exit(f"bench-summary: no JSON files in {args.dir}")
    old = load_run(args.compare) if args.compare else {}
    sections = [core_rows(), events_rows(), plugin_rows(plugin_sizes(run, old))]

    lines = [context_line(run), ""] + summary(run, sections)
    text = "\n".join(lines) + "\n"
    print(text)
    out = args.out or os.path.join(args.dir, "summary.md")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"bench-summary: wrote {out}")

    if args.compare:
        lines, _ = comparison(run, old, sections)
        text = "\n".join([f"Against {args.compare}:", ""] + lines) + "\n"
        print()
        print(text)
        out = os.path.join(args.dir, "compare.md")
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"bench-summary: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
