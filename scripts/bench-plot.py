#!/usr/bin/env python3
"""Plots the plugin's time and peak memory against tree size, with gnuplot.

    scripts/bench-plot.py [JSON] [--out PNG]

reads cppsvc_plugin_bench's Google Benchmark JSON (default
bench-results/cppsvc_plugin_bench.json, written by scripts/bench.sh; run with
CPPSVC_BENCH_LARGE=1 for 16 and 32 domains) and draws, against the number of
domains in the synthetic tree, (left) the plugin's CPU time per run with a
least-squares line, and protoc --cpp_out's on the same tree as the reference
(right axis, at 10x the scale), and (right) the peak RSS of both and the
plugin's response size. CPU time, not wall: it is what other load on a shared
machine disturbs least. Writes docs/benchmarks/plugin-scaling.png (or PNG). Needs gnuplot
(Debian package gnuplot-nox, installed by scripts/setup.sh); Python 3
standard library only.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
summary = __import__("bench-summary")

COLUMNS = ["domains", "plugin_cpu", "plugin_wall", "protoc_cpu", "protoc_wall",
           "plugin_rss", "protoc_rss", "plugin_response", "protoc_output"]


def rows(path):
    """One row per tree size: the COLUMNS above (ms and MB)."""
    benchmarks = summary.load_file(path)["benchmarks"]
    sizes = sorted(int(m.group(1)) for m in
                   (re.match(r"BM_PluginSyntheticTree/domains:(\d+)$", n) for n in benchmarks)
                   if m)
    out = []
    for n in sizes:
        plugin = benchmarks[f"BM_PluginSyntheticTree/domains:{n}"]
        protoc = benchmarks.get(f"BM_BaselineProtocCppOut/domains:{n}")
        if protoc is None:
            continue
        out.append([n, plugin["cpu_ms"], plugin["wall"] * 1e3, protoc["cpu_ms"],
                    protoc["wall"] * 1e3, plugin["peak_rss_mb"], protoc["peak_rss_mb"],
                    plugin["response_mb"], protoc["response_mb"]])
    return out


def linear_fit(xs, ys):
    """Least squares y = a + b x."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return my - b * mx, b


GNUPLOT = """\
set terminal pngcairo size 1200,520 font "DejaVu Sans,11" noenhanced
set output "{png}"
set multiplot layout 1,2 title "protoc-gen-cpp-svc on synthetic trees (4 files, about 88 messages a domain): one run, medians" font ",12"
set grid
set key top left opaque box
set xlabel "tree size (domains)"
set xrange [0:*]
set xtics ({xtics}) nomirror

set title "CPU time per run (user + sys)"
set ylabel "plugin (ms)"
set y2label "protoc --cpp_out (ms)"
set ytics nomirror
set y2tics
set yrange [0:{ymax}]
set y2range [0:{ymax} * 10]
fit(x) = {a} + {b} * x
plot "{data}" using 1:4 axes x1y2 with linespoints lw 2 pt 7 lc rgb "#888888" title "protoc --cpp_out (right axis)", \\
     "{data}" using 1:2 with points pt 7 ps 1.3 lc rgb "#1f5fbf" title "plugin", \\
     fit(x) with lines lw 2 lc rgb "#1f5fbf" title sprintf("fit: %.1f + %.1f ms per domain", {a}, {b})

set title "peak RSS per run"
set ylabel "MB"
unset y2label
unset y2tics
set ytics mirror
set yrange [0:*]
plot "{data}" using 1:7 with linespoints lw 2 pt 7 lc rgb "#888888" title "protoc --cpp_out (reference)", \\
     "{data}" using 1:6 with linespoints lw 2 pt 7 lc rgb "#c0392b" title "plugin", \\
     "{data}" using 1:8 with linespoints lw 1 pt 6 dt 2 lc rgb "#c0392b" title "plugin's response size"
unset multiplot
"""


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", nargs="?", default="bench-results/cppsvc_plugin_bench.json")
    parser.add_argument("--out", default="docs/benchmarks/plugin-scaling.png")
    args = parser.parse_args(argv)
    data_rows = rows(args.json)
    if len(data_rows) < 2:
        sys.exit(f"bench-plot: {args.json} has fewer than two tree sizes with both benchmarks")
    a, b = linear_fit([r[0] for r in data_rows], [r[1] for r in data_rows])
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".dat", delete=False) as data:
        data.write("# " + " ".join(COLUMNS) + "\n")
        for r in data_rows:
            data.write(" ".join(f"{x:g}" for x in r) + "\n")
    try:
        ymax = 1.15 * max(max(r[1] for r in data_rows), max(r[3] for r in data_rows) / 10)
        script = GNUPLOT.format(png=args.out, data=data.name, a=f"{a:.3f}", b=f"{b:.3f}",
                                ymax=f"{ymax:.1f}",
                                xtics=", ".join(str(r[0]) for r in data_rows))
        subprocess.run(["gnuplot"], input=script, text=True, check=True)
    except FileNotFoundError:
        sys.exit("bench-plot: gnuplot is missing; run scripts/setup.sh (package gnuplot-nox)")
    finally:
        os.unlink(data.name)
    print(f"bench-plot: wrote {args.out} ({len(data_rows)} sizes; plugin CPU ≈ {a:.1f} + "
          f"{b:.1f} ms per domain)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
