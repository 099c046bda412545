#!/usr/bin/env python3
"""Plain-Python oracle of the specification, written literally (slow: for small files only).

    python reference.py --input f.h5 [--exclude-point] [--window 84] [--threshold 9.0] --out ref.csv

Unlike the fast versions it does not use the "complete windows start after the first valid value"
shortcut: it checks every window for a missing value, exactly as the specification says.
"""

import argparse
import math

import numpy as np

import common


def detect(station, value, n, t, exclude):
    rows = len(value)
    flags = np.zeros(rows, dtype=np.uint8)
    s = 0
    while s < rows:
        e = s
        while e < rows and station[e] == station[s]:
            e += 1
        v = [float(z) for z in value[s:e]]
        x = []
        for i, vi in enumerate(v):
            if math.isnan(vi):
                x.append(x[i - 1] if i > 0 else math.nan)
            else:
                x.append(vi)
        L = len(v)
        for w0 in range(0, L - n + 1):
            p = w0 + n if exclude else w0 + n - 1  # the tested point
            if p >= L:
                continue
            win = x[w0:w0 + n]
            if any(math.isnan(z) for z in win):
                continue
            sm = 0.0
            for z in win:
                sm += z
            mean = sm / n
            q = 0.0
            for z in win:
                d = z - mean
                q += d * d
            std = math.sqrt(q / n)
            if not math.isnan(v[p]) and abs(x[p] - mean) > t * std:
                flags[s + p] = 1
        s = e
    return flags


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", nargs="+", required=True)
    ap.add_argument("--window", type=int, default=84)
    ap.add_argument("--threshold", type=float, default=9.0)
    ap.add_argument("--exclude-point", action="store_true")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    station, timestamp, value = common.load_h5(a.input)
    flags = detect(station, value, a.window, a.threshold, a.exclude_point)
    count = common.write_csv(a.out, station, timestamp, value, flags)
    print("reference: %d rows, %d outliers -> %s" % (len(value), count, a.out))


if __name__ == "__main__":
    main()
