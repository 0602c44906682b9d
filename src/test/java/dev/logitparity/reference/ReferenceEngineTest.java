package dev.logitparity.reference;

import dev.logitparity.TestModels;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference's traces: what free-run and teacher-forced record, and that decoding is incremental and exact. */
class ReferenceEngineTest {

    /** Qwen2's ids for "The capital of France is": the reference takes ids, not text. */
    private static final int[] PROMPT = {785, 6722, 315, 9625, 374};
    private static final int STEPS = 8;

    private final Path qwen2 = TestModels.path("qwen2", "q8_0");

    @Test
    void freeRunFeedsTheArgmaxOfEachRecordedRow() {
        try (ReferenceModel model = ReferenceModel.open(qwen2);
             Trace trace = new GreedyRecorder(new ReferenceEngine(model)).freeRun(null, PROMPT, STEPS, false)) {
            Logits logits = trace.logits().orElseThrow();
            float[] row = new float[logits.vocab()];
            for (int step = 0; step < STEPS; step++) {
                logits.copyRow(step, row);
                int largest = 0;
                for (int token = 1; token < row.length; token++) {
                    largest = row[token] > row[largest] ? token : largest;
                }
                assertEquals(largest, trace.token(step), "step " + step);
            }
            assertTrue(Arrays.stream(trace.tokens()).distinct().count() > 3, Arrays.toString(trace.tokens()));
        }
    }

    @Test
    void teacherForcingTheFreeRunTokensReproducesItsLogitsBitForBit() {
        try (ReferenceModel model = ReferenceModel.open(qwen2);
             Trace free = new GreedyRecorder(new ReferenceEngine(model)).freeRun(null, PROMPT, STEPS, false);
             Trace forced = new GreedyRecorder(new ReferenceEngine(model)).teacherForced(null, PROMPT, free.tokens())) {
            assertEquals(CaptureMode.TEACHER_FORCED, forced.info().mode());
            assertArrayEquals(free.tokens(), forced.tokens());
            for (int step = 0; step < STEPS; step++) {
                assertArrayEquals(row(free, step), row(forced, step));
            }
        }
    }

    /** The KV cache holds exactly what recomputing the prefix would: step k equals a fresh run whose prompt ends there. */
    @Test
    void incrementalDecodeEqualsRecomputingTheWholePrefix() {
        try (ReferenceModel model = ReferenceModel.open(qwen2);
             Trace free = new GreedyRecorder(new ReferenceEngine(model)).freeRun(null, PROMPT, STEPS, false)) {
            for (int k : new int[] {1, STEPS - 1}) {
                int[] longer = Arrays.copyOf(PROMPT, PROMPT.length + k);
                System.arraycopy(free.tokens(), 0, longer, PROMPT.length, k);
                try (Trace fresh = new GreedyRecorder(new ReferenceEngine(model)).teacherForced(null, longer, new int[] {free.token(k)})) {
                    assertArrayEquals(row(free, k), row(fresh, 0), "step " + k);
                }
            }
        }
    }

    @Test
    void recordsSourcePrecisionArchitectureAndOps() {
        try (ReferenceModel model = ReferenceModel.open(qwen2, ops -> ops.withRope(Ops.Rope.NORMAL));
             Trace trace = new GreedyRecorder(new ReferenceEngine(model)).freeRun("The capital of France is", PROMPT, 2, false)) {
            var info = trace.info();
            assertEquals("reference", info.source());
            assertEquals(CaptureMode.FREE_RUN, info.mode());
            assertEquals("The capital of France is", info.prompt());
            assertEquals(qwen2.toString(), info.model());
            assertEquals(64, info.modelSha256().length());
            assertEquals("f64", info.settings().get("precision"));
            assertEquals("qwen2", info.settings().get("architecture"));
            assertEquals("rms_norm", info.settings().get("norm"));
            assertEquals("normal", info.settings().get("rope"));
            assertEquals("off", info.settings().get("position_embedding"));
            assertEquals("swiglu", info.settings().get("feed_forward"));
            assertEquals("none", info.settings().get("rounding"));
            assertArrayEquals(PROMPT, trace.promptTokens());
        }
    }

    @Test
    void promptTextIsOptional() {
        try (ReferenceModel model = ReferenceModel.open(qwen2);
             Trace trace = new GreedyRecorder(new ReferenceEngine(model)).freeRun(null, new int[] {PROMPT[0]}, 1, false)) {
            assertNull(trace.info().prompt());
            assertEquals(1, trace.steps());
        }
    }

    private static float[] row(Trace trace, int step) {
        Logits logits = trace.logits().orElseThrow();
        float[] row = new float[logits.vocab()];
        logits.copyRow(step, row);
        return row;
    }
}
