/*
 * Weather outlier detection in C: the peer of Stride's weather kernels.
 *
 *   gcc -O3 -march=native -ffp-contract=off            outliers.c -o outliers     -lm   (serial)
 *   gcc -O3 -march=native -ffp-contract=off -fopenmp   outliers.c -o outliers_omp -lm   (stations in parallel)
 *
 *   outliers COLDIR [--variant scalar|blocked|vecext] [--window 84] [--threshold 9.0] [--exclude-point]
 *                   [--runs 5] [--warmup 1] [--out out.csv]
 *
 * COLDIR holds the columns as raw little-endian arrays written by dump_columns.py: station.i64,
 * timestamp.f64, value.f64 (ordered by station then time). Loading is not timed; the timed compute phase
 * is: station boundaries, fill-forward, rolling mean/std, outlier flags (one byte per row). The scratch
 * (filled series) and the flags are allocated once before timing.
 *
 * scalar:  the naive loop nest of the specification, one window at a time.
 * blocked: 32 consecutive windows per block; lane l accumulates window l over j = 0..n-1 in index order,
 *          so every window is still summed in the order of the specification (bit-identical results);
 *          the lane loops are plain C that gcc vectorises (no reassociation is involved, so no fast-math).
 * vecext:  the same blocks written with GCC vector extensions (4 x 8 doubles, 512-bit): gcc's auto-vectoriser
 *          picks 256-bit vectors for -march=native on this CPU, the extension forces 512-bit.
 * -ffp-contract=off keeps a*b+c as two roundings (no FMA contraction), as Java and Numba do.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#define BLOCK 32

/* ------------------------------------------------------------------------------------------- kernels */

/* fill-forward of [s, e); returns the first non-missing index, or -1; clears the flags on the way */
static long fill_forward(const double *restrict v, double *restrict x, uint8_t *restrict flags, long s, long e) {
    double prev = NAN;
    long first = -1;
    for (long i = s; i < e; i++) {
        double vi = v[i];
        flags[i] = 0;
        if (vi == vi) {
            prev = vi;
            if (first < 0) first = i;
        }
        x[i] = prev;
    }
    return first;
}

static inline void test_window(const double *restrict v, const double *restrict x, uint8_t *restrict flags,
                               long i, long w0, int n, double t) {
    double sm = 0.0;
    for (long j = w0; j < w0 + n; j++) sm += x[j];
    double mean = sm / n;
    double q = 0.0;
    for (long j = w0; j < w0 + n; j++) {
        double d = x[j] - mean;
        q += d * d;
    }
    double sd = sqrt(q / n);
    double vi = v[i];
    if (vi == vi && fabs(vi - mean) > t * sd) flags[i] = 1;
}

static void station_scalar(const double *restrict v, double *restrict x, uint8_t *restrict flags, long s, long e,
                           int n, double t, int off) {
    long first = fill_forward(v, x, flags, s, e);
    if (first < 0) return;
    /* after `first` nothing is missing in x: the complete windows are exactly those starting at >= first */
    for (long i = first + n - 1 + off; i < e; i++) test_window(v, x, flags, i, i - n + 1 - off, n, t);
}

static void station_blocked(const double *restrict v, double *restrict x, uint8_t *restrict flags, long s, long e,
                            int n, double t, int off) {
    long first = fill_forward(v, x, flags, s, e);
    if (first < 0) return;
    long i = first + n - 1 + off;
    for (; i + BLOCK <= e; i += BLOCK) {
        const double *restrict w = x + (i - n + 1 - off); /* window of lane l: w[l .. l+n-1] */
        double acc[BLOCK], mean[BLOCK], q[BLOCK];
        for (int l = 0; l < BLOCK; l++) acc[l] = 0.0;
        for (int j = 0; j < n; j++)
            for (int l = 0; l < BLOCK; l++) acc[l] += w[j + l];
        for (int l = 0; l < BLOCK; l++) mean[l] = acc[l] / n;
        for (int l = 0; l < BLOCK; l++) q[l] = 0.0;
        for (int j = 0; j < n; j++)
            for (int l = 0; l < BLOCK; l++) {
                double d = w[j + l] - mean[l];
                q[l] += d * d;
            }
        for (int l = 0; l < BLOCK; l++) {
            double sd = sqrt(q[l] / n);
            double vi = v[i + l];
            if (vi == vi && fabs(vi - mean[l]) > t * sd) flags[i + l] = 1;
        }
    }
    for (; i < e; i++) test_window(v, x, flags, i, i - n + 1 - off, n, t);
}

/* the same block of 32 windows written with GCC vector extensions: 4 x 8 doubles (512-bit), whatever width
 * the auto-vectoriser would have preferred; vector +, -, *, / are IEEE-exact per lane like the scalar ones */
typedef double v8d __attribute__((vector_size(64)));
typedef double v8du __attribute__((vector_size(64), aligned(8), may_alias));
static inline v8d load8(const double *p) { return *(const v8du *)p; }

static void station_vecext(const double *restrict v, double *restrict x, uint8_t *restrict flags, long s, long e,
                           int n, double t, int off) {
    long first = fill_forward(v, x, flags, s, e);
    if (first < 0) return;
    long i = first + n - 1 + off;
    const double dn = (double)n;
    const v8d vn = {dn, dn, dn, dn, dn, dn, dn, dn};
    for (; i + BLOCK <= e; i += BLOCK) {
        const double *w = x + (i - n + 1 - off);
        v8d a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};
        for (int j = 0; j < n; j++) {
            const double *p = w + j;
            a0 += load8(p);
            a1 += load8(p + 8);
            a2 += load8(p + 16);
            a3 += load8(p + 24);
        }
        v8d m0 = a0 / vn, m1 = a1 / vn, m2 = a2 / vn, m3 = a3 / vn;
        v8d q0 = {0}, q1 = {0}, q2 = {0}, q3 = {0};
        for (int j = 0; j < n; j++) {
            const double *p = w + j;
            v8d d0 = load8(p) - m0, d1 = load8(p + 8) - m1, d2 = load8(p + 16) - m2, d3 = load8(p + 24) - m3;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        double mean[BLOCK], q[BLOCK];
        memcpy(mean, &m0, 64); memcpy(mean + 8, &m1, 64); memcpy(mean + 16, &m2, 64); memcpy(mean + 24, &m3, 64);
        memcpy(q, &q0, 64); memcpy(q + 8, &q1, 64); memcpy(q + 16, &q2, 64); memcpy(q + 24, &q3, 64);
        for (int l = 0; l < BLOCK; l++) {
            double sd = sqrt(q[l] / n);
            double vi = v[i + l];
            if (vi == vi && fabs(vi - mean[l]) > t * sd) flags[i + l] = 1;
        }
    }
    for (; i < e; i++) test_window(v, x, flags, i, i - n + 1 - off, n, t);
}

typedef void (*station_fn)(const double *restrict, double *restrict, uint8_t *restrict, long, long, int, double, int);

static long *station_starts(const int64_t *st, long rows, long *k_out) {
    long k = rows > 0 ? 1 : 0;
    for (long i = 1; i < rows; i++) k += st[i] != st[i - 1];
    long *starts = malloc((size_t)(k + 1) * sizeof *starts);
    long c = 0;
    if (rows > 0) starts[c++] = 0;
    for (long i = 1; i < rows; i++)
        if (st[i] != st[i - 1]) starts[c++] = i;
    starts[k] = rows;
    *k_out = k;
    return starts;
}

static void outliers(station_fn fn, const int64_t *st, const double *v, double *x, uint8_t *flags, long rows, int n,
                     double t, int off) {
    long k;
    long *starts = station_starts(st, rows, &k);
#pragma omp parallel for schedule(dynamic, 1)
    for (long s = 0; s < k; s++) fn(v, x, flags, starts[s], starts[s + 1], n, t, off);
    free(starts);
}

/* ------------------------------------------------------------------------------------------- output */

/* Double.toString of JDK 19+ for the shortest-length >= 2 case and the whole wind-speed range: the shortest
 * decimal that round-trips, closest to the value (glibc's %.*e is correctly rounded); plain notation with at
 * least one fractional digit for 1e-3 <= |v| < 1e7, else computerized scientific notation (1.0E7). */
static void java_double(double v, char *out) {
    if (v != v) { strcpy(out, "NaN"); return; }
    if (isinf(v)) { strcpy(out, v > 0 ? "Infinity" : "-Infinity"); return; }
    if (v == 0.0) { strcpy(out, signbit(v) ? "-0.0" : "0.0"); return; }
    char buf[64], digits[32];
    int p;
    double a = fabs(v);
    for (p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, a);
        if (strtod(buf, NULL) == a) break;
    }
    int nd = 0;
    char *c = buf;
    for (; *c && *c != 'e'; c++)
        if (*c >= '0' && *c <= '9') digits[nd++] = *c;
    int e10 = atoi(c + 1); /* a = d.ddd * 10^e10 */
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    char *o = out;
    if (v < 0) *o++ = '-';
    if (a >= 1e-3 && a < 1e7) {
        int point = e10 + 1; /* a = 0.digits * 10^point */
        if (point <= 0) {
            o += sprintf(o, "0.");
            for (int z = 0; z < -point; z++) *o++ = '0';
            o += sprintf(o, "%s", digits);
        } else if (point >= nd) {
            o += sprintf(o, "%s", digits);
            for (int z = 0; z < point - nd; z++) *o++ = '0';
            o += sprintf(o, ".0");
        } else {
            memcpy(o, digits, (size_t)point);
            o += point;
            *o++ = '.';
            o += sprintf(o, "%s", digits + point);
        }
        *o = 0;
    } else {
        sprintf(o, "%c.%sE%d", digits[0], nd > 1 ? digits + 1 : "0", e10);
    }
}

static long write_csv(const char *path, const int64_t *st, const double *ts, const double *v, const uint8_t *flags,
                      long rows) {
    FILE *f = fopen(path, "w");
    if (!f) { perror(path); exit(1); }
    fputs("station_usaf,timestamp,value\n", f);
    long count = 0;
    char num[64], when[32];
    for (long i = 0; i < rows; i++) {
        if (!flags[i]) continue;
        time_t sec = (time_t)floor(ts[i]);
        struct tm tm;
        gmtime_r(&sec, &tm);
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
        java_double(v[i], num);
        fprintf(f, "%lld,%s,%s\n", (long long)st[i], when, num);
        count++;
    }
    fclose(f);
    return count;
}

/* ------------------------------------------------------------------------------------------- driver */

static void *read_column(const char *dir, const char *name, long *rows) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    fseek(f, 0, SEEK_SET);
    void *p = malloc(bytes > 0 ? (size_t)bytes : 1);
    if (bytes > 0 && fread(p, 1, (size_t)bytes, f) != (size_t)bytes) { fprintf(stderr, "short read %s\n", path); exit(1); }
    fclose(f);
    *rows = bytes / 8;
    return p;
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double cpu_s(void) { /* CPU time of the whole process (all threads) */
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* check_format.py: one IEEE-754 bit pattern (hex) per line in, Double.toString out */
static int format_hex(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return 1; }
    char line[64], num[64];
    while (fgets(line, sizeof line, f)) {
        uint64_t bits = strtoull(line, NULL, 16);
        double d;
        memcpy(&d, &bits, sizeof d);
        java_double(d, num);
        puts(num);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && !strcmp(argv[1], "--format-hex")) return format_hex(argv[2]);
    if (argc < 2) {
        fprintf(stderr, "usage: %s COLDIR [--variant scalar|blocked|vecext] [--window N] [--threshold T] [--exclude-point] "
                        "[--runs R] [--warmup W] [--out out.csv]\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1], *out = NULL, *variant = "scalar";
    int n = 84, runs = 5, warmup = 1, off = 0;
    double t = 9.0;
    for (int a = 2; a < argc; a++) {
        if (!strcmp(argv[a], "--variant") && a + 1 < argc) variant = argv[++a];
        else if (!strcmp(argv[a], "--window") && a + 1 < argc) n = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--threshold") && a + 1 < argc) t = strtod(argv[++a], NULL);
        else if (!strcmp(argv[a], "--exclude-point")) off = 1;
        else if (!strcmp(argv[a], "--runs") && a + 1 < argc) runs = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--warmup") && a + 1 < argc) warmup = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--out") && a + 1 < argc) out = argv[++a];
        else { fprintf(stderr, "unknown argument %s\n", argv[a]); return 2; }
    }
    if (n < 1 || runs < 1) { fprintf(stderr, "--window and --runs must be >= 1\n"); return 2; }
    station_fn fn;
    if (!strcmp(variant, "scalar")) fn = station_scalar;
    else if (!strcmp(variant, "blocked")) fn = station_blocked;
    else if (!strcmp(variant, "vecext")) fn = station_vecext;
    else { fprintf(stderr, "unknown variant %s\n", variant); return 2; }

    long rows, r2, r3;
    int64_t *st = read_column(dir, "station.i64", &rows);
    double *ts = read_column(dir, "timestamp.f64", &r2);
    double *v = read_column(dir, "value.f64", &r3);
    if (rows != r2 || rows != r3) { fprintf(stderr, "columns of different lengths\n"); return 1; }
    double *x = malloc((size_t)(rows > 0 ? rows : 1) * sizeof *x);
    uint8_t *flags = malloc((size_t)(rows > 0 ? rows : 1));
    memset(x, 0, (size_t)rows * sizeof *x); /* touch the pages before timing */
    memset(flags, 1, (size_t)rows);

    for (int w = 0; w < warmup; w++) outliers(fn, st, v, x, flags, rows, n, t, off);
    double *times = malloc((size_t)runs * sizeof *times), *cpus = malloc((size_t)runs * sizeof *cpus);
    for (int r = 0; r < runs; r++) {
        memset(flags, 1, (size_t)rows); /* poison: every run must clear and recompute all of them */
        double c0 = cpu_s(), t0 = now_s();
        outliers(fn, st, v, x, flags, rows, n, t, off);
        times[r] = now_s() - t0;
        cpus[r] = cpu_s() - c0;
    }
    long count = 0;
    for (long i = 0; i < rows; i++) count += flags[i];
    if (out) write_csv(out, st, ts, v, flags, rows);
    qsort(times, (size_t)runs, sizeof *times, cmp_double);
    qsort(cpus, (size_t)runs, sizeof *cpus, cmp_double);
    double med = runs % 2 ? times[runs / 2] : 0.5 * (times[runs / 2 - 1] + times[runs / 2]);
    double cmed = runs % 2 ? cpus[runs / 2] : 0.5 * (cpus[runs / 2 - 1] + cpus[runs / 2]);
    int threads = 1;
#ifdef _OPENMP
    threads = omp_get_max_threads();
    const char *suffix = "-omp";
#else
    const char *suffix = "";
#endif
    char impl[64];
    snprintf(impl, sizeof impl, "c-%s%s", variant, suffix);
    printf("RESULT impl=%s rows=%ld median_s=%.6f min_s=%.6f runs=%d outliers=%ld rows_per_s=%.0f threads=%d cpu_s=%.6f\n",
           impl, rows, med, times[0], runs, count, med > 0 ? rows / med : 0.0, threads, cmed);
    free(times); free(cpus); free(x); free(flags); free(st); free(ts); free(v);
    return 0;
}
