package dev.logitparity.compare;

import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.Logits;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A whole step through {@link StepKernel} on the Vector API passes and on the scalar ones: the same argmaxes, ranks,
 * top-k overlap and counts, and every distance within 1e-12. {@code StepPassesTest} holds each pass to its scalar
 * definition; this holds the kernel's wiring of them (shift, deltas after sums, top-k buffers reused across steps),
 * which the comparator reaches on the vector passes only for traces of 2^27 values or more.
 */
class StepKernelPassesTest {

    private static final int VOCAB = 32_003;
    private static final int TOP_K = 10;

    @Test
    void vectorAndScalarPassesGiveTheSameStepMetrics() {
        SplittableRandom random = new SplittableRandom(5);
        InMemoryLogits.Builder a = InMemoryLogits.builder(VOCAB);
        InMemoryLogits.Builder b = InMemoryLogits.builder(VOCAB);
        double[] noises = {0, 1e-3, 0.05, 0.3, 2};
        for (double noise : noises) {
            float[] rowA = new float[VOCAB];
            float[] rowB = new float[VOCAB];
            for (int i = 0; i < VOCAB; i++) {
                rowA[i] = (float) (random.nextGaussian() * 3);
                rowB[i] = (float) (rowA[i] + random.nextGaussian() * noise);
            }
            // masked tokens on both sides, and one far below the rest
            rowA[17] = Float.NEGATIVE_INFINITY;
            rowB[17] = Float.NEGATIVE_INFINITY;
            rowA[VOCAB - 2] = -900;
            a.appendRow(rowA);
            b.appendRow(rowB);
        }
        Logits logitsA = a.build();
        Logits logitsB = b.build();
        StepKernel vector = new StepKernel(VOCAB, TOP_K, new VectorStepPasses());
        StepKernel scalar = new StepKernel(VOCAB, TOP_K, new ScalarStepPasses());
        for (int step = 0; step < noises.length; step++) {
            StepMetrics v = vector.twoSided(logitsA, logitsB, step, 1, 2, false);
            StepMetrics s = scalar.twoSided(logitsA, logitsB, step, 1, 2, false);
            String at = "noise " + noises[step];
            assertEquals(s.argmaxA(), v.argmaxA(), at);
            assertEquals(s.argmaxB(), v.argmaxB(), at);
            assertEquals(s.rankAInB(), v.rankAInB(), at);
            assertEquals(s.rankBInA(), v.rankBInA(), at);
            assertEquals(s.topKOverlap(), v.topKOverlap(), 0.0, at);
            assertEquals(s.nonFiniteA(), v.nonFiniteA(), at);
            assertEquals(s.nonFiniteB(), v.nonFiniteB(), at);
            assertEquals(s.bitwiseEqual(), v.bitwiseEqual(), at);
            double[][] pairs = {{s.marginA(), v.marginA()}, {s.marginB(), v.marginB()},
                    {s.flipEpsilon(), v.flipEpsilon()}, {s.maxAbsDelta(), v.maxAbsDelta()},
                    {s.meanAbsDelta(), v.meanAbsDelta()}, {s.nmse(), v.nmse()}, {s.kl(), v.kl()}};
            for (double[] pair : pairs) {
                assertEquals(pair[0], pair[1], 1e-12 * Math.max(1, Math.abs(pair[0])), at);
            }
        }
    }
}
