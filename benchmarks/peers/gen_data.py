#!/usr/bin/env python3
"""Deterministic generator of weather HDF5 files for developing and testing the peer implementations.

    python gen_data.py --rows 10000000 --seed 1 --out build/weather-10M.h5

Layout: root datasets station_usaf (int64), timestamp (float64 epoch seconds, UTC), wind_speed_rate
(float64, tenths of m/s, NaN = missing); rows grouped by station (ascending ids), time-ordered within a
station. What it puts in, on purpose:
  - stations of very uneven length (a few long ones, many mid-sized, some shorter than the window);
  - leading NaN runs, NaN runs in the middle, a few all-NaN stations, single missing points;
  - calm periods (runs of 0.0, so windows with std == 0 and then a non-zero value: an outlier);
  - spikes (large positive jumps), the outliers proper;
  - mostly integral values (123.0) and some stations with one decimal (12.3) to exercise the formatter.
Same --rows and --seed give the same file (numpy's PCG64 stream).
"""

import argparse

import numpy as np


def station_lengths(rng, rows):
    lengths = []
    total = 0
    while total < rows:
        kind = rng.random()
        if kind < 0.10:
            n = int(rng.integers(1, 90))  # shorter than (or close to) the default window 84
        elif kind < 0.95:
            n = int(rng.lognormal(mean=8.0, sigma=0.9))  # typically ~3000, long tail
        else:
            n = int(rng.integers(50_000, 200_000))  # a few long stations
        n = max(1, min(n, rows - total))
        lengths.append(n)
        total += n
    return np.array(lengths, dtype=np.int64)


def generate(rows, seed):
    rng = np.random.default_rng(seed)
    lengths = station_lengths(rng, rows)
    k = len(lengths)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    ids = np.sort(rng.choice(np.arange(10_000, 999_999, dtype=np.int64), size=k, replace=False))
    station = np.repeat(ids, lengths)
    sidx = np.repeat(np.arange(k), lengths)
    pos = np.arange(rows, dtype=np.int64) - np.repeat(starts, lengths)  # position within the station

    # hourly observations with some irregular gaps (integral seconds, strictly increasing per station)
    t0 = 1_577_836_800 + rng.integers(0, 365 * 24, size=k) * 3600 + rng.integers(0, 60, size=k) * 60  # 2020 + up to a year
    step = np.where(rng.random(rows) < 0.05, rng.integers(1, 7, size=rows) * 3600, 3600)
    step[starts] = 0
    cum = np.cumsum(step)
    timestamp = (np.repeat(t0, lengths) + cum - np.repeat(cum[starts], lengths)).astype(np.float64)

    base = rng.uniform(20, 80, size=k)
    amp = rng.uniform(5, 30, size=k)
    phase = rng.uniform(0, 2 * np.pi, size=k)
    noise = rng.normal(0.0, 8.0, size=rows)
    v = np.repeat(base, lengths) + np.repeat(amp, lengths) * np.sin(2 * np.pi * pos / 24.0 + np.repeat(phase, lengths)) + noise
    v = np.maximum(v, 0.0)
    decimal_station = rng.random(k) < 0.1
    dec = np.repeat(decimal_station, lengths)
    v = np.where(dec, np.round(v / 10.0, 1), np.round(v))  # 12.3 (one decimal) or 123.0

    # spikes: the outliers proper
    spikes = rng.random(rows) < 0.001
    v[spikes] += np.where(dec[spikes], np.round(rng.uniform(15, 60, spikes.sum()), 1), np.round(rng.uniform(150, 600, spikes.sum())))

    # calm periods: runs of zeros (std == 0 windows), then the wind picks up again
    n_calm = max(1, rows // 2_000)
    for s in rng.integers(0, rows, size=n_calm):
        v[s:s + int(rng.integers(80, 300))] = 0.0

    # missing values: single points, runs, leading runs, all-NaN stations
    v[rng.random(rows) < 0.003] = np.nan
    for s in rng.integers(0, rows, size=max(1, rows // 5_000)):
        v[s:s + int(rng.integers(2, 200))] = np.nan
    lead = rng.random(k) < 0.2
    for i in np.flatnonzero(lead):
        v[starts[i]:starts[i] + min(int(lengths[i]), int(rng.integers(1, 150)))] = np.nan
    for i in np.flatnonzero(rng.random(k) < 0.01):
        v[starts[i]:starts[i] + lengths[i]] = np.nan
    return station, timestamp, v


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    import h5py

    station, timestamp, value = generate(a.rows, a.seed)
    with h5py.File(a.out, "w") as f:
        f.create_dataset("station_usaf", data=station)
        f.create_dataset("timestamp", data=timestamp)
        f.create_dataset("wind_speed_rate", data=value)
    print("gen_data: %d rows, %d stations, %d missing -> %s" % (
        len(station), len(np.unique(station)), int(np.isnan(value).sum()), a.out))


if __name__ == "__main__":
    main()
