package dev.logitparity.trace;

import static dev.logitparity.trace.TraceFixtures.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logitparity.sources.TopKLogits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFirstStepsTest {
    private static final int STEPS = 6;
    private static final int VOCAB = 9;

    @TempDir
    Path dir;

    @Test
    void theViewHoldsTheFirstTokensAndRowsWithTheSameInfoAndPrompt() {
        Trace whole = TraceFixtures.trace(STEPS, VOCAB);
        Trace first = whole.firstSteps(4);

        assertEquals(4, first.steps());
        assertArrayEquals(Arrays.copyOf(whole.tokens(), 4), first.tokens());
        assertArrayEquals(whole.promptTokens(), first.promptTokens());
        assertSame(whole.info(), first.info());
        Logits rows = first.logits().orElseThrow();
        assertEquals(4, rows.steps());
        assertSameBits(Arrays.copyOf(TraceFixtures.values(STEPS, VOCAB), 4 * VOCAB), rows);
    }

    @Test
    void rowsPastTheViewAreOutOfRangeThoughTheWholeTraceHasThem() {
        Logits rows = TraceFixtures.trace(STEPS, VOCAB).firstSteps(2).logits().orElseThrow();
        assertThrows(IndexOutOfBoundsException.class, () -> rows.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> rows.copyRow(2, new float[VOCAB]));
    }

    @Test
    void closingTheViewLeavesTheMappedLogitsOfTheOriginalOpenAndClosingTheOriginalClosesThem() throws IOException {
        TraceWriter.write(TraceFixtures.trace(STEPS, VOCAB), dir);
        Trace mapped = TraceReader.read(dir);
        Trace first = mapped.firstSteps(3);
        float expected = mapped.logits().orElseThrow().get(2, 5);

        first.close();
        float afterViewClosed = mapped.logits().orElseThrow().get(2, 5);
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(afterViewClosed));

        mapped.close();
        assertThrows(IllegalStateException.class, () -> first.logits().orElseThrow().get(0, 0));
    }

    @Test
    void aViewOfATokensOnlyTraceHasNoLogits() {
        Trace first = Trace.tokensOnly(TraceFixtures.info(), new int[]{1}, new int[]{5, 6, 7}).firstSteps(2);
        assertTrue(first.logits().isEmpty());
        assertArrayEquals(new int[]{5, 6}, first.tokens());
    }

    @Test
    void zeroToAllStepsMayBeTakenButNotMoreOrFewer() {
        Trace whole = TraceFixtures.trace(STEPS, VOCAB);
        assertEquals(0, whole.firstSteps(0).steps());
        assertEquals(STEPS, whole.firstSteps(STEPS).steps());
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class, () -> whole.firstSteps(7));
        assertEquals("cannot take the first 7 steps of a trace of 6", beyond.getMessage());
        assertThrows(IllegalArgumentException.class, () -> whole.firstSteps(-1));
    }

    @Test
    void theViewSaysWhetherItsRowsAreComplete() {
        assertTrue(TraceFixtures.trace(STEPS, VOCAB).firstSteps(1).logits().orElseThrow().complete());
        Logits topK = TopKLogits.builder(VOCAB).appendRow(new int[]{1, 4}, new float[]{2f, 1f}).build();
        Trace partial = Trace.of(TraceFixtures.info(), new int[]{0}, new int[]{1}, topK);
        assertFalse(partial.firstSteps(1).logits().orElseThrow().complete());
    }
}
