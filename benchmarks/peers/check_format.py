#!/usr/bin/env python3
"""Check the Double.toString formatters (common.py and outliers.c) against each other and, when a JDK is
found (JAVA_HOME, or java on the PATH), against Java itself.

    python check_format.py --c-binary build/outliers [--java /path/to/java]
"""

import argparse
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

import common


def values():
    vs = [0.0, -0.0, 1.0, 10.0, 100.0, 123.0, 0.1, 0.5, 12.3, 99.9, 1e-3, 9.999e-4, 1e7, 9999999.0, 1e-5, 1e21,
          1.0e22, 123456789.0, 2.5e-7, -5.5, 1 / 3, 2 / 3, 5e-324, 1.7976931348623157e308, 2e23, 8.41e21, 4.35, 0.3]
    vs += [k / 10 for k in range(0, 30001)]  # the wind-speed range: tenths of m/s, with one decimal
    vs += [float(k) for k in range(0, 5001)]
    rnd = random.Random(42)
    vs += [rnd.uniform(0, 2000) for _ in range(20000)]
    vs += [rnd.uniform(0, 1) * 10 ** rnd.randint(-12, 25) for _ in range(20000)]
    vs += [struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(63)))[0] for _ in range(5000)]
    return [v for v in vs if v == v]


def find_java(explicit):
    if explicit:
        return explicit
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return os.path.join(home, "bin", "java")
    for d in sorted(os.listdir("/usr/lib/jvm"), reverse=True) if os.path.isdir("/usr/lib/jvm") else []:
        if "25" in d and os.path.exists(os.path.join("/usr/lib/jvm", d, "bin", "java")):
            return os.path.join("/usr/lib/jvm", d, "bin", "java")
    return shutil.which("java")


JAVA = """
import java.io.*; import java.nio.file.*;
public class F { public static void main(String[] a) throws Exception {
  StringBuilder sb = new StringBuilder();
  for (String l : Files.readAllLines(Path.of(a[0])))
    sb.append(Double.toString(Double.longBitsToDouble(Long.parseUnsignedLong(l.trim(), 16)))).append('\\n');
  System.out.print(sb); } }
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--c-binary", required=True)
    ap.add_argument("--java")
    a = ap.parse_args()
    vs = values()
    py = [common.java_double_to_string(v) for v in vs]
    with tempfile.TemporaryDirectory() as tmp:
        hexf = os.path.join(tmp, "values.hex")
        with open(hexf, "w") as f:
            for v in vs:
                f.write("%016x\n" % struct.unpack("<Q", struct.pack("<d", v))[0])
        c = subprocess.run([a.c_binary, "--format-hex", hexf], check=True, capture_output=True, text=True).stdout.split("\n")[:-1]
        bad = [(v, p, q) for v, p, q in zip(vs, py, c) if p != q]
        print("check_format: python vs C: %d values, %d differ %s" % (len(vs), len(bad), bad[:5]))
        ok = not bad and len(c) == len(vs)
        java = find_java(a.java)
        if java:
            src = os.path.join(tmp, "F.java")
            with open(src, "w") as f:
                f.write(JAVA)
            r = subprocess.run([java, src, hexf], capture_output=True, text=True)
            if r.returncode == 0:
                j = r.stdout.split("\n")[:-1]
                badj = [(v, p, q) for v, p, q in zip(vs, py, j) if p != q]
                inrange = [b for b in badj if 1e-3 <= abs(b[0]) < 1e7]
                print("check_format: python vs Java (%s): %d differ (%d of them in [1e-3, 1e7)) %s" % (
                    java, len(badj), len(inrange), badj[:5]))
                ok = ok and not inrange and len(j) == len(vs)
            else:
                print("check_format: Java not usable (%s): %s" % (java, r.stderr.strip()[:200]))
        else:
            print("check_format: no JDK found, Java comparison skipped")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
