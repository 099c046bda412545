#!/usr/bin/env python3
"""Turns a JMH JSON result file (KernelBenchmarks) into a Markdown table: plain vs stride, same run, speedup."""
import json
import sys
from collections import defaultdict


def main(path):
    with open(path) as f:
        results = json.load(f)
    rows = defaultdict(dict)
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[1]
        engine, kernel = name.split("_", 1)
        size = r.get("params", {}).get("size", "")
        metric = r["primaryMetric"]
        rows[(kernel, int(size) if size else 0)][engine] = (metric["score"], metric["scoreError"], metric["scoreUnit"])
    print("| kernel | elements | plain | stride | speedup |")
    print("|---|---:|---:|---:|---:|")
    for (kernel, size), engines in sorted(rows.items()):
        if "plain" not in engines or "stride" not in engines:
            continue
        plain, plain_error, unit = engines["plain"]
        stride, stride_error, _ = engines["stride"]
        print(f"| {kernel} | {size:,} | {plain:,.2f} ± {plain_error:,.2f} {unit} | "
              f"{stride:,.2f} ± {stride_error:,.2f} {unit} | {plain / stride:.2f}x |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results/jmh.json")
