#!/usr/bin/env python3
"""Weather outlier detection with Numba: @njit (serial) and @njit(parallel=True) with prange over stations.

    python outliers_numba.py --input f.h5 [more.h5 ...] --mode MODE [--exclude-point]
                             [--window 84] [--threshold 9.0] [--runs 5] [--warmup 1] [--out out.csv]

MODE: serial (the naive loop nest of the specification), parallel (the same, prange over stations),
blocked (32 consecutive windows per block, as the blocked C version; LLVM does not vectorise it here),
blocked-parallel (blocked, prange over stations).

Protocol: the columns are loaded (and checked ordered) before any timing; the first call is made on a tiny
input and reported as COMPILE (first-call time, that is Numba's compile time plus a negligible run); then
--warmup untimed calls and --runs timed calls on the full input; the median is reported. The timed compute
phase is: station boundaries, fill-forward, rolling mean/std, the outlier flags (one byte per row); the
scratch and flag buffers are allocated once before timing (as in the C versions).
fastmath is off: the window sums are evaluated in index order, so the results are bit-identical to the
plain loops of the specification (and to the C versions).
"""

import argparse
import math
import sys
import time

import numpy as np
from numba import njit, prange

import common


@njit(cache=False)
def station_starts(station):
    """Start index of every station run, plus len(station) at the end."""
    rows = station.shape[0]
    k = 1 if rows > 0 else 0
    for i in range(1, rows):
        if station[i] != station[i - 1]:
            k += 1
    starts = np.empty(k + 1, dtype=np.int64)
    starts[0] = 0
    c = 1
    for i in range(1, rows):
        if station[i] != station[i - 1]:
            starts[c] = i
            c += 1
    starts[k] = rows
    return starts


@njit(cache=False)
def detect_station(value, x, flags, s, e, n, t, exclude):
    # fill-forward; leading missing values stay missing (NaN); the flags are cleared on the way
    prev = np.nan
    first = -1
    for i in range(s, e):
        flags[i] = 0
        vi = value[i]
        if vi == vi:
            prev = vi
            if first < 0:
                first = i
        x[i] = prev
    if first < 0:
        return
    # after `first` nothing is missing in x: the complete windows are exactly those starting at >= first
    off = 1 if exclude else 0
    for i in range(first + n - 1 + off, e):
        w0 = i - n + 1 - off
        sm = 0.0
        for j in range(w0, w0 + n):
            sm += x[j]
        mean = sm / n
        q = 0.0
        for j in range(w0, w0 + n):
            d = x[j] - mean
            q += d * d
        std = math.sqrt(q / n)
        vi = value[i]
        if vi == vi and abs(vi - mean) > t * std:
            flags[i] = 1


BLOCK = 32


@njit(cache=False)
def detect_station_blocked(value, x, flags, s, e, n, t, exclude):
    """The same computation, 32 consecutive windows per block: lane l sums window l over j in index order
    (bit-identical); written as plain lane loops that LLVM may vectorise (no fastmath needed)."""
    prev = np.nan
    first = -1
    for i in range(s, e):
        flags[i] = 0
        vi = value[i]
        if vi == vi:
            prev = vi
            if first < 0:
                first = i
        x[i] = prev
    if first < 0:
        return
    off = 1 if exclude else 0
    acc = np.empty(BLOCK)
    mean = np.empty(BLOCK)
    q = np.empty(BLOCK)
    i = first + n - 1 + off
    while i + BLOCK <= e:
        w0 = i - n + 1 - off
        for l in range(BLOCK):
            acc[l] = 0.0
        for j in range(n):
            for l in range(BLOCK):
                acc[l] += x[w0 + j + l]
        for l in range(BLOCK):
            mean[l] = acc[l] / n
            q[l] = 0.0
        for j in range(n):
            for l in range(BLOCK):
                d = x[w0 + j + l] - mean[l]
                q[l] += d * d
        for l in range(BLOCK):
            std = math.sqrt(q[l] / n)
            vi = value[i + l]
            if vi == vi and abs(vi - mean[l]) > t * std:
                flags[i + l] = 1
        i += BLOCK
    while i < e:
        w0 = i - n + 1 - off
        sm = 0.0
        for j in range(w0, w0 + n):
            sm += x[j]
        m = sm / n
        qq = 0.0
        for j in range(w0, w0 + n):
            d = x[j] - m
            qq += d * d
        std = math.sqrt(qq / n)
        vi = value[i]
        if vi == vi and abs(vi - m) > t * std:
            flags[i] = 1
        i += 1


@njit(cache=False)
def outliers_blocked(station, value, n, t, exclude, x, flags):
    starts = station_starts(station)
    for k in range(starts.shape[0] - 1):
        detect_station_blocked(value, x, flags, starts[k], starts[k + 1], n, t, exclude)


@njit(parallel=True, cache=False)
def outliers_blocked_parallel(station, value, n, t, exclude, x, flags):
    starts = station_starts(station)
    for k in prange(starts.shape[0] - 1):
        detect_station_blocked(value, x, flags, starts[k], starts[k + 1], n, t, exclude)


@njit(cache=False)
def outliers_serial(station, value, n, t, exclude, x, flags):
    starts = station_starts(station)
    for k in range(starts.shape[0] - 1):
        detect_station(value, x, flags, starts[k], starts[k + 1], n, t, exclude)


@njit(parallel=True, cache=False)
def outliers_parallel(station, value, n, t, exclude, x, flags):
    starts = station_starts(station)
    for k in prange(starts.shape[0] - 1):
        detect_station(value, x, flags, starts[k], starts[k + 1], n, t, exclude)


KERNELS = {"serial": outliers_serial, "parallel": outliers_parallel, "blocked": outliers_blocked,
           "blocked-parallel": outliers_blocked_parallel}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", nargs="+", required=True)
    ap.add_argument("--mode", choices=sorted(KERNELS), default="serial")
    ap.add_argument("--window", type=int, default=84)
    ap.add_argument("--threshold", type=float, default=9.0)
    ap.add_argument("--exclude-point", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--chunksize", type=int, default=0, help="numba.set_parallel_chunksize (0: Numba's default static schedule)")
    ap.add_argument("--out", help="CSV of the outliers")
    a = ap.parse_args(argv)
    if a.window < 1:
        sys.exit("--window must be >= 1")

    station, timestamp, value = common.load_h5(a.input)
    kernel = KERNELS[a.mode]
    impl = "numba-" + a.mode

    # first call: compile (on a tiny input so that the time is the compile time)
    tiny_s = np.repeat(np.array([1, 2], dtype=np.int64), 200)
    tiny_v = np.arange(400, dtype=np.float64)
    t0 = common.now()
    kernel(tiny_s, tiny_v, a.window, a.threshold, a.exclude_point, np.empty(400), np.empty(400, dtype=np.uint8))
    compile_s = common.now() - t0
    print("COMPILE impl=%s first_call_s=%.3f" % (impl, compile_s), flush=True)

    if a.chunksize and a.mode.endswith("parallel"):
        import numba
        numba.set_parallel_chunksize(a.chunksize)

    # the scratch (filled series) and output (flags) buffers are allocated once, outside the timing
    x = np.empty(len(value), dtype=np.float64)
    flags = np.ones(len(value), dtype=np.uint8)
    for _ in range(a.warmup):
        kernel(station, value, a.window, a.threshold, a.exclude_point, x, flags)
    times, cpus = [], []
    for _ in range(a.runs):
        flags[:] = 1  # poison: every run must clear and recompute all of them
        c0 = time.process_time()
        t0 = common.now()
        kernel(station, value, a.window, a.threshold, a.exclude_point, x, flags)
        times.append(common.now() - t0)
        cpus.append(time.process_time() - c0)
    count = int(np.count_nonzero(flags))
    if a.out:
        common.write_csv(a.out, station, timestamp, value, flags)
    extra = " threads=%d cpu_s=%.6f" % (common.env_threads() if a.mode.endswith("parallel") else 1, common.median(cpus))
    print(common.result_line(impl, len(value), times, count, extra), flush=True)


if __name__ == "__main__":
    main()
