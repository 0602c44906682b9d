package dev.logitparity.trace;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Layouts and argument checks shared by everything that moves logits rows. */
final class Rows {
    /** A float as the runtime producing it left it in native memory (llama's logits buffer). */
    static final ValueLayout.OfFloat NATIVE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** A float as NPY '<f4' stores it, whatever the machine's order. */
    static final ValueLayout.OfFloat FILE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Rows() {
    }

    static void checkTarget(float[] dst, int vocab) {
        if (dst.length < vocab) {
            throw new IllegalArgumentException("row buffer holds " + dst.length + " floats, vocab is " + vocab);
        }
    }

    static void checkSource(float[] row, int vocab) {
        if (row.length != vocab) {
            throw new IllegalArgumentException("row has " + row.length + " floats, vocab is " + vocab);
        }
    }

    static void checkSource(MemorySegment row, int vocab) {
        if (row.byteSize() < (long) vocab * Float.BYTES) {
            throw new IllegalArgumentException("row segment has " + row.byteSize() + " bytes, vocab " + vocab
                    + " needs " + (long) vocab * Float.BYTES + " (reinterpret a raw native pointer to that size first)");
        }
    }

    static int checkVocab(int vocab) {
        if (vocab < 1) {
            throw new IllegalArgumentException("vocab must be positive, got " + vocab);
        }
        return vocab;
    }
}
