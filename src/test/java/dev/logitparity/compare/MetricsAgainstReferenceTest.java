package dev.logitparity.compare;

import dev.logitparity.logits.PlainRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.logitparity.compare.SyntheticTraces.freeRun;
import static dev.logitparity.compare.SyntheticTraces.logprobs;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The comparator's fused, table-driven passes against the metrics' definitions computed the plain way (Math.exp,
 * one quantity per loop, argmax and ranks from a sort), on rows that exercise every path: B's exp taken from A's (small differences), B's own exp
 * (larger ones), a pure shift, and maxima too far apart to share a reference.
 */
class MetricsAgainstReferenceTest {
    private static final int VOCAB = 3000;

    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0, 1e-6, 1e-3, 0.02, 0.1, 3})
    void noisyRowsMatchTheReference(double noise) {
        SplittableRandom random = new SplittableRandom(Double.doubleToLongBits(noise));
        float[] a = new float[VOCAB];
        float[] b = new float[VOCAB];
        for (int i = 0; i < VOCAB; i++) {
            a[i] = (float) (random.nextGaussian() * 3);
            b[i] = (float) (a[i] + random.nextGaussian() * noise);
        }
        a[17] += 10;
        b[17] += 10;
        assertMatchesReference(a, b);
    }

    @Test
    void aPureShiftIsInvisible() {
        float[] a = randomRow(1);
        float[] b = new float[VOCAB];
        for (int i = 0; i < VOCAB; i++) {
            b[i] = a[i] + 5;
        }
        StepMetrics m = assertMatchesReference(a, b);
        assertEquals(0, m.maxAbsDelta(), 1e-5, "only float rounding of the shifted values remains");
        assertEquals(0, m.kl(), 1e-12);
    }

    @Test
    void rowsWhoseMaximaAreFarApartMatchTheReference() {
        float[] a = randomRow(2);
        float[] b = new float[VOCAB];
        for (int i = 0; i < VOCAB; i++) {
            b[i] = a[i] - 650 + (i % 7) * 0.01f;
        }
        assertMatchesReference(a, b);
        assertMatchesReference(b, a);
    }

    @Test
    void tokensMaskedOnBothSidesCountAsAbsent() {
        float[] a = randomRow(3);
        float[] b = randomRow(4);
        int[] masked = {5, 9, 2999};
        for (int token : masked) {
            a[token] = Float.NEGATIVE_INFINITY;
            b[token] = Float.NEGATIVE_INFINITY;
        }
        StepMetrics withMask = compare(a, b);
        StepMetrics without = compare(withoutTokens(a, masked), withoutTokens(b, masked));

        assertEquals(0, withMask.nonFinite(), "a token both sides mask is no error");
        assertEquals(without.maxAbsDelta(), withMask.maxAbsDelta(), 1e-13);
        assertEquals(without.meanAbsDelta(), withMask.meanAbsDelta(), 1e-13);
        assertEquals(without.nmse(), withMask.nmse(), 1e-13);
        assertEquals(without.kl(), withMask.kl(), 1e-13);
        assertEquals(without.rankAInB(), withMask.rankAInB());
    }

    @Test
    void rowsMaskedEverywhereGiveZeroMetrics() {
        float[] a = new float[VOCAB];
        Arrays.fill(a, Float.NEGATIVE_INFINITY);
        StepMetrics m = compare(a, a.clone());
        assertEquals(0, m.maxAbsDelta());
        assertEquals(0, m.kl());
        assertEquals(0, m.nmse());
        assertEquals(0, m.nonFinite());
    }

    private static float[] withoutTokens(float[] row, int[] tokens) {
        float[] kept = new float[row.length - tokens.length];
        int next = 0;
        for (int i = 0; i < row.length; i++) {
            if (Arrays.binarySearch(tokens, i) < 0) {
                kept[next++] = row[i];
            }
        }
        return kept;
    }

    private static StepMetrics compare(float[] a, float[] b) {
        return (StepMetrics) TraceComparator.within(Band.defaults())
                .compare(freeRun("a", new float[][]{a}), freeRun("b", new float[][]{b})).steps().getFirst();
    }

    private static float[] randomRow(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] row = new float[VOCAB];
        for (int i = 0; i < VOCAB; i++) {
            row[i] = (float) (random.nextGaussian() * 3);
        }
        return row;
    }

    private static StepMetrics assertMatchesReference(float[] a, float[] b) {
        StepMetrics m = compare(a, b);
        double[] za = logprobs(a);
        double[] zb = logprobs(b);
        int argA = PlainRanking.argmax(a);
        int argB = PlainRanking.argmax(b);
        double maxAbs = 0;
        double sumAbs = 0;
        double sumSquares = 0;
        double kl = 0;
        double mean = 0;
        for (int i = 0; i < VOCAB; i++) {
            double d = za[i] - zb[i];
            maxAbs = Math.max(maxAbs, Math.abs(d));
            sumAbs += Math.abs(d);
            sumSquares += d * d;
            kl += Math.exp(za[i]) * d;
            mean += za[i] / VOCAB;
        }
        double variance = 0;
        for (double z : za) {
            variance += (z - mean) * (z - mean) / VOCAB;
        }
        // The logsumexps agree to ~1e-15 relative to their size, which bounds what the deltas can agree to.
        double tolerance = 1e-13 * (1 + Math.abs(za[0] - a[0]) + Math.abs(zb[0] - b[0]));
        assertEquals(argA, m.argmaxA());
        assertEquals(argB, m.argmaxB());
        assertEquals(maxAbs, m.maxAbsDelta(), tolerance, "max |delta|");
        assertEquals(sumAbs / VOCAB, m.meanAbsDelta(), tolerance, "mean |delta|");
        assertEquals(sumSquares / VOCAB / variance, m.nmse(), tolerance * (1 + m.nmse()), "nmse");
        assertEquals(Math.max(0, kl), m.kl(), tolerance, "kl");
        assertEquals(za[argA] - za[argB], m.marginA(), 1e-12);
        assertEquals(zb[argB] - zb[argA], m.marginB(), 1e-12);
        assertEquals(PlainRanking.rank(b, argA), m.rankAInB());
        assertEquals(PlainRanking.rank(a, argB), m.rankBInA());
        return m;
    }
}
