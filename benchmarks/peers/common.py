"""Shared input/output code for the peer implementations (nothing here is timed).

Input layout (HDF5, root datasets): station_usaf int64, timestamp float64 (epoch seconds, UTC),
wind_speed_rate float64 (tenths of m/s, NaN = missing).

Several files are concatenated in the order given. When the concatenation is not already ordered by
(station, timestamp), it is stably sorted by (station, timestamp) so that every station is one contiguous,
time-ordered series and the output comes out ordered by station then time. Files written by gen_data.py
(and, per the specification, by the Java generator) are already ordered, so this is a no-op for them.
"""

from __future__ import annotations

import math
import os
import time
import datetime as _dt

import numpy as np

COLUMNS = ("station_usaf", "timestamp", "wind_speed_rate")
CSV_HEADER = "station_usaf,timestamp,value"


def load_h5(paths):
    """Return (station int64, timestamp float64, value float64), contiguous, ordered by station then time."""
    import h5py

    st, ts, va = [], [], []
    for p in paths:
        with h5py.File(p, "r") as f:
            st.append(np.asarray(f["station_usaf"][...], dtype=np.int64))
            ts.append(np.asarray(f["timestamp"][...], dtype=np.float64))
            va.append(np.asarray(f["wind_speed_rate"][...], dtype=np.float64))
    station = np.concatenate(st) if len(st) > 1 else st[0]
    timestamp = np.concatenate(ts) if len(ts) > 1 else ts[0]
    value = np.concatenate(va) if len(va) > 1 else va[0]
    if not (len(station) == len(timestamp) == len(value)):
        raise SystemExit("columns of different lengths")
    if not is_ordered(station, timestamp):
        order = np.lexsort((timestamp, station))  # stable: station, then timestamp
        station, timestamp, value = station[order], timestamp[order], value[order]
    return (np.ascontiguousarray(station), np.ascontiguousarray(timestamp), np.ascontiguousarray(value))


def is_ordered(station, timestamp):
    if len(station) < 2:
        return True
    ds = np.diff(station)
    if np.any(ds < 0):
        return False
    same = ds == 0
    return not np.any(np.diff(timestamp)[same] < 0)


# ---------------------------------------------------------------------------------------------- formatting

def java_double_to_string(v: float) -> str:
    """Double.toString as printed by JDK 19+ (shortest decimal that round-trips, closest to the value).

    Python's repr already yields the shortest round-tripping digits, closest to the value (the same choice
    JDK 19+ makes whenever the shortest length is >= 2; the only difference, for a shortest length of 1,
    concerns magnitudes far outside the wind-speed range). The layout is Java's: plain notation with at
    least one fractional digit for 1e-3 <= |v| < 1e7, else computerized scientific notation (1.0E7).
    """
    if v != v:
        return "NaN"
    if v == math.inf:
        return "Infinity"
    if v == -math.inf:
        return "-Infinity"
    if v == 0.0:
        return "-0.0" if math.copysign(1.0, v) < 0 else "0.0"
    sign = "-" if v < 0 else ""
    a = -v if v < 0 else v
    # digits and exponent of the shortest repr: a = 0.d1d2...dk * 10^e10 ... use scientific repr form
    r = "%r" % a
    if "e" in r or "E" in r:
        mant, exp = r.lower().split("e")
        exp = int(exp)
    else:
        mant, exp = r, 0
    if "." in mant:
        ip, fp = mant.split(".")
    else:
        ip, fp = mant, ""
    digits = (ip + fp).lstrip("0")
    # decimal point position relative to the start of `digits`
    lead_zeros = len(ip + fp) - len((ip + fp).lstrip("0"))
    point = len(ip) - lead_zeros + exp  # value = 0.digits * 10^point
    digits = digits.rstrip("0") or "0"
    if 1e-3 <= a < 1e7:
        if point <= 0:
            s = "0." + "0" * (-point) + digits
        elif point >= len(digits):
            s = digits + "0" * (point - len(digits)) + ".0"
        else:
            s = digits[:point] + "." + digits[point:]
        return sign + s
    e = point - 1
    frac = digits[1:] or "0"
    return sign + digits[0] + "." + frac + "E" + str(e)


def format_timestamp(ts: float) -> str:
    sec = math.floor(ts)
    return _dt.datetime.fromtimestamp(sec, _dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def write_csv(path, station, timestamp, value, flags):
    idx = np.flatnonzero(flags)
    with open(path, "w", newline="\n") as out:
        out.write(CSV_HEADER + "\n")
        for i in idx:
            out.write("%d,%s,%s\n" % (station[i], format_timestamp(timestamp[i]), java_double_to_string(float(value[i]))))
    return len(idx)


# ---------------------------------------------------------------------------------------------- timing

def median(xs):
    s = sorted(xs)
    m = len(s) // 2
    return s[m] if len(s) % 2 else 0.5 * (s[m - 1] + s[m])


def result_line(impl, rows, times, outliers, extra=""):
    """One machine-readable line per measured implementation, parsed by report.py."""
    med = median(times)
    return "RESULT impl=%s rows=%d median_s=%.6f min_s=%.6f runs=%d outliers=%d rows_per_s=%.0f%s" % (
        impl, rows, med, min(times), len(times), outliers, rows / med if med > 0 else 0, extra)


def now():
    return time.perf_counter()


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def env_threads():
    return int(os.environ.get("NUMBA_NUM_THREADS", os.cpu_count() or 1))
