package dev.logitparity.compare;

import dev.logitparity.logits.LogProbs;
import dev.logitparity.logits.TopK;
import dev.logitparity.sources.TopKLogits;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.logitparity.compare.SyntheticTraces.PROMPT;
import static dev.logitparity.compare.SyntheticTraces.info;
import static dev.logitparity.compare.SyntheticTraces.tokensOnly;
import static dev.logitparity.compare.SyntheticTraces.withTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steps compared on several threads give the one-thread report element for element (records compare doubles by their
 * bits, so equal means bitwise equal), whichever kind of B: full logits, top-k lists only (the masked view of A is per
 * thread), or tokens only; and a step that fails fails the comparison.
 */
class ParallelComparisonTest {

    private static final int STEPS = 97;
    private static final int VOCAB = 3_001;
    private static final TraceComparator ONE_THREAD = TraceComparator.within(Band.defaults()).threads(1);

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3, 8})
    void fullLogitsGiveTheOneThreadReport(int threads) {
        float[][] rowsA = rowsA();
        float[][] rowsB = rowsB(rowsA);
        Trace a = withTokens("a", CaptureMode.FREE_RUN, PROMPT, tokens(rowsA), rowsA);
        Trace b = withTokens("b", CaptureMode.FREE_RUN, PROMPT, tokens(rowsB), rowsB);
        DivergenceReport parallel = ONE_THREAD.threads(threads).compare(a, b);
        assertContextsDifferAfterTheFirstDifferentToken(a, b, parallel);
        assertReportsEqual(ONE_THREAD.compare(a, b), parallel);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 5})
    void topKListsGiveTheOneThreadReport(int threads) {
        float[][] rowsA = rowsA();
        float[][] rowsB = rowsB(rowsA);
        TopKLogits.Builder listed = TopKLogits.builder(VOCAB);
        for (float[] row : rowsB) {
            int[] top = TopK.of(row, VOCAB, 20);
            Arrays.sort(top);
            float[] values = new float[top.length];
            for (int i = 0; i < top.length; i++) {
                values[i] = row[top[i]];
            }
            listed.appendRow(top, values);
        }
        Trace a = withTokens("a", CaptureMode.FREE_RUN, PROMPT, tokens(rowsA), rowsA);
        Trace b = Trace.of(info("b", CaptureMode.FREE_RUN), PROMPT, tokens(rowsB), listed.build());
        DivergenceReport serial = ONE_THREAD.compare(a, b);
        // Each thread's masked view of A has a row buffer of its own; shared, two threads would mask each other's
        // rows, but only when they happen to overlap: a few rounds make that likely.
        for (int round = 0; round < 8; round++) {
            assertReportsEqual(serial, ONE_THREAD.threads(threads).compare(a, b));
        }
    }

    @Test
    void tokensOnlyGiveTheOneThreadReport() {
        float[][] rowsA = rowsA();
        Trace a = withTokens("a", CaptureMode.TEACHER_FORCED, PROMPT, tokens(rowsA), rowsA);
        Trace b = tokensOnly("b", tokens(rowsB(rowsA)));
        DivergenceReport parallel = ONE_THREAD.threads(4).compare(a, b);
        assertContextsDifferAfterTheFirstDifferentToken(a, b, parallel);
        assertReportsEqual(ONE_THREAD.compare(a, b), parallel);
    }

    @Test
    void aStepThatFailsFailsTheComparison() {
        float[][] rowsA = rowsA();
        Logits rows = withTokens("a", CaptureMode.FREE_RUN, PROMPT, tokens(rowsA), rowsA).logits().orElseThrow();
        // as a closed mapping's row would
        Logits failing = SyntheticTraces.intercepting(rows, (dst, step) -> {
            if (step == 41) {
                throw new IllegalStateException("row 41 is gone");
            }
        });
        Trace a = Trace.of(info("a", CaptureMode.FREE_RUN), PROMPT, tokens(rowsA), failing);
        Trace b = withTokens("b", CaptureMode.FREE_RUN, PROMPT, tokens(rowsA), rowsA);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ONE_THREAD.threads(3).compare(a, b));
        assertEquals("row 41 is gone", e.getMessage());
    }

    /** Each step's flag against a plain scan of the tokens fed before it; the traces must have such a step. */
    private static void assertContextsDifferAfterTheFirstDifferentToken(Trace a, Trace b, DivergenceReport report) {
        boolean differ = false;
        boolean seen = false;
        for (int step = 0; step < STEPS; step++) {
            assertEquals(differ, report.steps().get(step).contextsDiffer(), "step " + step);
            seen |= differ;
            differ |= a.token(step) != b.token(step);
        }
        assertTrue(seen, "the traces never diverge: the test would prove less than it says");
    }

    private static void assertReportsEqual(DivergenceReport serial, DivergenceReport parallel) {
        assertEquals(serial.steps().size(), parallel.steps().size());
        for (int step = 0; step < serial.steps().size(); step++) {
            assertEquals(serial.steps().get(step), parallel.steps().get(step), "step " + step);
        }
        assertEquals(serial.summary(), parallel.summary());
    }

    /**
     * Gaussian logits with a clear winner, and now and then a near tie, a NaN, or a run of tokens masked to
     * -Infinity.
     */
    private static float[][] rowsA() {
        SplittableRandom random = new SplittableRandom(11);
        float[][] rows = new float[STEPS][VOCAB];
        for (int step = 0; step < STEPS; step++) {
            for (int token = 0; token < VOCAB; token++) {
                rows[step][token] = (float) (random.nextGaussian() * 2.5);
            }
            int winner = random.nextInt(VOCAB);
            rows[step][winner] += 10;
            if (step % 9 == 4) {
                rows[step][(winner + 1) % VOCAB] = rows[step][winner] - 1e-4f;
            }
            if (step % 13 == 6) {
                rows[step][random.nextInt(VOCAB)] = Float.NaN;
            }
            if (step % 7 == 2) {
                Arrays.fill(rows[step], 100, 180, Float.NEGATIVE_INFINITY);
            }
        }
        return rows;
    }

    /** A plus noise, of 1e-3 on most steps and 0.3 on some (B's exps then taken on their own). */
    private static float[][] rowsB(float[][] rowsA) {
        SplittableRandom random = new SplittableRandom(12);
        float[][] rows = new float[STEPS][];
        for (int step = 0; step < STEPS; step++) {
            rows[step] = rowsA[step].clone();
            double noise = step % 5 == 3 ? 0.3 : 1e-3;
            for (int token = 0; token < VOCAB; token++) {
                rows[step][token] += (float) (random.nextGaussian() * noise);
            }
        }
        return rows;
    }

    private static int[] tokens(float[][] rows) {
        int[] tokens = new int[rows.length];
        for (int step = 0; step < rows.length; step++) {
            tokens[step] = LogProbs.argmax(rows[step], VOCAB);
        }
        return tokens;
    }
}
