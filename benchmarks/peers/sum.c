/*
 * Double-array sum, the "hello world" of SIMD: one loop, built twice from this file.
 *
 *   gcc -O3 -march=native -ffp-contract=off  sum.c -o sum_strict   (order kept: gcc does not vectorise it)
 *   gcc -O3 -march=native -ffast-math        sum.c -o sum_fast     (reassociation allowed: vectorised)
 *
 *   sum_strict [--runs 5] [SIZE ...]     default sizes 1024 65536 4194304
 *
 * The data is a[i] = (double)((i * 7919) % 1000) / 7.0, as in sum_peers.py, so the strict sums can be
 * compared bit for bit with Numba's. Protocol per size: one warm-up batch, then --runs timed batches of R
 * calls each (R chosen so that a batch sums about 64M elements); the time per call of each batch is
 * batch time / R; the median is reported.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

__attribute__((noipa)) static double sum(const double *a, long n) {
    double s = 0.0;
    for (long i = 0; i < n; i++) s += a[i];
    return s;
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int runs = 5;
    long sizes[16];
    int ns = 0;
    for (int a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--runs") && a + 1 < argc) runs = atoi(argv[++a]);
        else if (ns < 16) sizes[ns++] = atol(argv[a]);
    }
    if (ns == 0) { sizes[0] = 1024; sizes[1] = 65536; sizes[2] = 4194304; ns = 3; }
#ifdef __FAST_MATH__
    const char *impl = "c-fastmath";
#else
    const char *impl = "c-strict";
#endif
    for (int k = 0; k < ns; k++) {
        long n = sizes[k];
        double *a = malloc((size_t)n * sizeof *a);
        for (long i = 0; i < n; i++) a[i] = (double)((i * 7919) % 1000) / 7.0;
        long reps = (64L << 20) / n;
        if (reps < 1) reps = 1;
        volatile double sink = 0;
        double times[64];
        if (runs > 64) runs = 64;
        for (int r = -1; r < runs; r++) { /* r == -1: warm-up */
            double t0 = now_s();
            for (long i = 0; i < reps; i++) sink = sum(a, n);
            double per = (now_s() - t0) / (double)reps;
            if (r >= 0) times[r] = per;
        }
        qsort(times, (size_t)runs, sizeof times[0], cmp_double);
        double med = runs % 2 ? times[runs / 2] : 0.5 * (times[runs / 2 - 1] + times[runs / 2]);
        printf("SUM impl=%s n=%ld median_ns=%.1f min_ns=%.1f calls_per_run=%ld result=%.17g\n", impl, n, med * 1e9,
               times[0] * 1e9, reps, (double)sink);
        free(a);
    }
    return 0;
}
