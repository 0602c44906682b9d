"""make bench-compare's anchor: the comparator's per-step work done in numpy on the same two .npy files.

Per step, in float64: log-softmax of both rows, both argmaxes, both margins, max and mean |dlogprob|, KL(A||B), NMSE
and the top-10 overlap. Prints one line, "GB/s X", the median over ROUNDS of (2 * steps * vocab * 4 bytes) / seconds.
With PROCESSES > 1 the steps are split into that many contiguous ranges, each compared in its own process (numpy's
per-step work runs on one core), the pool started before the clock.
Usage: python3 compare_bench.py A.npy B.npy [ROUNDS] [PROCESSES]
"""
import multiprocessing
import sys
import time

import numpy as np


def log_softmax(row):
    shifted = row - row.max()
    return shifted - np.log(np.exp(shifted).sum())


def compare(a, b):
    for step in range(a.shape[0]):
        za = log_softmax(a[step].astype(np.float64))
        zb = log_softmax(b[step].astype(np.float64))
        arg_a, arg_b = int(za.argmax()), int(zb.argmax())
        margin_a, margin_b = za[arg_a] - za[arg_b], zb[arg_b] - zb[arg_a]
        d = za - zb
        abs_d = np.abs(d)
        max_abs, mean_abs = abs_d.max(), abs_d.mean()
        kl = max(0.0, float((np.exp(za) * d).sum()))
        nmse = float((d * d).mean() / za.var())
        top_a = np.argpartition(-za, 10)[:10]
        top_b = np.argpartition(-zb, 10)[:10]
        overlap = len(np.intersect1d(top_a, top_b)) / 10
        yield margin_a, margin_b, max_abs, mean_abs, kl, nmse, overlap


def compare_range(job):
    file_a, file_b, first, last = job
    a = np.load(file_a, mmap_mode="r")
    b = np.load(file_b, mmap_mode="r")
    return len(list(compare(a[first:last], b[first:last])))


def main():
    a = np.load(sys.argv[1], mmap_mode="r")
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    processes = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    steps = a.shape[0]
    gigabytes = 2 * steps * a.shape[1] * 4 / 1e9
    bounds = [steps * p // processes for p in range(processes + 1)]
    jobs = [(sys.argv[1], sys.argv[2], bounds[p], bounds[p + 1]) for p in range(processes)]
    with multiprocessing.Pool(processes) as pool:
        pool.map(compare_range, jobs)  # warm-up: page cache, imports in every process
        rates = []
        for _ in range(rounds):
            start = time.perf_counter()
            pool.map(compare_range, jobs)
            rates.append(gigabytes / (time.perf_counter() - start))
    print("GB/s %.4f" % sorted(rates)[len(rates) // 2])


if __name__ == "__main__":
    main()
