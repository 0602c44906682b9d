package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.InCacheWeights;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;

/**
 * The reference's projection kernel, {@link VectorMatVec} against its oracle {@link ScalarMatVec}, on rows of
 * Qwen2-0.5B's two widths (896: attention and FFN-up inputs; 4,864: FFN-down) in cache. One operation is one weight
 * multiplied and added, so the score is weights/s, the unit of {@code make bench-reference}'s MatVecBench (which
 * times a whole 4,864 x 896 matrix, 17 MB as F32: out of cache).
 */
@State(Scope.Thread)
public class DotBench {

    /** Positions in {@link #multiplyBatch}: a 16-step replay after a 5-token prompt. */
    static final int BATCH = 21;

    @Param({"F32", "F16", "Q8_0"})
    public GgmlType type;

    @Param({"896", "4864"})
    public int columns;

    @Param({"vector", "scalar"})
    public String kernel;

    private Arena arena;
    private int rows;
    private WeightMatrix weights;
    private MatVec matVec;
    private double[] x;
    private double[] y;
    private double[][] xs;
    private double[][] ys;

    @Setup
    public void encode() {
        arena = Arena.ofConfined();
        rows = InCacheWeights.VALUES / columns;
        // one row more than the benchmarks multiply: in a model's matrices, hundreds of rows tall, nearly every row
        // has bytes after it, which the Q8_0 kernel reads past its row; the last row takes a slower path
        weights = new WeightMatrix(type, InCacheWeights.encoded(type, InCacheWeights.VALUES + columns, arena),
                rows + 1, columns);
        matVec = kernel.equals("vector") ? new VectorMatVec() : new ScalarMatVec();
        x = new SplittableRandom(2).doubles(columns, -1, 1).toArray();
        y = new double[rows];
        xs = new double[BATCH][];
        ys = new double[BATCH][rows];
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < BATCH; t++) {
            xs[t] = random.doubles(columns, -1, 1).toArray();
        }
    }

    @TearDown
    public void free() {
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(InCacheWeights.VALUES)
    public double[] multiply() {
        matVec.multiply(weights, x, y, 0, rows);
        return y;
    }

    /** A replay's positions at once: each row decoded once for all of them; one operation is one weight x input. */
    @Benchmark
    @OperationsPerInvocation(InCacheWeights.VALUES * BATCH)
    public double[][] multiplyBatch() {
        matVec.multiply(weights, xs, BATCH, ys, 0, rows);
        return ys;
    }
}
