#!/usr/bin/env python3
"""Double-array sum in Python: @njit (strict order), @njit(fastmath=True) and numpy.sum.

    python sum_peers.py [--runs 5] [SIZE ...]      default sizes 1024 65536 4194304

Same data and protocol as sum.c: a[i] = ((i * 7919) % 1000) / 7.0; per size one warm-up batch, then --runs
timed batches of R calls (R chosen so that a batch sums about 64M elements); time per call = batch time / R;
median reported. The time is per call from Python, so it includes Numba's dispatch cost (about the cost of
an empty @njit call, reported as numba-dispatch) and numpy's call overhead. numpy.sum uses pairwise
summation: its result differs from the strict loop in the last bits.
"""

import argparse
import time

import numpy as np
from numba import njit

import common


@njit
def sum_strict(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit(fastmath=True)
def sum_fast(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit
def empty(a):
    return 0.0


def bench(fn, a, runs):
    n = a.shape[0]
    reps = max(1, (64 << 20) // n)
    times = []
    r = 0.0
    for k in range(runs + 1):  # k == 0: warm-up
        t0 = time.perf_counter()
        for _ in range(reps):
            r = fn(a)
        per = (time.perf_counter() - t0) / reps
        if k:
            times.append(per)
    return common.median(times), min(times), reps, float(r)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("sizes", nargs="*", type=int)
    a = ap.parse_args()
    sizes = a.sizes or [1024, 65536, 4194304]
    for name, fn in (("numba-njit", sum_strict), ("numba-fastmath", sum_fast), ("numba-dispatch", empty)):
        t0 = time.perf_counter()
        fn(np.zeros(4))
        print("COMPILE impl=sum-%s first_call_s=%.3f" % (name, time.perf_counter() - t0), flush=True)
    for n in sizes:
        arr = ((np.arange(n, dtype=np.int64) * 7919) % 1000).astype(np.float64) / 7.0
        for name, fn in (("numba-njit", sum_strict), ("numba-fastmath", sum_fast), ("numpy-sum", np.sum),
                         ("numba-dispatch", empty)):
            med, mn, reps, r = bench(fn, arr, a.runs)
            print("SUM impl=%s n=%d median_ns=%.1f min_ns=%.1f calls_per_run=%d result=%.17g" % (
                name, n, med * 1e9, mn * 1e9, reps, r), flush=True)


if __name__ == "__main__":
    main()
