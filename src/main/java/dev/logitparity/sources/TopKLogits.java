package dev.logitparity.sources;

import dev.logitparity.trace.Logits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Logits of a source that lists only some tokens per step (its top-k). An unlisted token reads as
 * {@link Float#NEGATIVE_INFINITY}: the source gave no value for it, so it counts as never chosen. These rows are
 * partial, and {@link #complete()} says so; a consumer that needs a full distribution (KL, NMSE) must restrict
 * itself to {@link #listedTokens(int)}.
 */
public final class TopKLogits implements Logits {
    private final int vocab;
    private final int[][] ids;
    private final float[][] values;

    private TopKLogits(int vocab, int[][] ids, float[][] values) {
        this.vocab = vocab;
        this.ids = ids;
        this.values = values;
    }

    public static Builder builder(int vocab) {
        return new Builder(vocab);
    }

    @Override
    public int steps() {
        return ids.length;
    }

    @Override
    public int vocab() {
        return vocab;
    }

    @Override
    public void copyRow(int step, float[] dst) {
        Objects.checkIndex(step, ids.length);
        if (dst.length < vocab) {
            throw new IllegalArgumentException("row buffer holds " + dst.length + " floats, vocab is " + vocab);
        }
        Arrays.fill(dst, 0, vocab, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < ids[step].length; i++) {
            dst[ids[step][i]] = values[step][i];
        }
    }

    @Override
    public float get(int step, int token) {
        Objects.checkIndex(step, ids.length);
        Objects.checkIndex(token, vocab);
        int at = Arrays.binarySearch(ids[step], token);
        return at >= 0 ? values[step][at] : Float.NEGATIVE_INFINITY;
    }

    /** The tokens the source gave a value for at {@code step}, ascending. */
    public int[] listedTokens(int step) {
        return ids[Objects.checkIndex(step, ids.length)].clone();
    }

    /** Always false: the rows hold only the listed tokens. */
    @Override
    public boolean complete() {
        return false;
    }

    @Override
    public String toString() {
        return "TopKLogits[" + ids.length + " x " + vocab + "]";
    }

    /** Collects one row per step; {@link #build()} may be called once. */
    public static final class Builder {
        private final int vocab;
        private final List<int[]> ids = new ArrayList<>();
        private final List<float[]> values = new ArrayList<>();
        private boolean built;

        private Builder(int vocab) {
            if (vocab < 1) {
                throw new IllegalArgumentException("vocab must be positive, got " + vocab);
            }
            this.vocab = vocab;
        }

        /**
         * Appends a step that lists {@code values[i]} for token {@code tokens[i]}, in any order.
         *
         * @throws IllegalArgumentException for a token outside the vocab, a token listed twice, or lengths that differ
         */
        public Builder appendRow(int[] tokens, float[] logits) {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
            if (tokens.length != logits.length) {
                throw new IllegalArgumentException(tokens.length + " tokens but " + logits.length + " values");
            }
            // Sorting (token, raw bits) pairs packed in a long orders by token and keeps each value with its token.
            long[] pairs = new long[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i] < 0 || tokens[i] >= vocab) {
                    throw new IllegalArgumentException("token " + tokens[i] + " is outside vocab " + vocab);
                }
                pairs[i] = (long) tokens[i] << Integer.SIZE
                        | Integer.toUnsignedLong(Float.floatToRawIntBits(logits[i]));
            }
            Arrays.sort(pairs);
            int[] sortedIds = new int[pairs.length];
            float[] sortedValues = new float[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                sortedIds[i] = (int) (pairs[i] >>> Integer.SIZE);
                sortedValues[i] = Float.intBitsToFloat((int) pairs[i]);
                if (i > 0 && sortedIds[i] == sortedIds[i - 1]) {
                    throw new IllegalArgumentException("token " + sortedIds[i] + " is listed twice");
                }
            }
            ids.add(sortedIds);
            values.add(sortedValues);
            return this;
        }

        public int steps() {
            return ids.size();
        }

        public TopKLogits build() {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
            built = true;
            return new TopKLogits(vocab, ids.toArray(int[][]::new), values.toArray(float[][]::new));
        }
    }
}
