package dev.logitparity.engine;

import dev.logitparity.trace.TensorSink;

import dev.logitparity.BadInputException;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The decode loop on a toy engine whose logits are worked out by hand: after token t the largest logit is at
 * (t + 3) mod 7, so every expected sequence below is arithmetic, not a second run of the loop. (llama.cpp and the
 * reference run through this loop in their own engines' tests.)
 */
class GreedyRecorderTest {

    private static final int VOCAB = 7;

    /** Logit of token i after token t: 10 at (t + 3) mod 7, i / 10 elsewhere. Records every call. */
    private static final class CountingEngine implements Engine {
        final List<String> calls = new ArrayList<>();
        final int endOfGeneration;
        int last = -1;

        CountingEngine(int endOfGeneration) {
            this.endOfGeneration = endOfGeneration;
        }

        @Override
        public int vocabSize() {
            return VOCAB;
        }

        @Override
        public int maxPositions() {
            return 8;
        }

        @Override
        public void reset(int positions) {
            calls.add("reset " + positions);
            last = -1;
        }

        @Override
        public void feed(int[] tokens) {
            calls.add("feed " + Arrays.toString(tokens));
            last = tokens[tokens.length - 1];
        }

        @Override
        public void copyLogits(float[] row) {
            for (int i = 0; i < VOCAB; i++) {
                row[i] = i / 10f;
            }
            row[(last + 3) % VOCAB] = 10;
        }

        @Override
        public boolean isEndOfGeneration(int token) {
            return token == endOfGeneration;
        }

        @Override
        public void tap(TensorSink sink) {
            throw new IllegalStateException("the toy engine has no intermediates");
        }

        @Override
        public RunInfo runInfo(String prompt, CaptureMode mode) {
            return new RunInfo("toy", "toy.gguf", null, "toy", mode, prompt, Map.of(), "test");
        }
    }

    @Test
    void freeRunFeedsThePromptOnceThenEachChoice() {
        CountingEngine engine = new CountingEngine(-1);
        try (Trace trace = new GreedyRecorder(engine).freeRun("p", new int[] {1, 2}, 3, true)) {
            // 2 -> 5 -> 8 mod 7 = 1 -> 4
            assertArrayEquals(new int[] {5, 1, 4}, trace.tokens());
            assertArrayEquals(new int[] {1, 2}, trace.promptTokens());
            assertEquals(CaptureMode.FREE_RUN, trace.info().mode());
            assertEquals(10f, trace.logits().orElseThrow().get(1, 1));
        }
        // prompt 2 + steps 3 - 1 positions; the last choice is recorded, never fed
        assertEquals(List.of("reset 4", "feed [1, 2]", "feed [5]", "feed [1]"), engine.calls);
    }

    @Test
    void freeRunStopsAfterRecordingTheEndOfGenerationToken() {
        CountingEngine engine = new CountingEngine(1);
        try (Trace trace = new GreedyRecorder(engine).freeRun("p", new int[] {2}, 5, true)) {
            assertArrayEquals(new int[] {5, 1}, trace.tokens());
        }
        try (Trace trace = new GreedyRecorder(new CountingEngine(1)).freeRun("p", new int[] {2}, 5, false)) {
            assertArrayEquals(new int[] {5, 1, 4, 0, 3}, trace.tokens());
        }
    }

    @Test
    void teacherForcedFeedsTheGivenTokensAndRecordsTheLogitsBeforeEach() {
        CountingEngine engine = new CountingEngine(-1);
        try (Trace trace = new GreedyRecorder(engine).teacherForced("p", new int[] {0}, new int[] {6, 6, 2})) {
            assertArrayEquals(new int[] {6, 6, 2}, trace.tokens());
            assertEquals(CaptureMode.TEACHER_FORCED, trace.info().mode());
            // before step 1 the last fed token is 6: the peak is at (6 + 3) mod 7 = 2
            assertEquals(10f, trace.logits().orElseThrow().get(1, 2));
        }
        assertEquals(List.of("reset 3", "feed [0]", "feed [6]", "feed [6]"), engine.calls);
    }

    @Test
    void refusesWhatNoEngineCanDecode() {
        GreedyRecorder recorder = new GreedyRecorder(new CountingEngine(-1));
        assertEquals("prompt has no tokens",
                assertThrows(BadInputException.class, () -> recorder.freeRun("", new int[0], 2, false)).getMessage());
        assertEquals("steps must be at least 1, got 0",
                assertThrows(BadInputException.class, () -> recorder.freeRun("p", new int[] {1}, 0, false))
                        .getMessage());
        assertEquals("prompt is 4 tokens; with 6 steps that exceeds the context of 8 tokens",
                assertThrows(BadInputException.class, () -> recorder.freeRun("p", new int[4], 6, false))
                        .getMessage());
        assertEquals("forced token 1 is 7, outside the vocabulary of 7",
                assertThrows(BadInputException.class, () -> recorder.teacherForced("p", new int[] {1},
                        new int[] {0, 7})).getMessage());
    }
}
