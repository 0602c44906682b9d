package dev.logitparity.judge;

import dev.logitparity.compare.SyntheticTraces;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TracePairTest {

    /** Logits whose close counts and then fails, as an unmap error would. */
    private record FailingClose(AtomicInteger closes, String name) implements Logits {
        public int steps() {
            return 1;
        }

        public int vocab() {
            return 2;
        }

        public void copyRow(int step, float[] dst) {
        }

        public float get(int step, int token) {
            return 0;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            throw new IllegalStateException(name + " failed to close");
        }
    }

    @Test
    void closingClosesBothSidesEvenWhenTheFirstThrows() {
        AtomicInteger closes = new AtomicInteger();
        Trace a = Trace.of(SyntheticTraces.info("a", CaptureMode.FREE_RUN), new int[] {1}, new int[] {0},
                new FailingClose(closes, "a"));
        Trace b = Trace.of(SyntheticTraces.info("b", CaptureMode.FREE_RUN), new int[] {1}, new int[] {0},
                new FailingClose(closes, "b"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new TracePair(a, b, List.of()).close());
        assertEquals(2, closes.get());
        assertEquals(1, e.getSuppressed().length, "the second failure is kept, not lost");
    }
}
