package dev.logitparity.logits;

import java.util.Arrays;

/**
 * The k highest logits of one row, best first; ties keep the lower token id first, as greedy argmax does. An instance
 * collects them from ranges of tokens offered in ascending order and is reused row after row (no per-row allocation);
 * {@link #of} is the one-call form.
 */
public final class TopK {
    private final int k;
    private final int[] ids;
    private float[] row;
    private int size;
    // the smallest value kept once the buffer is full, in a field read once per range so the common case is one
    // compare per token
    private float floor;

    /** Collects the {@code k} highest of a row; {@link #reset} starts each row. */
    public TopK(int k) {
        this.k = k;
        this.ids = new int[k];
    }

    /** Token ids of the {@code k} largest values in {@code row[0, vocab)}, in descending order of value. */
    public static int[] of(float[] row, int vocab, int k) {
        TopK top = new TopK(Math.min(k, vocab));
        top.reset(row);
        top.offer(0, vocab);
        return Arrays.copyOf(top.ids, top.size);
    }

    /** Starts collecting from {@code row}, forgetting the previous row's tokens. */
    public void reset(float[] row) {
        this.row = row;
        this.size = 0;
        this.floor = Float.NaN;
    }

    /** Whether k tokens are held, so a token enters only if its value is above {@link #floor()}. */
    public boolean full() {
        return size == k;
    }

    /** The smallest value held once {@link #full()}: a filter may skip the tokens not above it. */
    public float floor() {
        return floor;
    }

    /** Takes the tokens {@code [from, to)} of the row, which follow every token offered before. */
    public void offer(int from, int to) {
        float kept = floor;
        // Insertion into a small sorted buffer: O(vocab * k) with k ~ 10 beats sorting 150k entries.
        for (int token = from; token < to; token++) {
            float v = row[token];
            if (size == k && !(v > kept)) {
                continue;
            }
            int pos = size < k ? size++ : k - 1;
            while (pos > 0 && v > row[ids[pos - 1]]) {
                ids[pos] = ids[pos - 1];
                pos--;
            }
            ids[pos] = token;
            if (size == k) {
                kept = row[ids[k - 1]];
            }
        }
        floor = kept;
    }

    /** How many tokens are held: k, or the row's length when it is shorter. */
    public int size() {
        return size;
    }

    /** The token held at {@code place}, 0 being the highest. */
    public int id(int place) {
        return ids[place];
    }
}
