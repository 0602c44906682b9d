package dev.logitparity.logits;

import java.util.Arrays;

/** The k highest logits of one row, best first; ties keep the lower token id first, as greedy argmax does. */
public final class TopK {

    private TopK() {
    }

    /** Token ids of the {@code k} largest values in {@code row[0, vocab)}, in descending order of value. */
    public static int[] of(float[] row, int vocab, int k) {
        int n = Math.min(k, vocab);
        int[] ids = new int[n];
        int size = 0;
        // the smallest value kept once the buffer is full, in a local so the common case is one compare per token
        float floor = Float.NaN;
        // Insertion into a small sorted buffer: O(vocab * k) with k ~ 10 beats sorting 150k entries.
        for (int token = 0; token < vocab; token++) {
            float v = row[token];
            if (size == n && !(v > floor)) {
                continue;
            }
            int pos = size < n ? size++ : n - 1;
            while (pos > 0 && v > row[ids[pos - 1]]) {
                ids[pos] = ids[pos - 1];
                pos--;
            }
            ids[pos] = token;
            if (size == n) {
                floor = row[ids[n - 1]];
            }
        }
        return Arrays.copyOf(ids, size);
    }
}
