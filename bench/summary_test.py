#!/usr/bin/env python3
"""Tests scripts/bench-summary.py and scripts/bench-plot.py on Google
Benchmark JSON written here: ratios against the same run's baseline, medians
over means, targets met and missed, --compare flagging a ratio that grew by
more than 10% and not one that grew less, empty files (filtered-out binaries)
skipped, and the plot drawn by gnuplot as a PNG.

    python3 bench/summary_test.py <repository root>
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")


def entry(name, cpu_ns, real_ns=None, unit="ns", aggregate=None, **counters):
    e = {"name": name + (f"_{aggregate}" if aggregate else ""), "run_name": name,
         "run_type": "aggregate" if aggregate else "iteration", "iterations": 10,
         "real_time": real_ns if real_ns is not None else cpu_ns, "cpu_time": cpu_ns,
         "time_unit": unit}
    if aggregate:
        e["aggregate_name"] = aggregate
    e.update(counters)
    return e


def write(directory, binary, entries):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, binary + ".json"), "w") as f:
        json.dump({"context": {"date": "d", "host_name": "h", "num_cpus": 2},
                   "benchmarks": entries}, f)


def run_core(directory, chain_ns):
    """cppsvc_bench with repetitions: the medians must be used, not the means."""
    entries = []
    for name, ns in (("BM_BaselineCopyFromV1Create", 100),
                     ("BM_ValidateCreateInvalidWithText", 200),
                     ("BM_BaselineCallImplementationDirectly", 100),
                     ("BM_CallV1CreateThroughChain", chain_ns)):
        entries.append(entry(name, ns * 3, aggregate="mean", **{"allocs/op": 7}))
        entries.append(entry(name, ns, aggregate="median", **{"allocs/op": 7}))
    write(directory, "cppsvc_bench", entries)


def run_plugin(directory, rss):
    entries = [entry("BM_PluginEmptyRequest/manual_time", 0.1, 3.0, "ms", cpu_ms=1.5,
                     peak_rss_mb=7, response_mb=0),
               entry("BM_BaselineSpawnTrue/manual_time", 0.1, 1.0, "ms", cpu_ms=1.0,
                     peak_rss_mb=7, response_mb=0)]
    for n in (1, 2, 4):
        entries.append(entry(f"BM_PluginSyntheticTree/domains:{n}/manual_time", 0.1, 40.0 * n,
                             "ms", cpu_ms=10.0 * n, peak_rss_mb=rss * n, response_mb=1.0 * n))
        entries.append(entry(f"BM_BaselineProtocCppOut/domains:{n}/manual_time", 0.1, 400.0 * n,
                             "ms", cpu_ms=100.0 * n, peak_rss_mb=20.0 * n, response_mb=5.0 * n))
    write(directory, "cppsvc_plugin_bench", entries)


def summary(*args):
    result = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench-summary.py"),
                             *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(result.stderr)
    return result.stdout


def row(text, label):
    for line in text.splitlines():
        if line.startswith(f"| {label} |"):
            return [cell.strip() for cell in line.strip("|").split("|")]
    raise AssertionError(f"no row {label!r} in:\n{text}")


class SummaryTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.old = os.path.join(self.tmp.name, "old")
        self.new = os.path.join(self.tmp.name, "new")
        run_core(self.old, chain_ns=200)
        run_plugin(self.old, rss=3.0)
        run_core(self.new, chain_ns=300)   # ratio 2.0 -> 3.0: +50%
        run_plugin(self.new, rss=3.15)     # RSS/response 3.0 -> 3.15: +5%
        # A binary whose benchmarks were all filtered out leaves an empty file.
        open(os.path.join(self.new, "cppsvc_events_bench.json"), "w").close()

    def tearDown(self):
        self.tmp.cleanup()

    def test_ratios_medians_and_targets(self):
        text = summary(self.new)
        chain = row(text, "whole v1 Create through the chain")
        self.assertEqual(chain[1], "300 ns, 7 allocs")  # the median, not the mean (900)
        self.assertEqual(chain[3], "3.00×")
        self.assertEqual(chain[4], "≤ 2.5× (missed)")
        text_row = row(text, "validate, invalid request, with its text")
        self.assertEqual(text_row[3], "2.00×")
        self.assertEqual(text_row[4], "≤ 150 ns (missed)")
        startup = row(text, "start-up (empty request), CPU")
        self.assertEqual(startup[1], "1.5 ms")
        self.assertEqual(startup[3], "1.50×")
        self.assertEqual(startup[4], "≤ 2 ms (met)")
        self.assertEqual(row(text, "4 domains: CPU")[3], "0.10×")
        self.assertEqual(row(text, "2 domains: wall")[1], "80.0 ms")
        self.assertNotIn("77-byte", text)  # the empty events file is skipped
        with open(os.path.join(self.new, "summary.md")) as f:
            self.assertIn("| whole v1 Create through the chain | 300 ns", f.read())

    def test_compare_flags_ratio_regressions_over_ten_percent(self):
        text = summary(self.new, "--compare", self.old)
        compare = text[text.index("Against"):]
        chain = row(compare, "whole v1 Create through the chain")
        self.assertEqual(chain[1:7], ["200 ns", "300 ns", "+50.0%", "2.00×", "3.00×", "+50.0%"])
        self.assertEqual(chain[7], "**regression**")
        rss = row(compare, "4 domains: peak RSS / response size")
        self.assertEqual(rss[6], "+5.0%")
        self.assertEqual(rss[7], "")
        self.assertIn("1 regression(s)", compare)
        self.assertTrue(os.path.exists(os.path.join(self.new, "compare.md")))

    def test_plot_is_drawn(self):
        png = os.path.join(self.tmp.name, "plot.png")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench-plot.py"),
                        os.path.join(self.new, "cppsvc_plugin_bench.json"), "--out", png],
                       check=True, capture_output=True)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertGreater(os.path.getsize(png), 10000)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
