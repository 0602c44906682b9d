// make bench-reference's anchor for the reference's Q8_0 kernel: VectorMatVec.dotQ8_0's loop in C with AVX2
// intrinsics (the same 8-byte loads, sign-extensions, conversions, scale and x products, four accumulators and
// reduction; built with -ffp-contract=off, so nothing is fused and the order is MatVec's), on MatVecBench's matrix
// shape, one thread, best of as many 0.3 s rounds. What the JIT's code for that loop leaves on the table.
// Usage: q8-dot [rounds]. Prints one line: "Q8_0 C loop X Gweights/s".
#define _POSIX_C_SOURCE 199309L
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { ROWS = 4864, COLUMNS = 896, QK = 32 };

typedef struct __attribute__((packed)) {
    uint16_t scale;
    int8_t quants[QK];
} block_q8_0;

static double dot_q8_0(const block_q8_0 * row, const double * x) {
    __m256d a[4] = {_mm256_setzero_pd(), _mm256_setzero_pd(), _mm256_setzero_pd(), _mm256_setzero_pd()};
    for (int b = 0; b < COLUMNS / QK; b++) {
        __m256d d = _mm256_set1_pd((double) _cvtsh_ss(row[b].scale));
        for (int g = 0; g < QK / 4; g++) {
            __m128i four = _mm_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *) (row[b].quants + 4 * g)));
            __m256d w = _mm256_mul_pd(_mm256_cvtepi32_pd(four), d);
            a[g % 4] = _mm256_add_pd(a[g % 4], _mm256_mul_pd(w, _mm256_loadu_pd(x + b * QK + 4 * g)));
        }
    }
    __m256d t = _mm256_add_pd(_mm256_add_pd(a[0], a[1]), _mm256_add_pd(a[2], a[3]));
    double l[4];
    _mm256_storeu_pd(l, t);
    return (l[0] + l[1]) + (l[2] + l[3]);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char ** argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 12;
    // one spare block: the last row's last load reads 4 bytes past it, as in Java
    block_q8_0 * m = malloc(sizeof(block_q8_0) * ((size_t) ROWS * COLUMNS / QK + 1));
    double * x = malloc(sizeof(double) * COLUMNS);
    double * y = malloc(sizeof(double) * ROWS);
    if (m == NULL || x == NULL || y == NULL) {
        fprintf(stderr, "q8-dot: out of memory\n");
        return 1;
    }
    srand(1);
    for (size_t i = 0; i <= (size_t) ROWS * COLUMNS / QK; i++) {
        m[i].scale = (uint16_t) (0x1c00 + rand() % 0x800); // normal halves around 2^-8
        for (int j = 0; j < QK; j++) {
            m[i].quants[j] = (int8_t) (rand() % 255 - 127);
        }
    }
    for (int c = 0; c < COLUMNS; c++) {
        x[c] = 2.0 * rand() / RAND_MAX - 1;
    }
    double best = 1e30;
    double sink = 0;
    for (int round = 0; round < rounds; round++) {
        double start = now();
        long runs = 0;
        while (now() - start < 0.3) {
            for (int r = 0; r < ROWS; r++) {
                y[r] = dot_q8_0(m + (size_t) r * (COLUMNS / QK), x);
            }
            sink += y[runs % ROWS];
            runs++;
        }
        double seconds = (now() - start) / runs;
        best = seconds < best ? seconds : best;
    }
    printf("Q8_0  C loop %.2f Gweights/s (checksum %g)\n", (double) ROWS * COLUMNS / best / 1e9, sink);
    free(m);
    free(x);
    free(y);
    return 0;
}
