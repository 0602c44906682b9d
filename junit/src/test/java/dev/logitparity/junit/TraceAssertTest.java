package dev.logitparity.junit;

import static dev.logitparity.junit.HandTraces.freeRun;
import static dev.logitparity.junit.HandTraces.moved;
import static dev.logitparity.junit.HandTraces.shifted;
import static dev.logitparity.junit.HandTraces.tokensOnly;
import static dev.logitparity.junit.LogitAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.compare.Verdict;
import dev.logitparity.trace.Trace;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The assertions on hand-built traces whose verdict is known by construction (default band: 0.05 nats, KL 1e-4,
 * near tie 0.1), so each expectation is checked against what the pair is, not against the comparator's own output.
 */
class TraceAssertTest {
    /** Token 0 leads by 3.8 nats or more: no flip unless a test makes one. */
    private static final float[] BASE = {5f, 0f, 1.2f, 0.5f, -1f, 0f, 0.2f, -0.5f};
    /** Tokens 1 and 2 within 0.01 nat of each other, 1 ahead. */
    private static final float[] TIE_1 = {0f, 2.00f, 1.99f, 0f, 0f, 0f, 0f, 0f};
    private static final float[] TIE_2 = {0f, 1.99f, 2.00f, 0f, 0f, 0f, 0f, 0f};

    private static final Trace EXPECTED = freeRun("llama", BASE, BASE, BASE);
    /** Token 5 up by 3 nats at step 0: far outside the band from the first step on, a weights bug. */
    private static final Trace WEIGHTS_BUG = freeRun("myrt", moved(BASE, 5, 3), BASE, BASE);

    @Test
    void aRowShiftedByAConstantMatchesBecauseLogProbabilitiesDoNotMove() {
        Trace shifted = freeRun("myrt", shifted(BASE, 3f), shifted(BASE, -7f), BASE);
        assertEquals(Verdict.IDENTICAL, assertThat(shifted).matches(EXPECTED).report().summary().verdict());
    }

    @Test
    void aNearTieFlipHasNoBugButDoesNotMatch() {
        Trace llama = freeRun("llama", TIE_1, BASE);
        Trace flipped = freeRun("myrt", TIE_2, BASE);

        assertEquals(Verdict.NEAR_TIE_FLIP,
                assertThat(flipped).hasNoBugAgainst(llama).report().summary().verdict());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(flipped).matches(llama));
        assertTrue(e.getMessage().startsWith("expected the traces to match over all steps (A is expected), but the "
                + "verdict is NEAR_TIE_FLIP:\n"), e.getMessage());
    }

    /**
     * Every figure here is worked out by hand from the rows, none taken from the comparator. Step 0 is the same row;
     * at step 1 tokens 1 and 2 swap values 2 and 2 - 1/128 (both exact in float), so the row's logsumexp is the same:
     * A picks 1 and B picks 2, each by 1/128 = 0.0078125 nats; the flip epsilon is |1/128 - (-1/128)| = 1/64; only
     * those two log-probabilities move, by 1/128 (inside the 0.05 band); KL(A||B) = (pA1 - pA2) / 128 = 2.17e-5 and
     * NMSE = mse / var(zA) = 2.04e-5 (plain double arithmetic); each choice is second in the other row. A margin of
     * 1/128 is under the 0.1 near-tie margin and step 0 is within the band, so: NEAR_TIE_FLIP.
     */
    @Test
    void aHandWorkedNearTieHasTheDivergenceMarginsAndMessageDerivedByHand() {
        float below = 2f - 1f / 128;
        Trace llama = freeRun("llama", BASE, new float[] {0, 2, below, 0, 0, 0, 0, 0});
        Trace myrt = freeRun("myrt", BASE, new float[] {0, below, 2, 0, 0, 0, 0, 0});

        var summary = assertThat(myrt).hasNoBugAgainst(llama).report().summary();
        assertEquals(Verdict.NEAR_TIE_FLIP, summary.verdict());
        assertEquals(1, summary.divergence().step());
        StepMetrics step = (StepMetrics) summary.divergence();
        assertEquals(1, step.argmaxA());
        assertEquals(2, step.argmaxB());
        assertEquals(1.0 / 128, step.marginA(), 1e-12);
        assertEquals(1.0 / 128, step.marginB(), 1e-12);
        assertEquals(1.0 / 64, step.flipEpsilon(), 1e-12);
        assertEquals(1.0 / 128, step.maxAbsDelta(), 1e-12);
        assertEquals(2.168059e-5, step.kl(), 1e-11);
        assertEquals(1, step.rankAInB());
        assertEquals(1, step.rankBInA());

        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(myrt).matches(llama));
        String message = e.getMessage().replaceAll("\\s+", " ");
        for (String expected : List.of(
                "expected the traces to match over all steps (A is expected), but the verdict is NEAR_TIE_FLIP: ",
                "verdict: NEAR_TIE_FLIP first divergence at step 1 is a near tie: A picks 1 by 0.00781, B picks 2 by "
                        + "0.00781 (flip epsilon 0.0156); smaller margin 0.00781 <= near-tie margin 0.100; every "
                        + "step before is within the band ",
                "divergence: step 1: A 1 \"#1\" ahead by 0.00781, B 2 \"#2\" ahead by 0.00781; flip epsilon 0.0156; "
                        + "max |Δlogprob| 0.00781, KL 2.17e-05, NMSE 2.04e-05, top-k overlap 1.00, rank of A's "
                        + "choice in B 1, of B's in A 1 ",
                "top movers at step 1 (logprob in A -> in B): ")) {
            assertTrue(message.contains(expected), "missing: " + expected + "\nin: " + message);
        }
    }

    @Test
    void aWeightsBugFailsHasNoBugAndTheMessageNamesTheTokenThatMovedMost() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(WEIGHTS_BUG).hasNoBugAgainst(EXPECTED));

        String message = e.getMessage();
        assertTrue(message.startsWith("expected the traces to show no bug over all steps (A is expected), but the "
                + "verdict is LOGIT_MISMATCH:\n"), message);
        float[] bugRow = moved(BASE, 5, 3);
        String firstMover = String.format(Locale.ROOT, "top movers at step 0 (logprob in A -> in B):\n  %-24s %9.4f "
                + "-> %9.4f  (%+.4f)\n", "5 \"#5\"", HandTraces.logprob(BASE, 5), HandTraces.logprob(bugRow, 5),
                HandTraces.logprob(bugRow, 5) - HandTraces.logprob(BASE, 5));
        assertTrue(message.contains(firstMover), message);
        assertEquals(5 + 1, message.substring(message.indexOf("top movers")).lines().count(), message);
    }

    @Test
    void errorGrowingWithPositionIsDriftAndFails() {
        float[][] rows = new float[6][];
        double[] error = {0, 0.01, 0.02, 0.04, 0.08, 0.16};
        for (int step = 0; step < rows.length; step++) {
            rows[step] = moved(BASE, 7, error[step]);
        }
        Trace llama = freeRun("llama", BASE, BASE, BASE, BASE, BASE, BASE);

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(freeRun("myrt", rows)).hasNoBugAgainst(llama));
        assertTrue(e.getMessage().contains("but the verdict is DRIFT:\n"), e.getMessage());
        // The step table marks step 4, the first whose error (0.08) is outside 0.05.
        assertTrue(e.getMessage().contains("\n>      4  "), e.getMessage());
    }

    @Test
    void aDifferentPromptTokenisationFails() {
        Trace otherPrompt = freeRun("myrt", new int[] {1, 2, 4}, BASE, BASE, BASE);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(otherPrompt).hasNoBugAgainst(EXPECTED));
        assertTrue(e.getMessage().contains("but the verdict is TOKENIZATION:\n"), e.getMessage());
    }

    @Test
    void aTraceThatStopsEarlyFailsOverAllStepsAndMatchesOverTheStepsItHas() {
        Trace shorter = freeRun("myrt", BASE, BASE);

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(shorter).hasNoBugAgainst(EXPECTED));
        assertTrue(e.getMessage().contains("but the verdict is EARLY_STOP:\n"), e.getMessage());
        assertThat(shorter).forSteps(2).matches(EXPECTED);
        AssertionFailedError tooMany = assertThrows(AssertionFailedError.class,
                () -> assertThat(shorter).forSteps(3).matches(EXPECTED));
        assertEquals("cannot compare the first 3 steps: expected (llama (llama.gguf)) has 3, actual (myrt (myrt.gguf)) "
                + "has 2", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> assertThat(shorter).forSteps(0));
    }

    @Test
    void forStepsLeavesOutWhatComesAfter() {
        Trace badAtTheEnd = freeRun("myrt", BASE, BASE, moved(BASE, 5, 3));
        assertThat(badAtTheEnd).forSteps(2).matches(EXPECTED);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(badAtTheEnd).forSteps(3).matches(EXPECTED));
        assertTrue(e.getMessage().startsWith("expected the traces to match over the first 3 steps"), e.getMessage());
    }

    @Test
    void theDescriptionLeadsTheMessageAndThePromptIsNamed() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(WEIGHTS_BUG).as("myrt/capital").matches(EXPECTED));
        assertTrue(e.getMessage().startsWith("[myrt/capital] expected the traces to match"), e.getMessage());
        assertTrue(e.getMessage().contains("\nprompt text: \"one two three\"\nA: llama (llama.gguf) | B: myrt "
                + "(myrt.gguf) | two-sided, top-10 overlap\n"), e.getMessage());

        AssertionFailedError short1 = assertThrows(AssertionFailedError.class,
                () -> assertThat(WEIGHTS_BUG).as("named").forSteps(9).matches(EXPECTED));
        assertTrue(short1.getMessage().startsWith("[named] cannot compare"), short1.getMessage());
    }

    @Test
    void piecesAndTopKShapeTheMessage() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(WEIGHTS_BUG).withPieces(id -> "tok" + id).topK(3).matches(EXPECTED));
        assertTrue(e.getMessage().contains("  5 \"tok5\""), e.getMessage());
        assertFalse(e.getMessage().contains("\"#"), e.getMessage());
        assertTrue(e.getMessage().contains("two-sided, top-3 overlap"), e.getMessage());
    }

    @Test
    void aWiderBandAdmitsWhatTheDefaultRefuses() {
        assertThrows(AssertionFailedError.class, () -> assertThat(WEIGHTS_BUG).matches(EXPECTED));
        assertThat(WEIGHTS_BUG).within(Band.logprob(4).kl(10)).matches(EXPECTED);
    }

    @Test
    void divergesFromPassesOnABugAndItsReportTakesFurtherChecks() {
        ComparisonAssert comparison = assertThat(WEIGHTS_BUG).divergesFrom(EXPECTED)
                .hasVerdict(Verdict.LOGIT_MISMATCH);
        assertEquals(0, comparison.report().summary().firstOutOfBand());

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> comparison.hasVerdict(Verdict.NEAR_TIE_FLIP, Verdict.DRIFT));
        assertTrue(e.getMessage().startsWith("expected the traces to have verdict NEAR_TIE_FLIP or DRIFT over all "
                + "steps (A is expected), but the verdict is LOGIT_MISMATCH:\n"), e.getMessage());
        assertThrows(AssertionFailedError.class, () -> assertThat(EXPECTED).divergesFrom(EXPECTED));
    }

    @Test
    void aSideWithOnlyTokensIsRatedByTheOtherSidesLogitsWhicheverArgumentItIs() {
        Trace llama = freeRun("llama", TIE_1, BASE);
        assertThat(tokensOnly("oracle", 1, 0)).matches(llama);
        assertThat(llama).matches(tokensOnly("oracle", 1, 0));
        // Token 2 is 0.01 nat behind llama's choice: a near tie. Token 7 is 2 nats behind: not noise.
        assertThat(llama).hasNoBugAgainst(tokensOnly("oracle", 2, 0));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(llama).hasNoBugAgainst(tokensOnly("oracle", 7, 0)));
        assertTrue(e.getMessage().startsWith("expected the traces to show no bug over all steps (A is actual), but "
                + "the verdict is LOGIT_MISMATCH:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("| one-sided"), e.getMessage());
        assertFalse(e.getMessage().contains("top movers"), e.getMessage());
    }

    /** The gap of the old builder: {@code assertThat(broken).matches(llama).within(band);} was green. */
    @Test
    void theCallThatNamesTheOtherTraceAssertsWithNothingAfterIt() {
        assertThrows(AssertionFailedError.class, () -> assertThat(WEIGHTS_BUG).within(Band.defaults())
                .matches(EXPECTED));
    }

    /**
     * The API's shape leaves no unfinished assertion unflagged: every public method of {@link TraceAssert} that takes
     * the other trace fails at once on one of a matching and a broken pair, and every other one only configures
     * (returns a {@code TraceAssert} and never sees the other trace) and is marked {@link CheckReturnValue}, as is
     * {@code assertThat}, so a statement that stops before naming the other trace is an ignored result to Error Prone
     * and IDEs. {@link ComparisonAssert} takes no trace.
     */
    @Test
    void everyMethodThatTakesTheOtherTraceAssertsAndTheRestOnlyConfigure() throws ReflectiveOperationException {
        List<Method> methods = Arrays.stream(TraceAssert.class.getMethods())
                .filter(m -> m.getDeclaringClass() == TraceAssert.class && !Modifier.isStatic(m.getModifiers()))
                .toList();
        List<Method> comparing = methods.stream()
                .filter(m -> Arrays.asList(m.getParameterTypes()).contains(Trace.class)).toList();
        assertEquals(List.of("divergesFrom", "hasNoBugAgainst", "matches"),
                comparing.stream().map(Method::getName).sorted().toList());
        for (Method m : comparing) {
            assertEquals(ComparisonAssert.class, m.getReturnType(), m.getName());
            boolean failsOnOne = throwsAssertion(m, EXPECTED) || throwsAssertion(m, WEIGHTS_BUG);
            assertTrue(failsOnOne, m.getName() + " never fails on its own");
        }
        methods.stream().filter(m -> !comparing.contains(m)).forEach(m -> {
            assertEquals(TraceAssert.class, m.getReturnType(), m.getName());
            assertTrue(m.isAnnotationPresent(CheckReturnValue.class), m.getName() + " checks nothing: its result "
                    + "must be used");
        });
        comparing.forEach(m -> assertFalse(m.isAnnotationPresent(CheckReturnValue.class), m.getName()
                + " asserts: its result may be ignored"));
        assertTrue(LogitAssertions.class.getMethod("assertThat", Trace.class)
                .isAnnotationPresent(CheckReturnValue.class));
        assertTrue(Arrays.stream(ComparisonAssert.class.getMethods())
                .noneMatch(m -> Arrays.asList(m.getParameterTypes()).contains(Trace.class)));
    }

    private static boolean throwsAssertion(Method compare, Trace actual) throws IllegalAccessException {
        try {
            compare.invoke(assertThat(actual), EXPECTED);
            return false;
        } catch (InvocationTargetException e) {
            return e.getCause() instanceof AssertionFailedError;
        }
    }
}
