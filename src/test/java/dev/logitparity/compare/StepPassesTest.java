package dev.logitparity.compare;

import dev.logitparity.logits.LogProbs;
import dev.logitparity.logits.PlainRanking;
import dev.logitparity.logits.TopK;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vector passes give the scalar passes' sums to 1e-12 relative (the comparator's figures are made of them), and
 * the same counts, argmaxes and top k exactly, on rows that take every path: B's exp from A's or its own, maxima far
 * apart, masked tokens, ties at the rank thresholds, non-finite values, and rows whose length leaves a partial last
 * group.
 */
class StepPassesTest {

    private static final double RELATIVE = 1e-12;
    private static final int[] ODD_LENGTHS = {1, 3, 4, 7, 8, 9, 17, 1003};

    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0, 1e-6, 1e-3, 0.02, 0.1, 3})
    void noisyRowsGiveTheScalarSums(double noise) {
        for (int vocab : new int[] {1, 3, 4, 7, 151_936, 32_001}) {
            SplittableRandom random = new SplittableRandom(vocab);
            float[] a = new float[vocab];
            float[] b = new float[vocab];
            for (int i = 0; i < vocab; i++) {
                a[i] = (float) (random.nextGaussian() * 3);
                b[i] = (float) (a[i] + random.nextGaussian() * noise);
            }
            assertSamePasses(a, b);
        }
    }

    /** Small comparisons take the scalar passes (the vector ones would spend longer warming up than comparing). */
    @Test
    void aComparisonTakesTheVectorPassesOnlyWhenLargeEnoughToRepayTheirWarmUp() {
        assertInstanceOf(ScalarStepPasses.class, StepPasses.forValues(64L * 151_936));
        assertInstanceOf(ScalarStepPasses.class, StepPasses.forValues(StepPasses.VECTOR_FROM_VALUES - 1));
        // the tests' JVM has the Vector API module
        assertInstanceOf(VectorStepPasses.class, StepPasses.forValues(StepPasses.VECTOR_FROM_VALUES));
    }

    @Test
    void maximaFarApartMaskedTokensAndTiesGiveTheScalarSums() {
        SplittableRandom random = new SplittableRandom(5);
        int vocab = 1001;
        float[] a = new float[vocab];
        float[] b = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            a[i] = (float) random.nextGaussian();
            b[i] = a[i] - 650 + (i % 7) * 0.01f; // B's own exp: too far below A's maximum to share it
        }
        assertSamePasses(a, b);
        assertSamePasses(b, a);
        // ties with the value at the other side's argmax, before and after it; B 1 above A (its own exp) in a band
        // of tokens and equal elsewhere; masked tokens in the first and the partial last group
        Arrays.fill(a, 0.5f);
        a[400] = 2;
        Arrays.fill(b, 0.5f);
        Arrays.fill(b, 300, 500, 1.5f);
        b[450] = 3;
        for (int token : new int[] {0, 5, 6, 7, 1000}) {
            a[token] = Float.NEGATIVE_INFINITY;
            b[token] = Float.NEGATIVE_INFINITY;
        }
        assertSamePasses(a, b);
    }

    @Test
    void rowsWithScatteredSpecialValuesHugeSpreadsAndTiesGiveTheScalarSums() {
        for (int vocab : ODD_LENGTHS) {
            for (long seed = 0; seed < 40; seed++) {
                SplittableRandom random = new SplittableRandom(seed * 31 + vocab);
                float[] a = adversarialRow(random, vocab);
                float[] b = new float[vocab];
                double noise = random.nextBoolean() ? 1e-3 : 0.5;
                for (int i = 0; i < vocab; i++) {
                    b[i] = random.nextInt(40) == 0 ? a[i] : (float) (a[i] + random.nextGaussian() * noise);
                }
                sprinkleSpecials(random, b);
                assertSamePasses(a, b);
                assertSamePasses(b, a);
            }
        }
    }

    @Test
    void argmaxAndTopKAreExactlyTheScalarOnesOnAdversarialRows() {
        StepPasses vector = new VectorStepPasses();
        StepPasses scalar = new ScalarStepPasses();
        for (int vocab : ODD_LENGTHS) {
            for (long seed = 0; seed < 60; seed++) {
                SplittableRandom random = new SplittableRandom(seed * 17 + vocab);
                float[] row = seed == 0 ? filled(vocab, Float.NEGATIVE_INFINITY)
                        : seed == 1 ? filled(vocab, Float.NaN) : adversarialRow(random, vocab);
                String where = "vocab " + vocab + " seed " + seed + ": " + Arrays.toString(Arrays.copyOf(row, 12));
                assertEquals(scalar.argmax(row, vocab), vector.argmax(row, vocab), where);
                for (int k : new int[] {1, 3, 10, vocab + 2}) {
                    assertArrayEquals(TopK.of(row, vocab, k), collect(vector, row, k), where + " k " + k);
                }
            }
        }
    }

    @Test
    void argmaxAndTopKFollowGreedyOrderWhereNoValueIsNaN() {
        StepPasses vector = new VectorStepPasses();
        for (int vocab : ODD_LENGTHS) {
            SplittableRandom random = new SplittableRandom(vocab);
            float[] row = adversarialRow(random, vocab);
            for (int i = 0; i < vocab; i++) {
                row[i] = Float.isNaN(row[i]) ? 0.0f : row[i];
            }
            int[] order = PlainRanking.greedyOrder(row);
            assertEquals(order[0], vector.argmax(row, vocab), "vocab " + vocab);
            int k = Math.min(10, vocab);
            assertArrayEquals(Arrays.copyOf(order, k), collect(vector, row, 10), "vocab " + vocab);
        }
    }

    /**
     * Ranks of two different tokens, argmaxes or not (the count does not depend on it): a choice in the first group,
     * in the middle, in the partial last group, on rows full of ties; and of the two argmaxes. (Where the argmaxes are
     * one token {@link StepKernel} counts nothing: {@code assertSamePasses} checks that both ranks are 0 there.)
     */
    @Test
    void ranksOfAnyChoicesAreExactlyTheScalarOnes() {
        StepPasses vector = new VectorStepPasses();
        StepPasses scalar = new ScalarStepPasses();
        for (int vocab : ODD_LENGTHS) {
            for (long seed = 0; seed < 40; seed++) {
                SplittableRandom random = new SplittableRandom(seed * 13 + vocab);
                float[] a = adversarialRow(random, vocab);
                float[] b = random.nextBoolean() ? a.clone() : adversarialRow(random, vocab);
                int[] choices = {0, vocab - 1, random.nextInt(vocab), random.nextInt(vocab)};
                String where = "vocab " + vocab + " seed " + seed;
                for (int argA : choices) {
                    for (int argB : choices) {
                        if (argA != argB) {
                            assertEquals(scalar.ranks(a, b, vocab, argA, argB),
                                    vector.ranks(a, b, vocab, argA, argB), where + " choices " + argA + ", " + argB);
                        }
                    }
                }
                int argA = LogProbs.argmax(a, vocab);
                int argB = LogProbs.argmax(b, vocab);
                assertEquals(scalar.ranks(a, b, vocab, argA, argB), vector.ranks(a, b, vocab, argA, argB),
                        where + " argmaxes " + argA + ", " + argB);
            }
        }
    }

    @Test
    void nonFiniteValuesLeaveNonFiniteSumsAsTheScalarOnesDo() {
        float[] a = {1, 2, Float.NaN, 0, 1, 2, 3};
        float[] b = {1, 2, 3, Float.POSITIVE_INFINITY, 1, 2, 3};
        StepPasses.Sums vector = new VectorStepPasses().sums(a, b, a.length, 1, 2);
        StepPasses.Sums scalar = new ScalarStepPasses().sums(a, b, a.length, 1, 2);
        assertTrue(Double.isNaN(scalar.expA()) && Double.isNaN(vector.expA()));
        assertEquals(Double.isFinite(scalar.expB()), Double.isFinite(vector.expB()));
    }

    @Test
    void vectorExpIsWithinAFewUlpsOfMathExpOverItsWholeRange() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0;
        double[] y = new double[4];
        double[] e = new double[4];
        for (int i = 0; i < 250_000; i++) {
            for (int lane = 0; lane < 4; lane++) {
                y[lane] = random.nextDouble(-700, 709.7);
            }
            VectorExp.exp(DoubleVector.fromArray(VectorExp.D4, y, 0)).intoArray(e, 0);
            for (int lane = 0; lane < 4; lane++) {
                worst = Math.max(worst, Math.abs(e[lane] - Math.exp(y[lane])) / Math.exp(y[lane]));
            }
        }
        assertTrue(worst < 1e-15, "worst relative error " + worst);
        VectorExp.exp(DoubleVector.fromArray(VectorExp.D4,
                new double[] {-701, Double.NEGATIVE_INFINITY, 710, Double.NaN}, 0)).intoArray(e, 0);
        assertEquals(0.0, e[0]);
        assertEquals(0.0, e[1]);
        assertEquals(Double.POSITIVE_INFINITY, e[2]);
        assertTrue(Double.isNaN(e[3]));
    }

    /**
     * Values from a small set (ties everywhere, -0.0 beside 0.0) or spread over +-2000 (far below the maximum and far
     * apart between the sides), with NaN and infinities scattered.
     */
    private static float[] adversarialRow(SplittableRandom random, int vocab) {
        float[] row = new float[vocab];
        boolean ties = random.nextBoolean();
        double spread = random.nextBoolean() ? 3 : 2000;
        float[] few = {-0.0f, 0.0f, 1, 2, 2, -5};
        for (int i = 0; i < vocab; i++) {
            row[i] = ties ? few[random.nextInt(few.length)] : (float) (random.nextGaussian() * spread);
        }
        sprinkleSpecials(random, row);
        return row;
    }

    private static void sprinkleSpecials(SplittableRandom random, float[] row) {
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        int count = random.nextInt(4);
        for (int n = 0; n < count; n++) {
            row[random.nextInt(row.length)] = specials[random.nextInt(specials.length)];
        }
    }

    private static float[] filled(int vocab, float value) {
        float[] row = new float[vocab];
        Arrays.fill(row, value);
        return row;
    }

    private static int[] collect(StepPasses passes, float[] row, int k) {
        TopK top = new TopK(Math.min(k, row.length));
        passes.topK(top, row, row.length);
        int[] ids = new int[top.size()];
        for (int place = 0; place < ids.length; place++) {
            ids[place] = top.id(place);
        }
        return ids;
    }

    private static void assertSamePasses(float[] a, float[] b) {
        int vocab = a.length;
        int argA = LogProbs.argmax(a, vocab);
        int argB = LogProbs.argmax(b, vocab);
        StepPasses.Sums scalar = new ScalarStepPasses().sums(a, b, vocab, argA, argB);
        StepPasses.Sums vector = new VectorStepPasses().sums(a, b, vocab, argA, argB);
        String where = "vocab " + vocab;
        assertClose(scalar.expA(), vector.expA(), where + " expA");
        assertClose(scalar.expB(), vector.expB(), where + " expB");
        assertEquals(scalar.shiftB(), vector.shiftB(), where);
        assertClose(scalar.weightedDifference(), vector.weightedDifference(), where + " weighted difference");
        assertClose(scalar.shiftedA(), vector.shiftedA(), where + " shiftedA");
        assertClose(scalar.shiftedSquaresA(), vector.shiftedSquaresA(), where + " shifted squares");
        StepPasses.Ranks ranks = new ScalarStepPasses().ranks(a, b, vocab, argA, argB);
        assertEquals(ranks, new VectorStepPasses().ranks(a, b, vocab, argA, argB),
                where + " ranks of each side's choice");
        if (argA == argB) {
            assertEquals(StepPasses.Ranks.NONE, ranks,
                    where + ": one argmax on both sides, nothing ranked ahead of it");
        }
        assertEquals(scalar.masked(), vector.masked(), where + " masked");
        double shift = Math.log(scalar.expA()) - Math.log(scalar.expB()) + a[argA] - scalar.shiftB();
        StepPasses.Deltas scalarDeltas = new ScalarStepPasses().deltas(a, b, vocab, shift);
        StepPasses.Deltas vectorDeltas = new VectorStepPasses().deltas(a, b, vocab, shift);
        assertEquals(scalarDeltas.maxAbs(), vectorDeltas.maxAbs(), 0.0, where + " max |delta|");
        assertClose(scalarDeltas.sumAbs(), vectorDeltas.sumAbs(), where + " sum |delta|");
        assertClose(scalarDeltas.sumSquares(), vectorDeltas.sumSquares(), where + " sum delta^2");
    }

    /**
     * Within 1e-12 of the scalar sum, relative, or absolute for sums below 1 (where terms cancel); the very same value
     * where the scalar sum is not finite.
     */
    private static void assertClose(double scalar, double vector, String what) {
        assertEquals(scalar, vector, Double.isFinite(scalar) ? RELATIVE * Math.max(1, Math.abs(scalar)) : 0, what);
    }
}
