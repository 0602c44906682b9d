package dev.logitparity.compare;

import dev.logitparity.logits.FastExp;
import jdk.incubator.vector.DoubleVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;

/**
 * The comparator's exp: {@link Math#exp} against the scalar {@link FastExp#exp} and the four-lane {@link VectorExp}
 * over a row of log-probabilities' range ({@code logit - max}, uniform in [-20, 0]) that stays in L1. One operation
 * is one exp.
 */
@State(Scope.Thread)
public class ExpBench {

    private static final int N = 1024;

    private final double[] y = new double[N];
    private final double[] out = new double[N];

    @Setup
    public void fill() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < N; i++) {
            y[i] = random.nextDouble(-20, 0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] mathExp() {
        for (int i = 0; i < N; i++) {
            out[i] = Math.exp(y[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] fastExp() {
        for (int i = 0; i < N; i++) {
            out[i] = FastExp.exp(y[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vectorExp() {
        for (int i = 0; i < N; i += VectorExp.D4.length()) {
            VectorExp.exp(DoubleVector.fromArray(VectorExp.D4, y, i)).intoArray(out, i);
        }
        return out;
    }
}
