package dev.logitparity.sources;

import static dev.logitparity.sources.SourceFixtures.assertRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Partial rows: listed tokens keep their exact values, every other token reads as negative infinity. */
class TopKLogitsTest {
    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    @Test
    void listedTokensKeepTheirValuesInAnyOrderAndTheRestAreNegativeInfinity() {
        TopKLogits logits = TopKLogits.builder(6)
                .appendRow(new int[]{4, 0, 2}, new float[]{-0.0f, 3.5f, Float.NaN})
                .appendRow(new int[0], new float[0])
                .build();
        assertEquals(2, logits.steps());
        assertEquals(6, logits.vocab());
        assertArrayEquals(new int[]{0, 2, 4}, logits.listedTokens(0));
        assertRow(new float[]{3.5f, NEG_INF, Float.NaN, NEG_INF, -0.0f, NEG_INF}, logits, 0);
        assertRow(new float[]{NEG_INF, NEG_INF, NEG_INF, NEG_INF, NEG_INF, NEG_INF}, logits, 1);
        assertEquals(NEG_INF, logits.get(0, 5));
        assertTrue(Float.isNaN(logits.get(0, 2)));
        assertFalse(logits.complete(), "top-k rows are partial");
    }

    @Test
    void aRowBufferIsOverwrittenWhollyUpToTheVocab() {
        TopKLogits logits = TopKLogits.builder(3).appendRow(new int[]{1}, new float[]{2f}).build();
        float[] reused = {9f, 9f, 9f, 9f};
        logits.copyRow(0, reused);
        assertArrayEquals(new float[]{NEG_INF, 2f, NEG_INF, 9f}, reused);
    }

    @Test
    void badRowsAreRefused() {
        TopKLogits.Builder builder = TopKLogits.builder(3);
        assertThrows(IllegalArgumentException.class, () -> builder.appendRow(new int[]{3}, new float[]{1f}));
        assertThrows(IllegalArgumentException.class, () -> builder.appendRow(new int[]{-1}, new float[]{1f}));
        assertThrows(IllegalArgumentException.class, () -> builder.appendRow(new int[]{1, 1}, new float[]{1f, 2f}));
        assertThrows(IllegalArgumentException.class, () -> builder.appendRow(new int[]{1}, new float[]{1f, 2f}));
        assertEquals(0, builder.steps(), "a refused row is not kept");
        assertThrows(IllegalArgumentException.class, () -> TopKLogits.builder(0));
    }

    @Test
    void outOfRangeReadsAndASecondBuildAreRefused() {
        TopKLogits.Builder builder = TopKLogits.builder(3).appendRow(new int[]{1}, new float[]{2f});
        TopKLogits logits = builder.build();
        assertThrows(IndexOutOfBoundsException.class, () -> logits.get(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> logits.get(0, 3));
        assertThrows(IllegalArgumentException.class, () -> logits.copyRow(0, new float[2]));
        assertThrows(IllegalStateException.class, builder::build);
        assertThrows(IllegalStateException.class, () -> builder.appendRow(new int[0], new float[0]));
    }
}
