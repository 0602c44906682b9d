package dev.logitparity.trace;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

/** Logits held in one row-major {@code float[steps * vocab]} on the heap. */
public final class InMemoryLogits implements Logits {
    // The JVM refuses arrays a few elements short of Integer.MAX_VALUE.
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int DEFAULT_EXPECTED_STEPS = 16;

    private final int steps;
    private final int vocab;
    private final float[] data;

    private InMemoryLogits(int steps, int vocab, float[] data) {
        this.steps = steps;
        this.vocab = vocab;
        this.data = data;
    }

    /**
     * Takes {@code data} as it is, without copying: row-major, {@code data.length / vocab} rows. The caller must not
     * change it afterwards.
     */
    public static InMemoryLogits wrap(int vocab, float[] data) {
        Rows.checkVocab(vocab);
        if (data.length % vocab != 0) {
            throw new IllegalArgumentException(data.length + " floats are not whole rows of vocab " + vocab);
        }
        return new InMemoryLogits(data.length / vocab, vocab, data);
    }

    /** A builder that appends rows as a capture produces them. */
    public static Builder builder(int vocab) {
        return new Builder(vocab, DEFAULT_EXPECTED_STEPS);
    }

    /** As {@link #builder(int)}, sized for {@code expectedSteps} rows so that no row is copied twice. */
    public static Builder builder(int vocab, int expectedSteps) {
        return new Builder(vocab, expectedSteps);
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public int vocab() {
        return vocab;
    }

    @Override
    public void copyRow(int step, float[] dst) {
        Objects.checkIndex(step, steps);
        Rows.checkTarget(dst, vocab);
        System.arraycopy(data, step * vocab, dst, 0, vocab);
    }

    @Override
    public float get(int step, int token) {
        Objects.checkIndex(step, steps);
        Objects.checkIndex(token, vocab);
        return data[step * vocab + token];
    }

    @Override
    public String toString() {
        return "InMemoryLogits[" + steps + " x " + vocab + "]";
    }

    /** Collects rows into a growing array; {@link #build()} hands the array over, after which the builder is spent. */
    public static final class Builder {
        private final int vocab;
        private float[] data;
        private int steps;
        private boolean built;

        private Builder(int vocab, int expectedSteps) {
            this.vocab = Rows.checkVocab(vocab);
            if (expectedSteps < 0) {
                throw new IllegalArgumentException("expectedSteps must not be negative, got " + expectedSteps);
            }
            this.data = new float[capacityFor(Math.max(expectedSteps, 1))];
        }

        /** Appends one row of exactly vocab floats. */
        public Builder appendRow(float[] row) {
            Rows.checkSource(row, vocab);
            int offset = reserveRow();
            System.arraycopy(row, 0, data, offset, vocab);
            return this;
        }

        /**
         * Appends the first vocab native-order floats of {@code row} with one bulk copy, e.g. straight from
         * {@code llama_get_logits_ith(ctx, i).reinterpret(vocab * 4L)}, which is only valid until the next decode.
         */
        public Builder appendRow(MemorySegment row) {
            Rows.checkSource(row, vocab);
            int offset = reserveRow();
            MemorySegment.copy(row, Rows.NATIVE_FLOAT, 0, data, offset, vocab);
            return this;
        }

        public int steps() {
            return steps;
        }

        public InMemoryLogits build() {
            checkNotBuilt();
            built = true;
            int used = steps * vocab;
            return new InMemoryLogits(steps, vocab, data.length == used ? data : Arrays.copyOf(data, used));
        }

        /** Makes room for one more row, possibly replacing {@code data}, and returns where it starts. */
        private int reserveRow() {
            checkNotBuilt();
            int offset = steps * vocab;
            if (data.length - offset < vocab) {
                data = Arrays.copyOf(data, Math.max(capacityFor(steps + 1), (int) Math.min(MAX_ARRAY, 2L * data.length)));
            }
            steps++;
            return offset;
        }

        private int capacityFor(int rows) {
            long floats = (long) rows * vocab;
            if (floats > MAX_ARRAY) {
                throw new IllegalStateException(rows + " rows of vocab " + vocab
                        + " exceed one Java array; stream them to an NpyWriter instead");
            }
            return (int) floats;
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
        }
    }
}
