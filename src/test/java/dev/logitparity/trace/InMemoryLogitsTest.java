package dev.logitparity.trace;

import static dev.logitparity.trace.TraceFixtures.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InMemoryLogitsTest {

    @Test
    void builderKeepsEveryRowWhenItGrowsPastTheExpectedSteps() {
        float[] values = TraceFixtures.values(40, 3);
        InMemoryLogits.Builder builder = InMemoryLogits.builder(3, 2);
        for (int step = 0; step < 40; step++) {
            float[] row = Arrays.copyOfRange(values, step * 3, step * 3 + 3);
            if (step % 2 == 0) {
                builder.appendRow(row);
            } else {
                builder.appendRow(MemorySegment.ofArray(row));
            }
        }
        assertEquals(40, builder.steps());
        assertSameBits(values, builder.build());
    }

    @Test
    void appendingANativeSegmentCopiesTheFirstVocabFloats() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment llamaRow = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 0.5f, -1f, 7f, 42f);
            InMemoryLogits logits = InMemoryLogits.builder(3).appendRow(llamaRow).appendRow(llamaRow).build();
            assertSameBits(new float[]{0.5f, -1f, 7f, 0.5f, -1f, 7f}, logits);
        }
    }

    @Test
    void aSegmentShorterThanARowIsRejectedWithAHintToReinterpret() {
        InMemoryLogits.Builder builder = InMemoryLogits.builder(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.appendRow(MemorySegment.NULL));
        assertTrue(e.getMessage().contains("reinterpret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.appendRow(new float[4]));
        assertEquals(0, builder.steps());
    }

    @Test
    void aBuiltBuilderRefusesMoreRows() {
        InMemoryLogits.Builder builder = InMemoryLogits.builder(2);
        builder.appendRow(new float[2]).build();
        assertThrows(IllegalStateException.class, () -> builder.appendRow(new float[2]));
        assertThrows(IllegalStateException.class, builder::build);
    }

    @Test
    void wrapRequiresWholeRowsAndRowAccessChecksBounds() {
        assertThrows(IllegalArgumentException.class, () -> InMemoryLogits.wrap(3, new float[7]));
        assertThrows(IllegalArgumentException.class, () -> InMemoryLogits.wrap(0, new float[0]));
        InMemoryLogits logits = InMemoryLogits.wrap(3, new float[6]);
        assertEquals(2, logits.steps());
        assertThrows(IndexOutOfBoundsException.class, () -> logits.copyRow(2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> logits.copyRow(0, new float[2]));
        assertThrows(IndexOutOfBoundsException.class, () -> logits.get(0, 3));
    }
}
