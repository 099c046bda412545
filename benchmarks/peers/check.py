#!/usr/bin/env python3
"""Correctness suite: every implementation against the plain-Python oracle (reference.py), byte for byte.

    python check.py --build-dir build

Inputs: a small generated file alone, then three files together: a hand-made one that continues the first
station of the first file (one-decimal values, spikes, NaN runs) given first, plus two generated ones; the
concatenation is unordered, so the loader's sort path is exercised. Parameters: the defaults in both modes, short windows (5, 2, 1: short
stations, leading NaN and NaN runs matter more) and low thresholds (many outliers). Each case compares the
CSV of reference.py, Numba serial and parallel, and every C variant. Ends with 'check: N passed, N failed'.
"""

import argparse
import os
import subprocess
import sys

import numpy as np

import common
import gen_data
import outliers_numba
import reference

CASES = [(84, 9.0, False), (84, 9.0, True), (5, 1.5, False), (5, 3.0, True), (2, 0.5, True), (1, 9.0, False),
         (1, 9.0, True), (84, 2.5, False)]
C_VARIANTS = [(b, v) for b in ("outliers", "outliers_omp") for v in ("scalar", "blocked", "vecext")]


def ensure(path, rows, seed):
    if not os.path.exists(path):
        import h5py
        st, ts, va = gen_data.generate(rows, seed)
        with h5py.File(path, "w") as f:
            f.create_dataset("station_usaf", data=st)
            f.create_dataset("timestamp", data=ts)
            f.create_dataset("wind_speed_rate", data=va)
    return path


def ensure_continuation(path, first_file):
    """A file continuing the first station of `first_file` (later timestamps, one-decimal values, spikes,
    leading and inner NaN runs), so that concatenation needs the sort and joins the two parts of a series."""
    if not os.path.exists(path):
        import h5py
        with h5py.File(first_file, "r") as f:
            st = f["station_usaf"][...]
            ts = f["timestamp"][...]
        sid = st[0]
        t_end = ts[st == sid].max()
        rng = np.random.default_rng(3)
        n = 3000
        v = np.round(rng.normal(5.0, 0.4, n), 1)
        v[rng.random(n) < 0.01] += 9.7
        v[:3] = np.nan
        v[500:520] = np.nan
        v[rng.random(n) < 0.01] = np.nan
        v[1000:1200] = 0.0
        v[1200] = 0.1
        with h5py.File(path, "w") as f:
            f.create_dataset("station_usaf", data=np.full(n, sid, dtype=np.int64))
            f.create_dataset("timestamp", data=t_end + 1800.0 * np.arange(1, n + 1))
            f.create_dataset("wind_speed_rate", data=v)
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", default="build")
    a = ap.parse_args()
    b = a.build_dir
    fa = ensure(os.path.join(b, "check-a.h5"), 40_000, 7)
    fb = ensure(os.path.join(b, "check-b.h5"), 25_000, 8)
    fc = ensure_continuation(os.path.join(b, "check-c.h5"), fa)
    passed = failed = 0
    for tag, inputs in (("a", [fa]), ("cab", [fc, fa, fb])):
        st, ts, va = common.load_h5(inputs)
        cols = os.path.join(b, "check-cols-" + tag)
        subprocess.run([sys.executable, "dump_columns.py", "--input", *inputs, "--out-dir", cols], check=True,
                       stdout=subprocess.DEVNULL)
        x = np.empty(len(va))
        for n, t, ex in CASES:
            name = "%s-n%d-t%g%s" % (tag, n, t, "-x" if ex else "")
            outs = {}
            ref = os.path.join(b, "check-%s-reference.csv" % name)
            cnt = common.write_csv(ref, st, ts, va, reference.detect(st, va, n, t, ex))
            outs["reference"] = ref
            for mode, kernel in outliers_numba.KERNELS.items():
                flags = np.ones(len(va), dtype=np.uint8)
                kernel(st, va, n, t, ex, x, flags)
                p = os.path.join(b, "check-%s-numba-%s.csv" % (name, mode))
                common.write_csv(p, st, ts, va, flags)
                outs["numba-" + mode] = p
            for binary, var in C_VARIANTS:
                p = os.path.join(b, "check-%s-%s-%s.csv" % (name, binary, var))
                cmd = [os.path.join(b, binary), cols, "--variant", var, "--window", str(n), "--threshold", repr(t),
                       "--runs", "1", "--warmup", "0", "--out", p] + (["--exclude-point"] if ex else [])
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
                outs["%s-%s" % (binary, var)] = p
            want = open(ref, "rb").read()
            bad = [k for k, p in outs.items() if open(p, "rb").read() != want]
            if bad:
                failed += 1
                print("check %-18s rows=%d outliers=%d FAILED: %s differ from reference" % (name, len(va), cnt, bad))
            else:
                passed += 1
                print("check %-18s rows=%d outliers=%d ok (%d implementations identical)" % (name, len(va), cnt, len(outs)))
    print("check: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
