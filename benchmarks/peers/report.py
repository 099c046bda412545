#!/usr/bin/env python3
"""Helpers for run.sh: machine probe and the Markdown report.

    python report.py probe                       background CPU use over 3 s (other processes), load average
    python report.py table --log-dir build/run --out results/X.md [--input ...] [--rows N] ...

The logs are the RESULT / COMPILE / SUM lines printed by outliers_numba.py, outliers.c, sum.c and
sum_peers.py (one file per implementation and mode, see run.sh).
"""

import argparse
import glob
import os
import platform
import re
import subprocess
import sys
import time

ORDER = ["numba-serial", "numba-parallel", "numba-blocked", "numba-blocked-parallel", "c-scalar", "c-scalar-omp", "c-blocked", "c-blocked-omp", "c-vecext",
         "c-vecext-omp"]
DESCRIPTION = {
    "numba-serial": "Numba `@njit`, naive loop nest",
    "numba-parallel": "Numba `@njit(parallel=True)`, `prange` over stations",
    "numba-blocked": "Numba `@njit`, 32 windows per block as in C (plain lane loops)",
    "numba-blocked-parallel": "Numba blocked, `prange` over stations",
    "c-scalar": "C, naive loop nest (gcc -O3 -march=native -ffp-contract=off)",
    "c-scalar-omp": "C, naive loop nest, OpenMP over stations (dynamic)",
    "c-blocked": "C, 32 windows per block, plain loops auto-vectorised",
    "c-blocked-omp": "C, blocked, OpenMP over stations (dynamic)",
    "c-vecext": "C, 32 windows per block, GCC vector extensions (4 x 8 doubles)",
    "c-vecext-omp": "C, vector extensions, OpenMP over stations (dynamic)",
}
SUM_ORDER = ["c-strict", "c-fastmath", "numba-njit", "numba-fastmath", "numpy-sum", "numba-dispatch"]


def cpu_times():
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    vals = [int(x) for x in parts]
    idle = vals[3] + (vals[4] if len(vals) > 4 else 0)
    return sum(vals[:8]), idle


def probe(seconds=3.0):
    t0, i0 = cpu_times()
    time.sleep(seconds)
    t1, i1 = cpu_times()
    busy = 1.0 - (i1 - i0) / max(1, t1 - t0)
    load = open("/proc/loadavg").read().split()[:3]
    return busy, load


def parse(path):
    out = []
    for line in open(path):
        m = re.match(r"(RESULT|COMPILE|SUM) (.*)", line.strip())
        if m:
            d = dict(kv.split("=", 1) for kv in m.group(2).split())
            d["kind"] = m.group(1)
            out.append(d)
    return out


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def table(a):
    logs = sorted(glob.glob(os.path.join(a.log_dir, "*.log")))
    results = {}  # (mode, impl) -> dict
    compiles = {}
    sums = {}
    for p in logs:
        mode = os.path.basename(p).split("__")[0]
        for d in parse(p):
            if d["kind"] == "RESULT":
                results[(mode, d["impl"])] = d
            elif d["kind"] == "COMPILE":
                compiles.setdefault(d["impl"], []).append(float(d["first_call_s"]))
            elif d["kind"] == "SUM":
                sums[(d["impl"], int(d["n"]))] = d
    modes = [m for m in ("default", "exclude") if any(k[0] == m for k in results)]
    impls = [i for i in ORDER if any((m, i) in results for m in modes)]
    rows = next(iter(results.values()))["rows"] if results else "?"
    counts = {m: sorted({results[(m, i)]["outliers"] for i in impls if (m, i) in results}) for m in modes}

    L = []
    L.append("# Peer benchmark: weather outliers and double sum (Numba, C)")
    L.append("")
    L.append("- date (UTC): %s" % time.strftime("%Y-%m-%d %H:%M", time.gmtime()))
    L.append("- machine: %s, %s logical CPUs, %s" % (a.cpu or platform.processor(), os.cpu_count(), platform.platform()))
    L.append("- toolchain: %s; Python %s; %s" % (sh("gcc --version | head -1"), platform.python_version(), a.versions))
    L.append("- input: %s; %s rows, %s stations; window %s, threshold %s" % (a.input, rows, a.stations, a.window, a.threshold))
    L.append("- protocol: columns loaded before timing; 1 warm-up; median of %s timed runs of the compute phase "
             "(station boundaries, fill-forward, rolling mean/std, outlier flags); rows/s = rows / median" % a.runs)
    L.append("- threads for the parallel versions: %s (OMP_NUM_THREADS / NUMBA_NUM_THREADS)" % a.threads)
    L.append("- other processes' CPU use while idle, before / after the run: %s / %s; load average before / after: %s / %s"
             % (a.busy_before, a.busy_after, a.load_before, a.load_after))
    for m in modes:
        c = counts[m]
        L.append("- outliers (%s mode): %s, identical outlier CSV from every implementation: %s" % (
            m, ", ".join(c), "yes" if a.identical.get(m) == "yes" else "NO"))
    L.append("")
    head = "| implementation | threads |"
    sep = "|---|---:|"
    for m in modes:
        label = "last point in window" if m == "default" else "--exclude-point"
        head += " %s: median ms | best ms | CPU ms | M rows/s (median) | vs numba-serial |" % label
        sep += "---:|---:|---:|---:|---:|"
    L.append(head)
    L.append(sep)
    for i in impls:
        any_r = next(results[(m, i)] for m in modes if (m, i) in results)
        line = "| %s (`%s`) | %s |" % (DESCRIPTION.get(i, i), i, any_r.get("threads", "?"))
        for m in modes:
            r = results.get((m, i))
            base = results.get((m, "numba-serial"))
            if r:
                rate = float(r["rows_per_s"]) / 1e6
                rel = float(base["median_s"]) / float(r["median_s"]) if base else float("nan")
                line += " %.1f | %.1f | %.1f | %.1f | %.2fx |" % (float(r["median_s"]) * 1e3, float(r["min_s"]) * 1e3,
                                                            float(r.get("cpu_s", "nan")) * 1e3, rate, rel)
            else:
                line += " - | - | - | - | - |"
        L.append(line)
    L.append("")
    L.append("median ms: median wall time of the timed runs (the protocol); best ms: fastest run; CPU ms: median "
             "CPU time of the process during a run, all threads added (for a serial version, about the wall time "
             "it would take without other processes on the cores; for a parallel one, the work summed over threads).")
    L.append("")
    if compiles:
        L.append("Numba first-call time (compile on a tiny input, fresh process, no cache), seconds:")
        L.append("")
        L.append("| function | first call s (each run) |")
        L.append("|---|---|")
        for k in sorted(compiles):
            L.append("| `%s` | %s |" % (k, ", ".join("%.2f" % x for x in compiles[k])))
        L.append("")
    if sums:
        sizes = sorted({n for _, n in sums})
        L.append("Double-array sum, time per call in ns (median of %s batches; from Python for Numba and numpy, "
                 "so their call overhead is included; `numba-dispatch` is an empty `@njit` call):" % a.runs)
        L.append("")
        impls_s = [i for i in SUM_ORDER if any(k[0] == i for k in sums)]
        L.append("| elements | " + " | ".join("`%s`" % i for i in impls_s) + " |")
        L.append("|---:|" + "---:|" * len(impls_s))
        for n in sizes:
            L.append("| %d | " % n + " | ".join(("%.0f" % float(sums[(i, n)]["median_ns"])) if (i, n) in sums else "-"
                                                for i in impls_s) + " |")
        L.append("")
        L.append("Sums (strict versions must agree bit for bit): " + "; ".join(
            "n=%d: %s" % (n, ", ".join("%s=%s" % (i, sums[(i, n)]["result"]) for i in impls_s
                                       if (i, n) in sums and i != "numba-dispatch")) for n in sizes))
        L.append("")
    text = "\n".join(L) + "\n"
    if a.out:
        os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
        with open(a.out, "w") as f:
            f.write(text)
    sys.stdout.write(text)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("probe")
    t = sub.add_parser("table")
    t.add_argument("--log-dir", required=True)
    t.add_argument("--out")
    for k in ("input", "stations", "window", "threshold", "runs", "threads", "busy-before", "busy-after",
              "load-before", "load-after", "versions", "cpu"):
        t.add_argument("--" + k, default="?")
    t.add_argument("--identical", action="append", default=[], help="MODE=yes|no")
    a = ap.parse_args()
    if a.cmd == "probe":
        busy, load = probe()
        print("%.0f%% %s" % (busy * 100, "/".join(load)))
    else:
        a.identical = dict(x.split("=", 1) for x in a.identical)
        table(a)


if __name__ == "__main__":
    main()
