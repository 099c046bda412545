#!/usr/bin/env python3
"""Dump the HDF5 columns to raw little-endian files for the C programs (libhdf5 is not needed in C).

    python dump_columns.py --input f.h5 [more.h5 ...] --out-dir build/cols

Writes station.i64, timestamp.f64, value.f64 (same order and rules as common.load_h5: concatenated,
ordered by station then time).
"""

import argparse
import os

import numpy as np

import common


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", nargs="+", required=True)
    ap.add_argument("--out-dir", required=True)
    a = ap.parse_args()
    station, timestamp, value = common.load_h5(a.input)
    os.makedirs(a.out_dir, exist_ok=True)
    station.astype("<i8").tofile(os.path.join(a.out_dir, "station.i64"))
    timestamp.astype("<f8").tofile(os.path.join(a.out_dir, "timestamp.f64"))
    value.astype("<f8").tofile(os.path.join(a.out_dir, "value.f64"))
    print("dump_columns: %d rows -> %s" % (len(value), a.out_dir))


if __name__ == "__main__":
    main()
