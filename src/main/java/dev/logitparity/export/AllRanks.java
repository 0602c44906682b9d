package dev.logitparity.export;

import java.util.Arrays;

/**
 * The rank of every token of a row at once, with {@link dev.logitparity.logits.LogProbs#rank}'s order (larger value
 * first, lower id first on ties, NaN below every number): one sort instead of one pass per token. Reuses its buffers.
 */
final class AllRanks {
    private final long[] keys;
    private final int[] ranks;

    AllRanks(int vocab) {
        this.keys = new long[vocab];
        this.ranks = new int[vocab];
    }

    /** Ranks of {@code row[0, vocab)}, valid until the next call. */
    int[] of(float[] row) {
        for (int token = 0; token < keys.length; token++) {
            // Descending order key in the high half, the id in the low half: one ascending long sort does it all.
            keys[token] = ((long) ~orderedBits(row[token]) << 32) | token;
        }
        Arrays.sort(keys);
        for (int rank = 0; rank < keys.length; rank++) {
            ranks[(int) keys[rank]] = rank;
        }
        return ranks;
    }

    /** An int that orders as the float does, -0.0 equal to 0.0, NaN below -Infinity. */
    private static int orderedBits(float value) {
        if (value != value) {
            return Integer.MIN_VALUE;
        }
        int bits = Float.floatToRawIntBits(value + 0.0f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
