package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlQuants;
import dev.logitparity.gguf.GgmlType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The reference's kernel alone, one thread: a Qwen2-0.5B feed-forward projection (4,864 x 896) of each weight type by
 * {@link ScalarMatVec} and {@link VectorMatVec} in alternating rounds in one JVM, best round of each after warm-up,
 * and their ratio; also checks the two agree to the bit. Then the vector kernel on a batch of {@value #BATCH} inputs
 * (a replay's positions), in weights times inputs per second. Needs {@code --add-modules jdk.incubator.vector}.
 * Usage: {@code MatVecBench [rounds]} (default 12 rounds of 0.3 s per kernel and type).
 */
public final class MatVecBench {

    private static final int ROWS = 4864;
    private static final int COLUMNS = 896;
    private static final long ROUND_NANOS = 300_000_000L;
    private static final int BATCH = 21;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        SplittableRandom random = new SplittableRandom(1);
        float[] weights = new float[ROWS * COLUMNS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        double[] x = random.doubles(COLUMNS, -1, 1).toArray();
        System.out.printf(Locale.ROOT, "one %d x %d projection, one thread, best of %d rounds%n", ROWS, COLUMNS, rounds);
        for (GgmlType type : new GgmlType[] {GgmlType.F32, GgmlType.F16, GgmlType.Q8_0}) {
            MemorySegment data = Arena.ofAuto().allocate(type.byteSize(weights.length), 64);
            GgmlQuants.encode(type, weights, 0, weights.length, data, 0);
            WeightMatrix m = new WeightMatrix(type, data, ROWS, COLUMNS);
            MatVec[] kernels = {new ScalarMatVec(), new VectorMatVec()};
            double[][] y = new double[2][ROWS];
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            double[][] xs = new double[BATCH][];
            Arrays.fill(xs, x);
            double[][] ys = new double[BATCH][ROWS];
            double bestBatch = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < kernels.length; k++) {
                    MatVec kernel = kernels[k];
                    double[] out = y[k];
                    best[k] = Math.min(best[k], secondsPerRun(() -> kernel.multiply(m, x, out, 0, ROWS)));
                }
                bestBatch = Math.min(bestBatch, secondsPerRun(() -> kernels[1].multiply(m, xs, BATCH, ys, 0, ROWS))
                        / BATCH);
            }
            double gigaWeights = (double) ROWS * COLUMNS / 1e9;
            System.out.printf(Locale.ROOT, "%-5s scalar %.2f Gweights/s, vector %.2f Gweights/s, vector / scalar %.2f,"
                            + " bit-identical %b; vector, %d inputs at once: %.2f Gweights/s (weights x inputs)%n", type,
                    gigaWeights / best[0], gigaWeights / best[1], best[0] / best[1], Arrays.equals(y[0], y[1]),
                    BATCH, gigaWeights / bestBatch);
        }
    }

    private static double secondsPerRun(Runnable run) {
        long start = System.nanoTime();
        int runs = 0;
        while (System.nanoTime() - start < ROUND_NANOS) {
            run.run();
            runs++;
        }
        return (System.nanoTime() - start) / 1e9 / runs;
    }
}
