package dev.logitparity.compare;

import dev.logitparity.BadInputException;
import dev.logitparity.compare.DivergenceReport.Mode;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.logits.TopK;
import dev.logitparity.sources.TopKLogits;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static dev.logitparity.compare.SyntheticTraces.PROMPT;
import static dev.logitparity.compare.SyntheticTraces.copy;
import static dev.logitparity.compare.SyntheticTraces.freeRun;
import static dev.logitparity.compare.SyntheticTraces.logprobs;
import static dev.logitparity.compare.SyntheticTraces.rows;
import static dev.logitparity.compare.SyntheticTraces.tokensOnly;
import static dev.logitparity.compare.SyntheticTraces.withTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceComparatorTest {
    private static final TraceComparator DEFAULTS = TraceComparator.within(Band.defaults());
    /** 2^-13 ≈ 1.2e-4: exactly representable, so hand-computed margins are exact. */
    private static final float TIE_GAP = 0x1p-13f;

    @Test
    void identicalTracesAreIdenticalWithZeroMetrics() {
        float[][] rows = rows(6, 50, 1);
        DivergenceReport report = DEFAULTS.compare(freeRun("llama.cpp", rows), freeRun("other", copy(rows)));

        assertEquals(Verdict.IDENTICAL, report.summary().verdict());
        assertEquals(Mode.TWO_SIDED, report.summary().mode());
        assertTrue(report.firstDivergentStep().isEmpty());
        assertEquals(6, report.steps().size());
        for (StepComparison step : report.steps()) {
            StepMetrics m = (StepMetrics) step;
            assertTrue(m.bitwiseEqual());
            assertTrue(m.agrees());
            assertEquals(0, m.maxAbsDelta());
            assertEquals(0, m.meanAbsDelta());
            assertEquals(0, m.kl());
            assertEquals(0, m.nmse());
            assertEquals(0, m.flipEpsilon());
            assertEquals(1, m.topKOverlap());
            assertEquals(0, m.rankAInB());
            assertEquals(0, m.rankBInA());
        }
        assertEquals(new Band(0, 0, 0), report.summary().minimalPassingBand());
    }

    @Test
    void aSwappedNearTieIsANearTieFlipWithHandComputedMarginsAndEpsilon() {
        float[][] a = rows(5, 20, 2);
        a[2][7] = 6;
        a[2][9] = 6 + TIE_GAP;
        a[2][2] = 1;
        float[][] b = copy(a);
        b[2][7] = 6 + TIE_GAP;
        b[2][9] = 6;
        // After the flip, free-run contexts differ: a large difference there must not change the verdict.
        b[3][0] = 30;
        b[4][1] = 30;

        DivergenceReport report = DEFAULTS.compare(freeRun("llama.cpp", a), freeRun("other", b));

        assertEquals(Verdict.NEAR_TIE_FLIP, report.summary().verdict());
        assertEquals(2, report.firstDivergentStep().orElseThrow());
        StepMetrics flip = (StepMetrics) report.summary().divergence();
        assertEquals(9, flip.argmaxA());
        assertEquals(7, flip.argmaxB());
        assertEquals(TIE_GAP, flip.marginA());
        assertEquals(TIE_GAP, flip.marginB());
        assertEquals(2.0 * TIE_GAP, flip.flipEpsilon());
        assertEquals(TIE_GAP, flip.maxAbsDelta(), 1e-12);
        assertEquals(1, flip.rankAInB());
        assertEquals(1, flip.rankBInA());
        assertFalse(flip.contextsDiffer());
        assertEquals(3, report.summary().contextsDifferFrom());
        assertTrue(report.steps().get(3).contextsDiffer());
        assertTrue(report.steps().get(4).contextsDiffer());
        assertNull(report.summary().firstOutOfBand());
    }

    @Test
    void aLargeChangeAtStepZeroIsALogitMismatchAtZeroEvenWithTheSameChoices() {
        float[][] a = rows(4, 30, 3);
        float[][] b = copy(a);
        b[0][5] += 2;
        DivergenceReport report = DEFAULTS.compare(freeRun("llama.cpp", a), freeRun("gpt2-port", b));

        assertEquals(Verdict.LOGIT_MISMATCH, report.summary().verdict());
        assertEquals(0, report.summary().firstOutOfBand());
        assertTrue(report.firstDivergentStep().isEmpty());
        assertTrue(report.summary().reason().startsWith("step 0 is already outside the band"),
                report.summary().reason());
    }

    @Test
    void anErrorGrowingWithPositionIsDrift() {
        float[][] a = rows(20, 16, 4);
        float[][] b = copy(a);
        for (int step = 0; step < b.length; step++) {
            for (int token = 0; token < 16; token++) {
                b[step][token] += (float) (step * 2e-3 * ((token % 3) - 1));
            }
        }
        DivergenceReport report = TraceComparator.within(Band.logprob(1e-2))
                .compare(freeRun("llama.cpp", a), freeRun("kv-bug", b));

        assertEquals(Verdict.DRIFT, report.summary().verdict(), report.summary().reason());
        assertTrue(report.firstDivergentStep().isEmpty());
        int firstOut = report.summary().firstOutOfBand();
        assertTrue(firstOut > 1 && firstOut < 10, "first out of band " + firstOut);
        assertTrue(DriftRule.trend(metrics(report)) > 0.8);
    }

    @Test
    void aLoneSpikeIsALogitMismatchNotDrift() {
        float[][] a = rows(20, 16, 5);
        float[][] b = copy(a);
        for (int step = 0; step < b.length; step++) {
            b[step][(step + 3) % 16] += (float) (1e-4 * ((step * 7) % 5));
        }
        b[10][4] += 0.5f;
        DivergenceReport report = DEFAULTS.compare(freeRun("llama.cpp", a), freeRun("other", b));

        assertEquals(Verdict.LOGIT_MISMATCH, report.summary().verdict());
        assertEquals(10, report.summary().firstOutOfBand());
        assertTrue(report.summary().reason().contains("no steady growth"), report.summary().reason());
    }

    @Test
    void differingPromptIdsAreTokenizationWithTheFirstDifferingPosition() {
        float[][] rows = rows(3, 10, 6);
        Trace a = withTokens("llama.cpp", CaptureMode.FREE_RUN, new int[]{1, 2, 3}, new int[]{0, 1, 2}, rows);
        Trace b = withTokens("other", CaptureMode.FREE_RUN, new int[]{1, 2, 4, 5}, new int[]{0, 1, 2}, copy(rows));
        DivergenceReport report = DEFAULTS.compare(a, b);

        assertEquals(Verdict.TOKENIZATION, report.summary().verdict());
        DivergenceReport.PromptCheck prompt = report.summary().prompt();
        assertEquals(2, prompt.firstDifference());
        assertEquals(3, prompt.idA());
        assertEquals(4, prompt.idB());
        assertEquals(3, prompt.lengthA());
        assertEquals(4, prompt.lengthB());
        assertTrue(report.steps().stream().allMatch(StepComparison::contextsDiffer));
        assertEquals(0, report.summary().contextsDifferFrom());
        assertNull(report.summary().minimalPassingBand());
    }

    @Test
    void aPromptThatIsAPrefixOfTheOtherDiffersWhereItEnds() {
        DivergenceReport.PromptCheck check = DivergenceReport.PromptCheck.of(new int[]{1, 2}, new int[]{1, 2, 3});
        assertEquals(2, check.firstDifference());
        assertNull(check.idA());
        assertEquals(3, check.idB());
        assertTrue(DivergenceReport.PromptCheck.of(new int[]{1, 2}, new int[]{1, 2}).matches());
    }

    @Test
    void aSideThatStopsAtEndOfGenerationIsAnEarlyStop() {
        int eos = 7;
        float[][] a = rows(5, 10, 7);
        a[2][eos] = 20;
        float[][] b = copy(a);
        Trace shorter = freeRun("apr", new float[][]{b[0], b[1], b[2]});
        DivergenceReport report = DEFAULTS.compare(freeRun("llama.cpp", a), shorter);

        assertEquals(Verdict.EARLY_STOP, report.summary().verdict());
        assertEquals(new DivergenceReport.Lengths(5, 3, 3), report.summary().lengths());
        assertEquals(3, report.steps().size());
        assertTrue(report.summary().reason().startsWith("B stops after 3 steps (last token 7)"),
                report.summary().reason());
    }

    @Test
    void nonFiniteLogitsAreReportedWithoutNaNInTheMetrics() {
        float[][] a = rows(3, 12, 8);
        a[1][3] = Float.NaN;
        a[1][4] = Float.POSITIVE_INFINITY;
        a[1][5] = Float.NEGATIVE_INFINITY;
        float[][] b = copy(a);
        b[1][3] = 0.5f;
        b[1][4] = 0.5f;
        b[1][5] = 0.5f;
        // Masked on both sides: consistent, not counted.
        a[1][6] = Float.NEGATIVE_INFINITY;
        b[1][6] = Float.NEGATIVE_INFINITY;

        DivergenceReport report = DEFAULTS.compare(freeRun("llama.cpp", a), freeRun("other", b));

        StepMetrics bad = (StepMetrics) report.steps().get(1);
        assertEquals(3, bad.nonFiniteA());
        assertEquals(0, bad.nonFiniteB());
        for (double value : List.of(bad.maxAbsDelta(), bad.meanAbsDelta(), bad.kl(), bad.nmse(), bad.marginA(),
                bad.marginB(), bad.flipEpsilon(), bad.topKOverlap())) {
            assertTrue(Double.isFinite(value), "finite: " + bad);
        }
        assertEquals(0, bad.maxAbsDelta(), 1e-12, "the rows agree on every token finite on both sides");
        assertEquals(new DivergenceReport.NonFinite(1, 1, 3, 0), report.summary().nonFinite());
        assertEquals(Verdict.LOGIT_MISMATCH, report.summary().verdict());
        assertEquals(1, report.summary().firstOutOfBand());
        assertTrue(report.summary().reason().contains("non-finite logits (A 3, B 0)"), report.summary().reason());
        assertNull(report.summary().minimalPassingBand());
    }

    @Test
    void aRowWithoutAnyFiniteLogitGivesZeroMetrics() {
        float[] nan = new float[4];
        Arrays.fill(nan, Float.NaN);
        Trace a = withTokens("llama.cpp", CaptureMode.FREE_RUN, PROMPT, new int[]{0}, new float[][]{nan});
        Trace b = withTokens("other", CaptureMode.FREE_RUN, PROMPT, new int[]{0}, new float[][]{{1, 2, 3, 4}});
        StepMetrics m = (StepMetrics) DEFAULTS.compare(a, b).steps().getFirst();
        assertEquals(4, m.nonFiniteA());
        assertEquals(0, m.kl());
        assertEquals(0, m.maxAbsDelta());
    }

    @Test
    void differentVocabularySizesAreBadInputNamingBothSizesOnOneLine() {
        Trace a = freeRun("llama.cpp", rows(2, 151936, 9));
        Trace b = freeRun("apr", rows(2, 151646, 9));
        BadInputException e = assertThrows(BadInputException.class, () -> DEFAULTS.compare(a, b));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("151936") && e.getMessage().contains("151646"), e.getMessage());
    }

    @Test
    void aTraceAWithoutLogitsIsBadInput() {
        Trace tokens = tokensOnly("apr", new int[]{1, 2});
        assertThrows(BadInputException.class, () -> DEFAULTS.compare(tokens, freeRun("x", rows(2, 4, 1))));
    }

    @Test
    void oneSidedComparisonGivesAsMarginRankAndLogprobOfBsToken() {
        float[][] a = rows(3, 10, 10);
        a[1] = new float[]{0, 1, 5, 2, 4.5f, 3, -1, 0, 0, 0};
        int[] bTokens = {0, 5, 2};
        Trace forced = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, bTokens, a);
        DivergenceReport report = DEFAULTS.compare(forced, tokensOnly("apr", bTokens));

        assertEquals(Mode.ONE_SIDED, report.summary().mode());
        assertEquals(Verdict.LOGIT_MISMATCH, report.summary().verdict());
        OneSidedStep step = (OneSidedStep) report.summary().divergence();
        assertEquals(1, step.step());
        assertEquals(2, step.argmaxA());
        assertEquals(5, step.tokenB());
        assertEquals(2.0, step.margin());
        assertEquals(2, step.rankTokenBInA());
        double[] z = logprobs(a[1]);
        assertEquals(z[5], step.logprobTokenB(), 1e-12);
        assertEquals(z[2], step.logprobArgmaxA(), 1e-12);
        assertNull(report.summary().minimalPassingBand());
        assertTrue(report.summary().notes().getFirst().startsWith("B gave no logits"));
    }

    @Test
    void oneSidedNearTieIsANearTieFlip() {
        float[][] a = rows(2, 10, 11);
        a[1][3] = 7;
        a[1][4] = 7 - TIE_GAP;
        a[1][1] = 0;
        int[] bTokens = {0, 4};
        Trace forced = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, bTokens, a);
        DivergenceReport report = DEFAULTS.compare(forced, tokensOnly("apr", bTokens));

        assertEquals(Verdict.NEAR_TIE_FLIP, report.summary().verdict());
        OneSidedStep step = (OneSidedStep) report.summary().divergence();
        assertEquals(TIE_GAP, step.margin());
        assertEquals(1, step.rankTokenBInA());
    }

    @Test
    void oneSidedEarlyStopAndAgreement() {
        float[][] a = rows(4, 10, 12);
        int[] argmaxes = {0, 1, 2, 3};
        Trace forced = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, argmaxes, a);
        assertEquals(Verdict.IDENTICAL, DEFAULTS.compare(forced, tokensOnly("apr", argmaxes)).summary().verdict());
        assertEquals(Verdict.EARLY_STOP,
                DEFAULTS.compare(forced, tokensOnly("apr", new int[]{0, 1})).summary().verdict());
    }

    @Test
    void choosingAnEndOfGenerationTokenAtTheFirstDivergenceIsAnEarlyStop() {
        // A's argmax is the step number; B stops at step 2 with token 0, which A rates 4 nats behind.
        float[][] a = new float[4][];
        for (int step = 0; step < 4; step++) {
            a[step] = new float[]{5, 1, 0, 0};
            a[step][step] = 9;
        }
        int[] argmaxes = {0, 1, 2, 3};
        Trace forced = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, argmaxes, a);
        Trace stops = tokensOnly("apr", new int[]{0, 1, 0});
        DivergenceReport plain = DEFAULTS.compare(forced, stops);
        DivergenceReport knowing = DEFAULTS.endOfGeneration(token -> token == 0).compare(forced, stops);
        assertEquals(Verdict.LOGIT_MISMATCH, plain.summary().verdict());
        assertEquals(Verdict.EARLY_STOP, knowing.summary().verdict());
        assertEquals(2, knowing.firstDivergentStep().orElseThrow());
        assertTrue(knowing.summary().reason().startsWith("at step 2 B chooses end-of-generation token 0 while A goes "
                + "on with 2"), knowing.summary().reason());
    }

    @Test
    void topKOnlySideIsComparedOverTheTokensItListed() {
        float[][] a = rows(3, 50, 21);
        int[] argmaxes = new int[3];
        TopKLogits.Builder listed = TopKLogits.builder(50);
        TopKLogits.Builder missingChoice = TopKLogits.builder(50);
        for (int step = 0; step < 3; step++) {
            int[] top = TopK.of(a[step], 50, 5);
            argmaxes[step] = top[0];
            float[] values = new float[top.length];
            for (int i = 0; i < top.length; i++) {
                values[i] = a[step][top[i]];
            }
            listed.appendRow(top, values);
            missingChoice.appendRow(Arrays.copyOfRange(top, 1, 5), Arrays.copyOfRange(values, 1, 5));
        }
        Trace full = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, argmaxes, a);
        Trace same = Trace.of(SyntheticTraces.info("jsonl", CaptureMode.FREE_RUN), PROMPT, argmaxes, listed.build());
        DivergenceReport report = DEFAULTS.compare(full, same);
        assertEquals(Verdict.IDENTICAL, report.summary().verdict(), report.summary().reason());
        assertEquals(0.0, ((StepMetrics) report.steps().get(0)).maxAbsDelta(), 1e-12);
        assertTrue(report.summary().notes().getFirst().startsWith("B listed only its top tokens"));

        int[] secondBest = new int[3];
        for (int step = 0; step < 3; step++) {
            secondBest[step] = TopK.of(a[step], 50, 2)[1];
        }
        Trace withoutAsChoice = Trace.of(SyntheticTraces.info("jsonl", CaptureMode.FREE_RUN), PROMPT, secondBest,
                missingChoice.build());
        assertNotEquals(Verdict.IDENTICAL, DEFAULTS.compare(full, withoutAsChoice).summary().verdict());
    }

    @Test
    void aChoiceMissingFromBsTopKListIsSaidInThoseWordsNotAsNonFiniteLogits() {
        float[][] a = rows(1, 50, 22);
        int[] top = TopK.of(a[0], 50, 5);
        float[] values = new float[4];
        for (int i = 1; i < 5; i++) {
            values[i - 1] = a[0][top[i]];
        }
        // B lists its top 4 without A's choice top[0], and chooses top[1].
        Trace full = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, new int[]{top[1]}, a);
        Trace listed = Trace.of(SyntheticTraces.info("apr", CaptureMode.FREE_RUN), PROMPT, new int[]{top[1]},
                TopKLogits.builder(50).appendRow(Arrays.copyOfRange(top, 1, 5), values).build());
        DivergenceReport report = DEFAULTS.compare(full, listed);
        String reason = report.summary().reason();
        assertTrue(reason.contains("A's choice " + top[0] + " is not in B's top-k list"), reason);
        assertFalse(reason.contains("non-finite"), reason);
        assertEquals(0, report.summary().nonFinite().steps());
        assertTrue(report.summary().notes().stream().anyMatch(note -> note.contains("B's top-k list lacks A's "
                + "choice")), report.summary().notes().toString());
        assertTrue(report.summary().notes().stream().noneMatch(note -> note.contains("NaN or infinite")));
    }

    @Test
    void oneSidedTokensOutsideTheVocabularyAreBadInput() {
        Trace forced = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, new int[]{0}, rows(1, 10, 1));
        BadInputException e = assertThrows(BadInputException.class,
                () -> DEFAULTS.compare(forced, tokensOnly("apr", new int[]{10})));
        assertTrue(e.getMessage().contains("outside A's vocabulary of 10"), e.getMessage());
    }

    @Test
    void theMinimalPassingBandIsTheObservedMaximaAndPassesTheTraces() {
        float[][] a = rows(6, 40, 13);
        float[][] b = copy(a);
        for (int step = 0; step < b.length; step++) {
            b[step][(step * 5 + 1) % 40] += 0.01f * (step + 1) * (step % 2 == 0 ? 1 : -1);
        }
        DivergenceReport report = TraceComparator.within(Band.logprob(1e-4)).compare(freeRun("a", a), freeRun("b", b));
        assertEquals(Verdict.LOGIT_MISMATCH, report.summary().verdict());

        List<StepMetrics> steps = metrics(report);
        double maxDelta = steps.stream().mapToDouble(StepMetrics::maxAbsDelta).max().orElseThrow();
        double maxKl = steps.stream().mapToDouble(StepMetrics::kl).max().orElseThrow();
        Band minimal = report.summary().minimalPassingBand();
        assertEquals(new Band(maxDelta, maxKl, 0), minimal);
        assertEquals(Verdict.IDENTICAL,
                TraceComparator.within(minimal).compare(freeRun("a", a), freeRun("b", b)).summary().verdict());
        Band tighter = new Band(Math.nextDown(maxDelta), maxKl, 0);
        assertNotEquals(Verdict.IDENTICAL,
                TraceComparator.within(tighter).compare(freeRun("a", a), freeRun("b", b)).summary().verdict());
    }

    @Test
    void klNmseAndTopKOverlapEqualHandComputedValuesOnATinyVocabulary() {
        float[] rowA = {1, 2, 3, 4};
        float[] rowB = {1.5f, 2.8f, 2.5f, 4.2f};
        DivergenceReport report = TraceComparator.within(Band.defaults()).topK(2)
                .compare(freeRun("a", new float[][]{rowA}), freeRun("b", new float[][]{rowB}));
        StepMetrics m = (StepMetrics) report.steps().getFirst();

        double[] za = logprobs(rowA);
        double[] zb = logprobs(rowB);
        double kl = 0;
        double mse = 0;
        double mean = 0;
        double maxAbs = 0;
        double sumAbs = 0;
        for (int i = 0; i < 4; i++) {
            kl += Math.exp(za[i]) * (za[i] - zb[i]);
            mse += (za[i] - zb[i]) * (za[i] - zb[i]) / 4;
            mean += za[i] / 4;
            maxAbs = Math.max(maxAbs, Math.abs(za[i] - zb[i]));
            sumAbs += Math.abs(za[i] - zb[i]);
        }
        double var = 0;
        for (double z : za) {
            var += (z - mean) * (z - mean) / 4;
        }
        assertEquals(kl, m.kl(), 1e-14);
        assertEquals(mse / var, m.nmse(), 1e-14);
        assertEquals(maxAbs, m.maxAbsDelta(), 1e-14);
        assertEquals(sumAbs / 4, m.meanAbsDelta(), 1e-14);
        // top-2: A {3, 2}, B {3, 1}
        assertEquals(0.5, m.topKOverlap());
        assertEquals(2, report.summary().topK());
    }

    @Test
    void tiesGoToTheLowestIdAsGreedyDecodingBreaksThem() {
        float[] rowA = {2, 3, 3, 0};
        float[] rowB = {3, 3, 5, 0};
        StepMetrics m = (StepMetrics) DEFAULTS.compare(freeRun("a", new float[][]{rowA}),
                freeRun("b", new float[][]{rowB})).steps().getFirst();
        assertEquals(1, m.argmaxA());
        assertEquals(2, m.argmaxB());
        assertEquals(2, m.rankAInB(), "token 1 is behind 2 (larger) and 0 (equal, lower id) in B");
        assertEquals(1, m.rankBInA(), "token 2 is behind 1 (equal, lower id) in A");
        assertEquals(2, LogProbs.rank(rowB, 4, 1));
        assertEquals(1, LogProbs.rank(rowA, 4, 2));
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 3})
    void rowsAreStreamedThroughTwoReusedBuffersPerThread(int threads) {
        float[][] rows = rows(8, 30, 14);
        Set<float[]> buffers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        Logits spyA = recording(InMemoryLogits.wrap(30, flatten(rows)), buffers);
        Logits spyB = recording(InMemoryLogits.wrap(30, flatten(rows)), buffers);
        Trace a = Trace.of(SyntheticTraces.info("a", CaptureMode.FREE_RUN), PROMPT, freeRun("a", rows).tokens(), spyA);
        Trace b = Trace.of(SyntheticTraces.info("b", CaptureMode.FREE_RUN), PROMPT, freeRun("b", rows).tokens(), spyB);
        assertEquals(Verdict.IDENTICAL, DEFAULTS.threads(threads).compare(a, b).summary().verdict());
        // a thread that starts after the others have taken every step holds none
        assertTrue(buffers.size() >= 2 && buffers.size() <= 2 * threads, buffers.size() + " buffers");
    }

    @Test
    void notesCanBeAddedByTheCaller() {
        float[][] rows = rows(2, 10, 15);
        DivergenceReport report = DEFAULTS.compare(freeRun("a", rows), freeRun("b", copy(rows)))
                .withNote("B's ids were re-tokenised from text");
        assertEquals(List.of("B's ids were re-tokenised from text"), report.summary().notes());
        assertNotNull(report.summary().band());
    }

    private static List<StepMetrics> metrics(DivergenceReport report) {
        return report.steps().stream().map(StepMetrics.class::cast).toList();
    }

    private static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int step = 0; step < rows.length; step++) {
            System.arraycopy(rows[step], 0, flat, step * rows[0].length, rows[0].length);
        }
        return flat;
    }

    private static Logits recording(Logits inner, Set<float[]> buffers) {
        return SyntheticTraces.intercepting(inner, (dst, step) -> buffers.add(dst));
    }
}
