package dev.logitparity.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void logitsMustHaveOneRowPerToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trace.of(
                TraceFixtures.info(), new int[]{1}, new int[]{0, 1, 2}, InMemoryLogits.wrap(4, new float[8])));
        assertEquals("3 tokens but 2 logits rows", e.getMessage());
    }

    @Test
    void tokenIdsMustLieInsideTheVocab() {
        InMemoryLogits logits = InMemoryLogits.wrap(4, new float[4]);
        assertThrows(IllegalArgumentException.class,
                () -> Trace.of(TraceFixtures.info(), new int[]{4}, new int[]{0}, logits));
        assertThrows(IllegalArgumentException.class,
                () -> Trace.of(TraceFixtures.info(), new int[]{0}, new int[]{-1}, logits));
        assertThrows(IllegalArgumentException.class,
                () -> Trace.tokensOnly(TraceFixtures.info(), new int[]{-5}, new int[0]));
    }

    @Test
    void aTokensOnlyTraceHasNoLogits() {
        Trace trace = Trace.tokensOnly(TraceFixtures.info(), new int[]{9}, new int[]{1_000_000, 2});
        assertTrue(trace.logits().isEmpty());
        assertEquals(2, trace.steps());
        assertEquals(1_000_000, trace.token(0));
    }

    @Test
    void tokenArraysAreCopiedInAndOut() {
        int[] tokens = {1, 2};
        Trace trace = Trace.tokensOnly(TraceFixtures.info(), new int[0], tokens);
        tokens[0] = 3;
        trace.tokens()[1] = 3;
        assertArrayEquals(new int[]{1, 2}, trace.tokens());
    }

    @Test
    void runInfoKeepsSettingsInRecordedOrderAndImmutable() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("threads", "2");
        settings.put("n_batch", "512");
        settings.put("flash_attn", "off");
        RunInfo info = new RunInfo("llama.cpp", null, null, null, CaptureMode.TEACHER_FORCED, null, settings, null);
        settings.put("late", "x");
        assertEquals(List.of("threads", "n_batch", "flash_attn"), List.copyOf(info.settings().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> info.settings().put("a", "b"));
        assertEquals(Map.of(), new RunInfo("x", null, null, null, CaptureMode.FREE_RUN, null, null, null).settings());
    }

    @Test
    void runInfoRejectsMissingSourceModeAndMalformedSha256() {
        assertThrows(NullPointerException.class,
                () -> new RunInfo(null, null, null, null, CaptureMode.FREE_RUN, null, null, null));
        assertThrows(NullPointerException.class, () -> new RunInfo("x", null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new RunInfo("x", null, "ABC", null, CaptureMode.FREE_RUN, null, null, null));
    }
}
