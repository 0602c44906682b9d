package dev.logitparity.junit;

import static dev.logitparity.gguf.GgmlType.F32;
import static dev.logitparity.gguf.GgmlType.Q8_0;
import static dev.logitparity.junit.LogitAssertions.assertThat;
import static dev.logitparity.models.Architecture.QWEN2;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logitparity.capture.GreedyCapture;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.TextReport;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.compare.Verdict;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The band assertions on real llama.cpp traces of the generated qwen2 model and its Q8_0 twin. */
class TraceMatchAssertTest {
    private static final String PROMPT = "The capital of France is";
    private static final int STEPS = 16;
    private static final Band TIGHT = Band.logprob(1e-3).kl(1e-4);
    private static final IntFunction<String> TOKEN_IDS = id -> "#" + id;

    private static LlamaModel f32Model;
    /** Free run on the F32 model. */
    private static Trace f32;
    /** The Q8_0 twin teacher-forced on {@link #f32}'s tokens: same contexts, quantised weights. */
    private static Trace q8;

    @BeforeAll
    static void capture() {
        LlamaLibrary library = LlamaLibrary.load();
        f32Model = library.loadModel(GeneratedModels.path(QWEN2, F32), ModelSettings.defaults());
        f32 = capture(f32Model, null);
        try (LlamaModel q8Model = library.loadModel(GeneratedModels.path(QWEN2, Q8_0), ModelSettings.defaults())) {
            q8 = capture(q8Model, f32.tokens());
        }
    }

    @AfterAll
    static void closeModel() {
        f32Model.close();
    }

    /** A free run when {@code forced} is null, else teacher-forced on it. */
    private static Trace capture(LlamaModel model, int[] forced) {
        try (LlamaContext context = model.newContext(ContextSettings.defaults())) {
            GreedyCapture capture = new GreedyCapture(context);
            return forced == null ? capture.freeRun(PROMPT, STEPS, false) : capture.teacherForced(PROMPT, forced);
        }
    }

    @Test
    void aTraceMatchesItselfAndItsTeacherForcedRecaptureWithinATightBand() {
        Trace recaptured = capture(f32Model, f32.tokens());
        assertDoesNotThrow(() -> assertThat(f32).matches(f32).within(TIGHT).forSteps(STEPS));
        assertDoesNotThrow(() -> assertThat(recaptured).matches(f32).within(TIGHT).forAllSteps());
    }

    @Test
    void theQuantisedTwinFailsWithTheDivergenceReportAsTheMessage() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(q8).matches(f32).within(TIGHT).forSteps(STEPS));

        DivergenceReport report = TraceComparator.within(TIGHT).compare(f32, q8);
        // Q8_0 moves step 0's log-probabilities by about 0.1 nat, a hundred times the band.
        assertEquals(Verdict.LOGIT_MISMATCH, report.summary().verdict());
        String message = e.getMessage();
        assertTrue(message.startsWith("traces do not match within the band over the first 16 steps (A is expected):\n"
                + "A: llama.cpp (qwen2-f32.gguf) | B: llama.cpp (qwen2-q8_0.gguf)"), message);
        assertTrue(message.endsWith(TextReport.render(report, TOKEN_IDS)), message);
        assertTrue(message.contains("\nverdict: LOGIT_MISMATCH\n  step 0 is already outside the band"), message);
        String divergence = report.firstDivergentStep().isPresent()
                ? "\ndivergence: step " + report.firstDivergentStep().getAsInt() + ": A "
                : "\ndivergence: none within the same context\n";
        assertTrue(message.contains(divergence), message);
        assertTrue(message.contains("\nband: max |Δlogprob| <= 0.00100, KL <= 0.000100"), message);
        assertTrue(message.contains("\n" + focusLine(report)), message);
    }

    @Test
    void piecesSpellTheTokensInTheMessage() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(q8).matches(f32).within(TIGHT).withPieces(f32Model.vocab()::piece).forSteps(STEPS));

        DivergenceReport report = TraceComparator.within(TIGHT).compare(f32, q8);
        assertTrue(e.getMessage().endsWith(TextReport.render(report, f32Model.vocab()::piece)), e.getMessage());
        assertFalse(e.getMessage().contains("\"#"), e.getMessage());
    }

    @Test
    void topKSetsTheOverlapTheReportGives() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(q8).matches(f32).within(TIGHT).topK(3).forSteps(STEPS));
        assertTrue(e.getMessage().contains("two-sided, top-3 overlap"), e.getMessage());
    }

    @Test
    void forStepsComparesOnlyTheFirstSteps() {
        int spliced = 8;
        Trace f32ThenQ8 = splice(f32, q8, spliced);

        assertDoesNotThrow(() -> assertThat(f32ThenQ8).matches(f32).within(TIGHT).forSteps(spliced));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(f32ThenQ8).matches(f32).within(TIGHT).forSteps(spliced + 1));
        DivergenceReport report = TraceComparator.within(TIGHT).compare(f32.firstSteps(spliced + 1),
                f32ThenQ8.firstSteps(spliced + 1));
        assertEquals(spliced, report.summary().firstOutOfBand());
        assertTrue(e.getMessage().contains("\nsteps: 9 compared (A 9, B 9)\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\n" + focusLine(report)), e.getMessage());
    }

    @Test
    void forStepsBeyondEitherTraceFailsSayingHowLongEachIs() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(q8.firstSteps(10)).matches(f32).forSteps(12));
        assertEquals("cannot compare the first 12 steps: expected (llama.cpp (qwen2-f32.gguf)) has 16, actual "
                + "(llama.cpp (qwen2-q8_0.gguf)) has 10", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> assertThat(f32).matches(f32).forSteps(0));
    }

    @Test
    void forAllStepsFailsWhenOneTraceStopsEarly() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(f32.firstSteps(8)).matches(f32).within(TIGHT).forAllSteps());
        assertTrue(e.getMessage().contains("\nverdict: EARLY_STOP\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\nsteps: 8 compared (A 16, B 8)\n"), e.getMessage());
    }

    @Test
    void aSideWithOnlyTokensIsRatedByTheOtherSidesLogitsWhicheverArgumentItIs() {
        RunInfo tokensOnly = new RunInfo("myrt", null, null, null, CaptureMode.FREE_RUN, PROMPT, null, null);
        Trace sameTokens = Trace.tokensOnly(tokensOnly, f32.promptTokens(), f32.tokens());
        assertDoesNotThrow(() -> assertThat(sameTokens).matches(f32).forSteps(STEPS));
        assertDoesNotThrow(() -> assertThat(f32).matches(sameTokens).forSteps(STEPS));

        int[] changed = f32.tokens();
        changed[5] = (changed[5] + 1) % f32Model.vocab().size();
        Trace otherTokens = Trace.tokensOnly(tokensOnly, f32.promptTokens(), changed);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertThat(f32).matches(otherTokens).forSteps(STEPS));
        assertTrue(e.getMessage().startsWith("traces do not match within the band over the first 16 steps (A is "
                + "actual):\nA: llama.cpp (qwen2-f32.gguf) | B: myrt | one-sided"), e.getMessage());
        assertTrue(e.getMessage().contains("\ndivergence: step 5: A picks " + f32.token(5) + " \"#"), e.getMessage());
    }

    /** The report's table row for the step it focuses on, marked with {@code >}. */
    private static String focusLine(DivergenceReport report) {
        int focus = report.firstDivergentStep().orElseGet(() -> report.summary().firstOutOfBand());
        return String.format(Locale.ROOT, "> %6d  ", focus);
    }

    /** {@code head}'s first {@code from} rows, then {@code tail}'s, over {@code tail}'s tokens and info. */
    private static Trace splice(Trace head, Trace tail, int from) {
        Logits headRows = head.logits().orElseThrow();
        Logits tailRows = tail.logits().orElseThrow();
        InMemoryLogits.Builder rows = InMemoryLogits.builder(headRows.vocab(), tail.steps());
        float[] row = new float[headRows.vocab()];
        for (int step = 0; step < tail.steps(); step++) {
            (step < from ? headRows : tailRows).copyRow(step, row);
            rows.appendRow(row);
        }
        return Trace.of(tail.info(), tail.promptTokens(), tail.tokens(), rows.build());
    }
}
